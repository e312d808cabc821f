// How a form takes in newer copies of its record and resolves a refused save (renderer logic,
// pure functions, so they run here under Node).
import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../renderer/src/lib/form';
import {
  dirtyFields,
  initialState,
  patchOf,
  resolveConflict,
  takeNewer,
} from '../../renderer/src/lib/versioned-form';

const SPECS: FieldSpec[] = [{ name: 'memberId' }, { name: 'insurerName' }, { name: 'planName' }];
const loaded = { memberId: null, insurerName: null, planName: 'Gold', version: 3 };
const edit = (name: string, value: string) => {
  const s = initialState(SPECS, loaded);
  return { ...s, values: { ...s.values, [name]: value } };
};

describe('a form over a versioned record', () => {
  it('sends only the fields the user changed, with the version it loaded', () => {
    const s = edit('planName', 'Silver');
    expect(patchOf(SPECS, s)).toEqual({ planName: 'Silver' });
    expect(s.version).toBe(3);
  });

  it('untouched, takes every newer value and the newer version', () => {
    const s = takeNewer(SPECS, initialState(SPECS, loaded), {
      ...loaded,
      memberId: 'AHP-1',
      version: 4,
    });
    expect(s.values.memberId).toBe('AHP-1');
    expect(s.version).toBe(4);
    expect(dirtyFields(s)).toEqual([]);
  });

  it('edited, takes newer values of the other fields and moves to the newer version', () => {
    const s = takeNewer(SPECS, edit('planName', 'Silver'), {
      ...loaded,
      memberId: 'AHP-1',
      insurerName: 'Acme',
      version: 5,
    });
    expect(s.values).toEqual({ memberId: 'AHP-1', insurerName: 'Acme', planName: 'Silver' });
    expect(s.version).toBe(5);
    expect(patchOf(SPECS, s)).toEqual({ planName: 'Silver' });
  });

  it('edited field changed there too: keeps the user’s value and the old version', () => {
    const s = takeNewer(SPECS, edit('planName', 'Silver'), {
      ...loaded,
      planName: 'Bronze',
      memberId: 'AHP-1',
      version: 5,
    });
    expect(s.values).toMatchObject({ planName: 'Silver', memberId: 'AHP-1' });
    expect(s.version).toBe(3);
    expect(patchOf(SPECS, s)).toEqual({ planName: 'Silver' });
  });

  it('a conflict: keep mine re-bases on the newer version; take theirs puts the newer value in', () => {
    const s = {
      ...edit('planName', 'Silver'),
      values: { ...edit('planName', 'Silver').values, memberId: 'X' },
    };
    const conflict = {
      fields: ['planName'],
      current: { ...loaded, planName: 'Bronze', insurerName: 'Acme', version: 6 },
      version: 6,
    };
    const mine = resolveConflict(SPECS, s, conflict, 'mine');
    expect(mine.version).toBe(6);
    expect(patchOf(SPECS, mine)).toEqual({ planName: 'Silver', memberId: 'X' });
    expect(mine.values.insurerName).toBe('Acme');
    const theirs = resolveConflict(SPECS, s, conflict, 'theirs');
    expect(theirs.values).toEqual({ memberId: 'X', insurerName: 'Acme', planName: 'Bronze' });
    expect(patchOf(SPECS, theirs)).toEqual({ memberId: 'X' });
  });
});
