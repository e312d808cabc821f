// Each case's history: a row per change (what, old and new value, when, who and through which
// door), written inside the same transaction as the change itself.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../electron/engine';
import { cleanup, clientWithCase, fails, ok, sampleCase, tempDir, versionOf } from './helpers';

afterEach(cleanup);

function engineFor(door: string) {
  const engine = openEngine({ databasePath: join(tempDir(), 'lib.sqlite'), door });
  return engine;
}

describe('case history', () => {
  it('records who changed which field of a case, from what to what, and when', async () => {
    const engine = engineFor('browser');
    try {
      const { client, case: kase } = await clientWithCase(engine);
      const before = Date.now();
      await ok(engine, 'cases.update', {
        ...sampleCase(client.id),
        id: kase.id,
        version: versionOf(engine, 'cases', kase.id),
        status: 'internal-appeal-1',
        memberId: 'NEW-MEMBER-1',
      });
      const history = await ok(engine, 'cases.history', { caseId: kase.id });
      const changes = history.filter((h) => h.action === 'update');
      expect(changes.map((h) => [h.field, h.oldValue, h.newValue]).sort()).toEqual([
        ['member_id', 'XQZ123456789', 'NEW-MEMBER-1'],
        ['status', 'denied', 'internal-appeal-1'],
      ]);
      for (const h of changes) {
        expect(h.actor).toMatch(/ via browser: cases\.update$/);
        expect(Date.parse(h.changedAt)).toBeGreaterThanOrEqual(before - 1000);
      }
      // The case's creation is the oldest entry; the newest comes first.
      expect(history.at(-1)).toMatchObject({ action: 'create', tableName: 'cases' });
    } finally {
      engine.close();
    }
  });

  it('records a denial and a change to what a letter argues from', async () => {
    const engine = engineFor('app');
    try {
      const { client, case: kase } = await clientWithCase(engine);
      const denial = await ok(engine, 'denials.create', {
        caseId: kase.id,
        values: { deniedOn: '2024-07-01', reason: 'Not necessary.', service: 'TMS' },
      });
      await ok(engine, 'denials.update', {
        id: denial.id,
        version: denial.version,
        values: {
          deniedOn: '2024-07-01',
          reason: 'Not necessary.',
          service: 'TMS',
          claimNumber: 'C-1',
        },
      });
      await ok(engine, 'cases.update', {
        ...sampleCase(client.id),
        id: kase.id,
        version: versionOf(engine, 'cases', kase.id),
        functionalImpact: 'Cannot work.',
      });
      const history = await ok(engine, 'cases.history', { caseId: kase.id });
      const fields = history.map((h) => [h.tableName, h.action, h.field, h.newValue]);
      expect(fields).toContainEqual(['denials', 'create', null, 'TMS']);
      expect(fields).toContainEqual(['denials', 'update', 'claim_number', 'C-1']);
      expect(fields).toContainEqual(['cases', 'update', 'functional_impact', 'Cannot work.']);
    } finally {
      engine.close();
    }
  });

  it('records records added, changed and deleted, and documents imported', async () => {
    const engine = engineFor('cli');
    try {
      const { case: kase } = await clientWithCase(engine);
      const caseId = kase.id;
      const t = await ok(engine, 'treatments.create', {
        caseId,
        values: { kind: 'medication', name: 'Bupropion', dose: '150 mg' },
      });
      await ok(engine, 'treatments.update', {
        id: t.id,
        version: t.version,
        values: { kind: 'medication', name: 'Bupropion', dose: '300 mg' },
      });
      await ok(engine, 'treatments.delete', { id: t.id });
      await ok(engine, 'documents.import', {
        caseId,
        paths: [join(process.cwd(), '../shared/fixtures/word/clinical/intake-form.docx')],
      });
      const history = await ok(engine, 'cases.history', { caseId });
      const about = history
        .filter((h) => h.tableName !== 'cases')
        .map((h) => [h.tableName, h.action, h.field, h.oldValue, h.newValue]);
      expect(about).toEqual([
        ['documents', 'create', null, null, 'intake-form.docx'],
        ['treatments', 'delete', null, 'Bupropion', null],
        ['treatments', 'update', 'dose', '150 mg', '300 mg'],
        ['treatments', 'create', null, null, 'Bupropion'],
      ]);
      expect(history[0]!.actor).toMatch(/via cli: documents\.import$/);
    } finally {
      engine.close();
    }
  });

  it('writes nothing for a refused change, and goes with its case', async () => {
    const engine = engineFor('app');
    try {
      const { client, case: kase } = await clientWithCase(engine);
      const count = () => engine.db.prepare('SELECT count(*) FROM case_history').pluck().get();
      const before = count();
      await fails(engine, 'cases.update', {
        ...sampleCase(client.id),
        id: kase.id,
        version: kase.version,
        providerNpi: '1',
      });
      expect(count()).toBe(before);
      await ok(engine, 'cases.delete', { id: kase.id });
      expect(count()).toBe(0);
      expect((await fails(engine, 'cases.history', { caseId: kase.id })).code).toBe('not-found');
    } finally {
      engine.close();
    }
  });
});
