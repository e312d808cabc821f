// The case history reads in words: every call that writes has a phrase, and the recorded actor
// becomes who, where and what.
import { describe, expect, test } from 'vitest';
import { apiArgs } from '../../electron/contract/api';
import { WRITE_PHRASES, actorInWords } from '../../electron/contract/history-phrases';
import { READS } from '../../electron/engine/index';

describe('history in words', () => {
  test('every call that writes has a phrase, so a new call cannot be missed', () => {
    const writes = Object.keys(apiArgs).filter((name) => !READS.test(name));
    expect(writes.length).toBeGreaterThan(40);
    const missing = writes.filter((name) => !(name in WRITE_PHRASES));
    expect(missing).toEqual([]);
    for (const phrase of Object.values(WRITE_PHRASES)) expect(phrase).not.toMatch(/\./);
  });

  test('the recorded actor reads as a person, a place and an action', () => {
    expect(actorInWords('root via browser: cases.update')).toEqual({
      who: 'root',
      where: 'in the browser',
      did: 'Changed the case',
    });
    expect(actorInWords('ana via app: denials.create').did).toBe('Added a denial');
    expect(actorInWords('ana via cli: letters.generate')).toMatchObject({
      where: 'from the command line',
      did: 'Generated a letter',
    });
    expect(actorInWords('ana via app')).toEqual({ who: 'ana', where: 'in the app', did: null });
  });
});
