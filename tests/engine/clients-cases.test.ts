import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import { todayForState } from '../../electron/engine/deadlines/state-time-zones';
import {
  INVALID_NPI,
  VALID_NPI,
  cleanup,
  clientWithCase,
  fails,
  ok,
  rowCounts,
  sampleCase,
  sampleClient,
  tempEngine,
  versionOf,
} from './helpers';

afterEach(cleanup);

const tomorrow = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

/** Sets a case's updated_at to a fixed past instant so a later change is visible. */
function ageCase(engine: Engine, caseId: number): string {
  const past = '2000-01-01T00:00:00.000Z';
  engine.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(past, caseId);
  return past;
}

async function caseUpdatedAt(engine: Engine, caseId: number): Promise<string> {
  return (await ok(engine, 'cases.get', { id: caseId })).case.updatedAt;
}

describe('clients', () => {
  it('creates, reads, updates and deletes a client', async () => {
    const engine = tempEngine();
    const created = await ok(engine, 'clients.create', sampleClient({ state: ' ny ', phone: '' }));
    expect(created).toMatchObject({ ...sampleClient(), state: 'NY', phone: null });
    expect(created.id).toBeGreaterThan(0);
    expect(await ok(engine, 'clients.get', { id: created.id })).toEqual(created);

    const updated = await ok(engine, 'clients.update', {
      ...sampleClient({ lastName: 'Okonkwo-Reyes', email: null }),
      id: created.id,
      version: created.version,
    });
    expect(updated.lastName).toBe('Okonkwo-Reyes');
    expect(updated.email).toBeNull();
    expect(updated.createdAt).toBe(created.createdAt);
    expect(await ok(engine, 'clients.get', { id: created.id })).toEqual(updated);

    expect(await ok(engine, 'clients.delete', { id: created.id })).toBeNull();
    expect((await fails(engine, 'clients.get', { id: created.id })).code).toBe('not-found');
    expect((await fails(engine, 'clients.delete', { id: created.id })).code).toBe('not-found');
  });

  it.each([
    ['a missing first name', { firstName: undefined }, 'firstName'],
    ['a blank last name', { lastName: '   ' }, 'lastName'],
    ['a date of birth in the future', { dateOfBirth: tomorrow() }, 'dateOfBirth'],
    ['a malformed date of birth', { dateOfBirth: '03/15/1980' }, 'dateOfBirth'],
    ['an unknown state code', { state: 'XX' }, 'state'],
    ['a bad email', { email: 'not-an-email' }, 'email'],
  ])('refuses %s, naming the field, and writes nothing', async (_what, change, field) => {
    const engine = tempEngine();
    const before = rowCounts(engine);
    const error = await fails(engine, 'clients.create', { ...sampleClient(), ...change });
    expect(error.code).toBe('invalid-input');
    expect(error.field).toBe(field);
    expect(rowCounts(engine)).toEqual(before);
  });

  it('a failed update leaves the client as it was', async () => {
    const engine = tempEngine();
    const created = await ok(engine, 'clients.create', sampleClient());
    const error = await fails(engine, 'clients.update', {
      ...sampleClient({ firstName: 'Changed', state: 'ZZ' }),
      id: created.id,
      version: created.version,
    });
    expect(error.field).toBe('state');
    expect(await ok(engine, 'clients.get', { id: created.id })).toEqual(created);
  });

  it('refuses to delete a client who still has cases', async () => {
    const engine = tempEngine();
    const { client, case: kase } = await clientWithCase(engine);
    const error = await fails(engine, 'clients.delete', { id: client.id });
    expect(error.code).toBe('conflict');
    expect(await ok(engine, 'clients.get', { id: client.id })).toEqual(client);
    expect((await ok(engine, 'cases.get', { id: kase.id })).case).toEqual(kase);
  });
});

describe('cases', () => {
  it('creates, reads, updates and deletes a case', async () => {
    const engine = tempEngine();
    const { client, case: created } = await clientWithCase(
      engine,
      {},
      {
        providerNpi: '1234-567-893',
      },
    );
    expect(created).toMatchObject({ ...sampleCase(client.id), providerNpi: VALID_NPI });

    const updated = await ok(engine, 'cases.update', {
      ...sampleCase(client.id, { status: 'internal-appeal-1', memberId: null }),
      id: created.id,
      version: created.version,
    });
    expect(updated.status).toBe('internal-appeal-1');
    expect(updated.memberId).toBeNull();
    expect((await ok(engine, 'cases.get', { id: created.id })).case).toEqual(updated);

    expect(await ok(engine, 'cases.delete', { id: created.id })).toBeNull();
    expect((await fails(engine, 'cases.get', { id: created.id })).code).toBe('not-found');
  });

  it('defaults the status to intake and the opened date to today', async () => {
    const engine = tempEngine();
    const client = await ok(engine, 'clients.create', sampleClient());
    const created = await ok(engine, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'TMS',
    });
    expect(created.status).toBe('intake');
    // Today where the client lives (no state: the app's default zone), not UTC's date.
    expect(created.openedOn).toBe(todayForState(client.state));
  });

  it.each([
    ['a bad NPI', { providerNpi: INVALID_NPI }, 'providerNpi'],
    ['a missing treatment', { requestedTreatment: '' }, 'requestedTreatment'],
    ['an unknown status', { status: 'lost-in-mail' }, 'status'],
    ['an unknown plan type', { planType: 'cash' }, 'planType'],
  ])('refuses %s, naming the field, and writes nothing', async (_what, change, field) => {
    const engine = tempEngine();
    const client = await ok(engine, 'clients.create', sampleClient());
    const before = rowCounts(engine);
    const error = await fails(engine, 'cases.create', { ...sampleCase(client.id), ...change });
    expect(error.code).toBe('invalid-input');
    expect(error.field).toBe(field);
    expect(rowCounts(engine)).toEqual(before);
  });

  it('refuses a case for a client that does not exist, writing nothing', async () => {
    const engine = tempEngine();
    const before = rowCounts(engine);
    const error = await fails(engine, 'cases.create', sampleCase(999));
    expect(error).toMatchObject({ code: 'not-found', field: 'clientId' });
    expect(rowCounts(engine)).toEqual(before);
  });

  it('returns every section of a case in cases.get', async () => {
    const engine = tempEngine();
    const { client, case: kase } = await clientWithCase(engine);
    const caseId = kase.id;
    const diagnosis = await ok(engine, 'diagnoses.create', {
      caseId,
      values: { icd10Code: 'f332', description: 'Major depressive disorder, recurrent, severe' },
    });
    expect(diagnosis.icd10Code).toBe('F33.2');
    const treatment = await ok(engine, 'treatments.create', {
      caseId,
      values: {
        kind: 'medication',
        name: 'Sertraline',
        startedOn: '2023-01-01',
        endedOn: '2023-05-01',
      },
    });
    const assessment = await ok(engine, 'assessments.create', {
      caseId,
      values: { instrument: 'PHQ-9', score: 22, assessedOn: '2024-01-10' },
    });
    const communication = await ok(engine, 'communications.create', {
      caseId,
      values: { occurredOn: '2024-02-03', channel: 'phone', summary: 'Called about denial' },
    });
    const deadline = await ok(engine, 'deadlines.create', {
      caseId,
      values: { kind: 'deadline', title: 'File appeal', dueOn: '2024-08-01' },
    });
    const detail = await ok(engine, 'cases.get', { id: caseId });
    expect(detail).toEqual({
      case: { ...kase, updatedAt: detail.case.updatedAt },
      client,
      diagnoses: [diagnosis],
      treatments: [treatment],
      assessments: [assessment],
      communications: [communication],
      deadlines: [deadline],
      accessAttempts: [],
      networkRequests: [],
      peerCalls: [],
      enrolments: [],
      benefitsChecks: [],
      documents: [],
      documentsTotal: 0,
      tags: [],
    });
  });

  it.each([
    ['diagnoses', { icd10Code: 'not-a-code' }, 'values.icd10Code'],
    ['diagnoses', { icd10Code: 'F33.9999' }, 'values.icd10Code'],
    ['diagnoses', { icd10Code: 'F33' }, 'values.icd10Code'],
    ['assessments', { instrument: 'PHQ-9', score: 30, assessedOn: '2024-01-01' }, 'values.score'],
    ['assessments', { instrument: 'phq-9', score: -1, assessedOn: '2024-01-01' }, 'values.score'],
    [
      'treatments',
      { kind: 'therapy', name: 'CBT', startedOn: '2024-03-01', endedOn: '2024-02-01' },
      'values.endedOn',
    ],
    [
      'communications',
      { occurredOn: '2024-01-01', channel: 'pigeon', summary: 'x' },
      'values.channel',
    ],
    ['deadlines', { title: 'Appeal', dueOn: 'soon' }, 'values.dueOn'],
  ] as const)('refuses a bad %s record (%j), naming %s', async (kind, values, field) => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const before = rowCounts(engine);
    const error = await fails(engine, `${kind}.create`, { caseId: kase.id, values });
    expect(error.code).toBe('invalid-input');
    expect(error.field).toBe(field);
    expect(rowCounts(engine)).toEqual(before);
  });

  it('accepts a PHQ-9 of 27 and an instrument it does not know with any score', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    await ok(engine, 'assessments.create', {
      caseId: kase.id,
      values: { instrument: 'PHQ-9', score: 27, assessedOn: '2024-01-01' },
    });
    await ok(engine, 'assessments.create', {
      caseId: kase.id,
      values: { instrument: 'Local scale', score: 140, assessedOn: '2024-01-01' },
    });
  });

  it('refuses a record for a missing case and writes nothing', async () => {
    const engine = tempEngine();
    const before = rowCounts(engine);
    const error = await fails(engine, 'diagnoses.create', {
      caseId: 42,
      values: { icd10Code: 'F33.2' },
    });
    expect(error.code).toBe('not-found');
    expect(rowCounts(engine)).toEqual(before);
  });

  it('deleting a case removes its records and documents', async () => {
    const engine = tempEngine();
    const { client, case: kase } = await clientWithCase(engine);
    const other = await ok(
      engine,
      'cases.create',
      sampleCase(client.id, { requestedTreatment: 'TMS' }),
    );
    for (const caseId of [kase.id, other.id]) {
      await ok(engine, 'diagnoses.create', { caseId, values: { icd10Code: 'F33.2' } });
      await ok(engine, 'communications.create', {
        caseId,
        values: { occurredOn: '2024-02-03', channel: 'fax', summary: 'Sent records' },
      });
      await ok(engine, 'deadlines.create', {
        caseId,
        values: { title: 'Call', dueOn: '2024-09-01' },
      });
    }
    await ok(engine, 'cases.delete', { id: kase.id });

    const count = (table: string, caseId: number) =>
      engine.db.prepare(`SELECT count(*) FROM ${table} WHERE case_id = ?`).pluck().get(caseId);
    for (const table of ['diagnoses', 'communications', 'deadlines']) {
      expect(count(table, kase.id)).toBe(0);
      expect(count(table, other.id)).toBe(1);
    }
    // The client may now be deleted once their last case goes.
    await ok(engine, 'cases.delete', { id: other.id });
    await ok(engine, 'clients.delete', { id: client.id });
    expect(rowCounts(engine)).toMatchObject({ clients: 0, cases: 0, diagnoses: 0, case_search: 0 });
  });

  it('lists cases with paging, total and a status filter, most recently updated first', async () => {
    const engine = tempEngine();
    const client = await ok(engine, 'clients.create', sampleClient());
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const status = i % 2 === 0 ? 'denied' : 'approved';
      ids.push((await ok(engine, 'cases.create', sampleCase(client.id, { status }))).id);
    }
    // Give each case a distinct updatedAt so the order is known: the last made is the newest.
    ids.forEach((id, i) =>
      engine.db
        .prepare('UPDATE cases SET updated_at = ? WHERE id = ?')
        .run(`2024-01-0${i + 1}T00:00:00.000Z`, id),
    );

    const firstPage = await ok(engine, 'cases.list', { limit: 2, offset: 0 });
    expect(firstPage.total).toBe(5);
    expect(firstPage.items.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    const lastPage = await ok(engine, 'cases.list', { limit: 2, offset: 4 });
    expect(lastPage.items.map((c) => c.id)).toEqual([ids[0]]);

    const denied = await ok(engine, 'cases.list', { status: 'denied' });
    expect(denied.total).toBe(3);
    expect(denied.items.map((c) => c.id)).toEqual([ids[4], ids[2], ids[0]]);
    expect(denied.items[0]).toMatchObject({
      clientId: client.id,
      clientName: 'Maria Okonkwo',
      status: 'denied',
      insurerName: 'Prairie Health',
    });

    const none = await ok(engine, 'cases.list', { status: 'closed-won' });
    expect(none).toEqual({ total: 0, capped: false, items: [] });
  });

  it("lists one client's cases, alone or with a search", async () => {
    const engine = tempEngine();
    const maria = await ok(engine, 'clients.create', sampleClient());
    const other = await ok(
      engine,
      'clients.create',
      sampleClient({ firstName: 'Tom', lastName: 'Reyes' }),
    );
    const hers = await ok(engine, 'cases.create', sampleCase(maria.id));
    await ok(engine, 'cases.create', sampleCase(other.id));
    const list = await ok(engine, 'cases.list', { clientId: maria.id });
    expect(list).toMatchObject({ total: 1, items: [{ id: hers.id, clientId: maria.id }] });
    const searched = await ok(engine, 'cases.list', { clientId: other.id, query: 'Prairie' });
    expect(searched.items.map((c) => c.clientId)).toEqual([other.id]);
  });

  it('treats an empty plan type from a form as not known', async () => {
    const engine = tempEngine();
    const client = await ok(engine, 'clients.create', sampleClient());
    const created = await ok(engine, 'cases.create', sampleCase(client.id, { planType: '' }));
    expect(created.planType).toBeNull();
  });

  it('shows the earliest open deadline as nextDueOn', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const caseId = kase.id;
    await ok(engine, 'deadlines.create', { caseId, values: { title: 'A', dueOn: '2024-09-01' } });
    await ok(engine, 'deadlines.create', {
      caseId,
      values: { title: 'B', dueOn: '2024-07-01', completedOn: '2024-06-30' },
    });
    await ok(engine, 'deadlines.create', { caseId, values: { title: 'C', dueOn: '2024-08-01' } });
    const list = await ok(engine, 'cases.list', {});
    expect(list.items[0]?.nextDueOn).toBe('2024-08-01');
  });

  it("creating, updating and deleting a record bumps its case's updatedAt", async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const caseId = kase.id;

    let past = ageCase(engine, caseId);
    const d = await ok(engine, 'diagnoses.create', { caseId, values: { icd10Code: 'F33.2' } });
    expect(await caseUpdatedAt(engine, caseId)).not.toBe(past);

    past = ageCase(engine, caseId);
    await ok(engine, 'diagnoses.update', {
      id: d.id,
      version: versionOf(engine, 'diagnoses', d.id),
      values: { icd10Code: 'F33.1' },
    });
    expect(await caseUpdatedAt(engine, caseId)).not.toBe(past);

    past = ageCase(engine, caseId);
    await ok(engine, 'diagnoses.delete', { id: d.id });
    expect(await caseUpdatedAt(engine, caseId)).not.toBe(past);
  });

  it('a refused record update changes neither the record nor the case', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const t = await ok(engine, 'treatments.create', {
      caseId: kase.id,
      values: { kind: 'therapy', name: 'CBT', startedOn: '2024-01-01' },
    });
    const past = ageCase(engine, kase.id);
    const error = await fails(engine, 'treatments.update', {
      id: t.id,
      version: t.version,
      values: { kind: 'therapy', name: 'CBT', startedOn: '2024-01-01', endedOn: '2023-12-31' },
    });
    expect(error.field).toBe('values.endedOn');
    const detail = await ok(engine, 'cases.get', { id: kase.id });
    expect(detail.treatments).toEqual([t]);
    expect(detail.case.updatedAt).toBe(past);
  });
});
