// First run: the welcome's rule, the sample case (every screen's data, removal of exactly its rows)
// and the default letter recipients kept in settings.
import { afterEach, describe, expect, test } from 'vitest';
import type { Engine } from '../../electron/engine';
import { cleanup, fails, ok, sampleClient, tempEngine } from './helpers';

afterEach(cleanup);

/** Every table's rows, as JSON per table, except the settings the calls themselves keep. */
/** Every row of every table but the derived ones (search indexes, counts kept by triggers). */
function snapshot(engine: Engine): Record<string, string[]> {
  const tables = engine.db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE 'case_search%' AND name NOT LIKE 'client_search%'
       AND name NOT LIKE 'letter_search%'
       AND name NOT IN ('settings', 'record_changes', 'list_counts', 'outcome_counts')`,
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (engine.db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) =>
        JSON.stringify(r),
      ),
    ]),
  );
}

async function realCase(engine: Engine) {
  const client = await ok(engine, 'clients.create', sampleClient());
  const kase = await ok(engine, 'cases.create', {
    clientId: client.id,
    requestedTreatment: 'Esketamine nasal spray',
  });
  await ok(engine, 'diagnoses.create', { caseId: kase.id, values: { icd10Code: 'F32.2' } });
  const contact = await ok(engine, 'contacts.create', { kind: 'insurer', name: 'Real Insurer' });
  return { client, kase, contact };
}

describe('the welcome', () => {
  test('is due on a new library, and no longer once finished, named or holding clients', async () => {
    const engine = tempEngine();
    expect((await ok(engine, 'settings.get')).welcome).toEqual({ done: false, due: true });
    await ok(engine, 'profile.update', { version: 0, name: 'Jordan Reyes' });
    expect((await ok(engine, 'settings.get')).welcome.due).toBe(false);

    const other = tempEngine();
    await ok(other, 'clients.create', sampleClient());
    expect((await ok(other, 'settings.get')).welcome.due).toBe(false);

    const third = tempEngine();
    expect((await ok(third, 'welcome.finish')).welcome).toEqual({ done: true, due: false });
    expect((await ok(third, 'settings.get')).welcome.done).toBe(true);
  });
});

describe('the sample case', () => {
  test('gives every screen something to show', async () => {
    const engine = tempEngine();
    const made = await ok(engine, 'sample.create');
    expect(made.present).toBe(true);
    const detail = await ok(engine, 'cases.get', { id: made.caseId! });
    expect(detail.client.lastName).toContain('(sample)');
    expect(detail.diagnoses.map((d) => d.icd10Code)).toEqual(['F33.2', 'F41.1']);
    const medications = detail.treatments.filter((t) => t.kind === 'medication');
    expect(new Set(medications.map((t) => t.drugClass)).size).toBeGreaterThanOrEqual(4);
    expect(medications.every((t) => t.startedOn && t.endedOn && t.outcome)).toBe(true);
    const phq = detail.assessments.filter((a) => a.instrument === 'PHQ-9');
    expect(phq.length).toBeGreaterThanOrEqual(3);
    expect(new Set(phq.map((a) => a.assessedOn)).size).toBe(phq.length);
    expect(detail.communications).toHaveLength(1);
    // The denial's own deadline plus the sample task, both ahead of today.
    const today = new Date().toISOString().slice(0, 10);
    expect(detail.deadlines.length).toBeGreaterThanOrEqual(2);
    expect(detail.deadlines.every((d) => d.dueOn > today)).toBe(true);

    const workflow = await ok(engine, 'workflow.get', { caseId: made.caseId! });
    expect(workflow.denials).toHaveLength(1);
    const contacts = (await ok(engine, 'contacts.list', {})).items;
    expect(contacts.map((c) => c.kind).sort()).toEqual(['insurer', 'lawmaker']);
    const found = await ok(engine, 'search', { query: 'Rivera sample' });
    expect(found.map((c) => c.id)).toEqual([made.caseId]);
    const dashboard = await ok(engine, 'dashboard.get', {});
    expect(JSON.stringify(dashboard)).toContain('Rivera (sample)');
  });

  test('is refused a second time while it is there', async () => {
    const engine = tempEngine();
    await ok(engine, 'sample.create');
    expect((await fails(engine, 'sample.create')).code).toBe('conflict');
    expect(await ok(engine, 'clients.list', {})).toMatchObject({ total: 1 });
  });

  test('removal deletes exactly its rows and leaves real data as it was', async () => {
    const engine = tempEngine();
    const real = await realCase(engine);
    const before = snapshot(engine);
    await ok(engine, 'sample.create');
    // A letter's default recipient on the sample contact stops being a default once it is gone.
    const status = await ok(engine, 'sample.status');
    await ok(engine, 'settings.setDefaultRecipient', {
      kind: 'appeal',
      version: 1,
      contactId: status.contactIds[0]!,
    });
    const removal = await ok(engine, 'sample.remove');
    expect(removal.removed).toEqual({ cases: 1, clients: 1, contacts: 2 });
    expect(removal.present).toBe(false);
    expect(snapshot(engine)).toEqual(before);
    expect((await ok(engine, 'settings.get')).defaultRecipients).toEqual({});
    expect((await ok(engine, 'cases.get', { id: real.kase.id })).diagnoses).toHaveLength(1);
    expect((await ok(engine, 'search', { query: 'Esketamine' })).map((c) => c.id)).toEqual([
      real.kase.id,
    ]);
    expect(await ok(engine, 'search', { query: 'Rivera' })).toEqual([]);
    // Nothing left to remove, and it can be made again.
    expect((await ok(engine, 'sample.remove')).removed).toEqual({
      cases: 0,
      clients: 0,
      contacts: 0,
    });
    expect((await ok(engine, 'sample.create')).present).toBe(true);
  });

  test('a real case filed under the sample client keeps that client', async () => {
    const engine = tempEngine();
    const made = await ok(engine, 'sample.create');
    const mine = await ok(engine, 'cases.create', {
      clientId: made.clientId!,
      requestedTreatment: 'IV ketamine',
    });
    const removal = await ok(engine, 'sample.remove');
    expect(removal.removed).toEqual({ cases: 1, clients: 0, contacts: 2 });
    expect((await ok(engine, 'cases.get', { id: mine.id })).client.id).toBe(made.clientId);
    expect((await ok(engine, 'sample.status')).present).toBe(false);
  });
});

describe('default recipients', () => {
  test('are kept per letter kind and refuse a contact that does not exist', async () => {
    const engine = tempEngine();
    const insurer = await ok(engine, 'contacts.create', { kind: 'insurer', name: 'Appeals Unit' });
    const senator = await ok(engine, 'contacts.create', { kind: 'lawmaker', name: 'Sen. Lee' });
    const first = await ok(engine, 'settings.setDefaultRecipient', {
      kind: 'appeal',
      contactId: insurer.id,
      version: 1,
    });
    const set = await ok(engine, 'settings.setDefaultRecipient', {
      kind: 'lawmaker',
      version: first.defaultRecipientsVersion,
      contactId: senator.id,
    });
    expect(set.defaultRecipients).toEqual({ appeal: insurer.id, lawmaker: senator.id });
    const cleared = await ok(engine, 'settings.setDefaultRecipient', {
      kind: 'appeal',
      version: set.defaultRecipientsVersion,
      contactId: null,
    });
    expect(cleared.defaultRecipients).toEqual({ lawmaker: senator.id });
    expect(
      (
        await fails(engine, 'settings.setDefaultRecipient', {
          kind: 'appeal',
          contactId: 999,
          version: 9,
        })
      ).code,
    ).toBe('not-found');
    expect(
      (
        await fails(engine, 'settings.setDefaultRecipient', {
          kind: 'fax',
          contactId: insurer.id,
          version: 9,
        })
      ).field,
    ).toBe('kind');
  });
});
