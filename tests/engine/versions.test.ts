// An edit made from a stale copy is refused through every door, for every kind of record, naming
// the fields changed since, even when the edit itself touches other fields: nothing is written.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../electron/contract/errors';
import { startHost } from '../../electron/host/server';
import type { RunningHost } from '../../electron/host/server';
import type { Engine } from '../../electron/engine';
import { cleanup, fails, ok, sampleCase, sampleClient, tempEngine } from './helpers';

type Values = Record<string, unknown>;

/** One kind of record: how to make one, how its update call is shaped, two fields to edit. */
interface Kind {
  name: string;
  call: string;
  create(engine: Engine): Promise<{ id: number; version: number }>;
  args(id: number, version: number, changes: Values): Values;
  read(engine: Engine, id: number): Promise<Values>;
  /** The field both edits change, the values each sets, and its label in messages. */
  field: string;
  label: string;
  values: [string, string];
  /** A field only the later edit changes (absent for a record of one field). */
  other?: [string, string];
}

/** Values no earlier test has stored: a singleton (the profile) keeps what the last test left. */
let run = 0;
const fresh = (kind: Kind): [string, string] => {
  run += 1;
  // Phone and fax numbers are stored in one format: fresh ones are written in it.
  if (/^(phone|fax)$/.test(kind.field)) {
    const n = String(run).padStart(4, '0');
    return [`(555) 101-${n}`, `(555) 202-${n}`];
  }
  return [`${kind.values[0]} ${run}`, `${kind.values[1]} ${run}`];
};

const top = (id: number, version: number, changes: Values) => ({ id, version, ...changes });
const nested = (id: number, version: number, values: Values) => ({ id, version, values });

async function someCase(engine: Engine) {
  const client = await ok(engine, 'clients.create', sampleClient());
  return ok(engine, 'cases.create', sampleCase(client.id));
}

const recordOf = (call: string) => async (engine: Engine, id: number) => {
  const detail = await ok(engine, 'cases.get', { id: caseIds.get(id)! });
  const rows = detail[call.split('.')[0] as 'diagnoses'] as unknown as Values[];
  return rows.find((r) => r.id === id)!;
};
/** Which case each record was made on, to read it back. */
const caseIds = new Map<number, number>();

function caseRecord(
  kind: 'diagnoses' | 'treatments' | 'assessments' | 'communications' | 'deadlines',
  base: Values,
  field: string,
  label: string,
  values: [string, string],
  other: [string, string],
): Kind {
  return {
    name: kind,
    call: `${kind}.update`,
    async create(engine) {
      const k = await someCase(engine);
      const reply = await engine.callUnchecked(`${kind}.create`, { caseId: k.id, values: base });
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      const made = reply.value as { id: number; version: number };
      caseIds.set(made.id, k.id);
      return made;
    },
    args: nested,
    read: recordOf(`${kind}.update`),
    field,
    label,
    values,
    other,
  };
}

const KINDS: Kind[] = [
  {
    name: 'profile',
    call: 'profile.update',
    create: async (engine) => {
      const p = await ok(engine, 'profile.update', { version: 0, name: 'Sam Advocate' });
      return { id: 1, version: p.version };
    },
    args: (_id, version, changes) => ({ version, ...changes }),
    read: (engine) => ok(engine, 'profile.get', {}) as Promise<Values>,
    field: 'phone',
    label: 'Phone',
    values: ['555-0101', '555-0202'],
    other: ['organisation', 'Fair Coverage'],
  },
  {
    name: 'client',
    call: 'clients.update',
    create: (engine) => ok(engine, 'clients.create', sampleClient()),
    args: top,
    read: async (engine, id) => (await ok(engine, 'clients.get', { id })) as unknown as Values,
    field: 'phone',
    label: 'Phone',
    values: ['555-0101', '555-0202'],
    other: ['city', 'Tucson'],
  },
  {
    name: 'case',
    call: 'cases.update',
    create: someCase,
    args: top,
    read: async (engine, id) => (await ok(engine, 'cases.get', { id })).case as unknown as Values,
    field: 'memberId',
    label: 'Member ID',
    values: ['AHP-5531-0098', 'AHP-0000-1111'],
    other: ['planName', 'Silver HMO'],
  },
  caseRecord(
    'diagnoses',
    { icd10Code: 'F33.2' },
    'description',
    'Description',
    ['Recurrent, severe', 'Single episode'],
    ['diagnosedOn', '2024-02-01'],
  ),
  caseRecord(
    'treatments',
    { kind: 'medication', name: 'Sertraline', startedOn: '2023-01-01' },
    'dose',
    'Dose',
    ['100 mg', '200 mg'],
    ['outcome', 'No response'],
  ),
  caseRecord(
    'assessments',
    { instrument: 'PHQ-9', score: 21, assessedOn: '2024-03-01' },
    'notes',
    'Notes',
    ['Baseline', 'After six weeks'],
    ['assessedOn', '2024-03-02'],
  ),
  caseRecord(
    'communications',
    { occurredOn: '2024-03-01', channel: 'phone', summary: 'Called the plan.' },
    'person',
    'Person spoken to',
    ['Dana at intake', 'Lee in appeals'],
    ['referenceNumber', 'REF-1'],
  ),
  caseRecord(
    'deadlines',
    { title: 'File the appeal', dueOn: '2024-09-01' },
    'title',
    'Title',
    ['File the internal appeal', 'File the external review'],
    ['notes', 'Fax and mail'],
  ),
  {
    name: 'denial',
    call: 'denials.update',
    async create(engine) {
      const k = await someCase(engine);
      return ok(engine, 'denials.create', {
        caseId: k.id,
        values: { deniedOn: '2024-07-01', reason: 'Not necessary.', service: 'TMS' },
      });
    },
    args: nested,
    read: async (engine, id) => {
      const caseId = engine.db.prepare('SELECT case_id FROM denials WHERE id = ?').pluck().get(id);
      const workflow = await ok(engine, 'workflow.get', { caseId: caseId as number });
      return workflow.denials.find((d) => d.id === id) as unknown as Values;
    },
    field: 'referenceNumber',
    label: 'Reference number',
    values: ['UM-1', 'UM-2'],
    other: ['claimNumber', 'CLM-9'],
  },
  {
    name: 'contact',
    call: 'contacts.update',
    create: (engine) => ok(engine, 'contacts.create', { kind: 'insurer', name: 'Appeals Unit' }),
    args: top,
    read: async (engine, id) => (await ok(engine, 'contacts.get', { id })) as unknown as Values,
    field: 'fax',
    label: 'Fax',
    values: ['555-0303', '555-0404'],
    other: ['phone', '555-0505'],
  },
  {
    name: 'template',
    call: 'templates.save',
    async create(engine) {
      const list = await ok(engine, 'templates.list', {});
      const own = await ok(engine, 'templates.duplicate', { id: list[0]!.id });
      templateSources.set(own.id, (await ok(engine, 'templates.get', { id: own.id })).source);
      return own;
    },
    args: (id, version, changes) => ({
      id,
      version,
      source: `${templateSources.get(id)!}\n${String(changes.source)}\n`,
    }),
    read: async (engine, id) => {
      const t = await ok(engine, 'templates.get', { id });
      return { source: t.source.slice(templateSources.get(id)!.length + 1).trim() };
    },
    field: 'source',
    label: 'Template text',
    values: ['PS: first window.', 'PS: second window.'],
  },
  {
    name: 'criteria set',
    call: 'criteria.update',
    create: (engine) =>
      ok(engine, 'criteria.create', {
        payer: 'Prairie Health',
        policyName: 'Esketamine policy',
        treatment: 'Esketamine',
        criteria: [{ key: 'age', text: 'Adults.', kind: 'age', min: 18 }],
      }),
    args: nested,
    read: async (engine, id) => (await ok(engine, 'criteria.get', { id })) as unknown as Values,
    field: 'policyNumber',
    label: 'Policy number',
    values: ['RX-1', 'RX-2'],
    other: ['sourceText', 'From the member handbook.'],
  },
];
const templateSources = new Map<number, string>();

/** A door onto the engine: how an update travels, and what comes back. */
interface Door {
  name: string;
  update(
    call: string,
    args: Values,
  ): Promise<{ ok: true; value: Values } | { ok: false; error: ApiError }>;
}

let engine: Engine;
let host: RunningHost;

beforeAll(async () => {
  engine = tempEngine();
  host = await startHost({ engine, rendererDir: '/nonexistent' });
});
afterAll(async () => {
  await host.close();
  cleanup();
});

const DOORS: Door[] = [
  {
    name: 'engine',
    update: (call, args) => engine.callUnchecked(call, args) as never,
  },
  {
    name: 'browser host over HTTP',
    async update(call, args) {
      const response = await fetch(`http://127.0.0.1:${host.port}/api/call`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: call, args }),
      });
      return (await response.json()) as never;
    },
  },
];

describe.each(DOORS)('a stale edit through the $name', (door) => {
  it.each(KINDS)('is refused for a $name, naming the field, and changes nothing', async (kind) => {
    const values = fresh(kind);
    const made = await kind.create(engine);
    const first = await door.update(
      kind.call,
      kind.args(made.id, made.version, { [kind.field]: values[0] }),
    );
    expect(first.ok).toBe(true);
    const saved = (first as { value: Values }).value;
    expect(saved.version).toBeGreaterThan(made.version);

    // A second window still holds the record as it was made.
    const stale = await door.update(
      kind.call,
      kind.args(made.id, made.version, { [kind.field]: values[1] }),
    );
    expect(stale.ok).toBe(false);
    const error = (stale as { error: ApiError }).error;
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(kind.label);
    expect(error.message).toMatch(/changed since you opened it/);
    expect(error.conflict?.fields).toEqual([kind.field]);
    expect(error.conflict?.version).toBe(saved.version);
    expect((await kind.read(engine, made.id))[kind.field]).toBe(values[0]);

    // Keeping theirs knowingly: the same edit made from the version the conflict reported.
    const kept = await door.update(
      kind.call,
      kind.args(made.id, error.conflict!.version, { [kind.field]: values[1] }),
    );
    expect(kept.ok).toBe(true);
    expect((await kind.read(engine, made.id))[kind.field]).toBe(values[1]);
  });
});

describe('a stale edit of fields nobody else changed', () => {
  it.each(KINDS.filter((k) => k.other))(
    'is refused for a $name, naming the field changed since, and writes nothing',
    async (kind) => {
      const values = fresh(kind);
      const made = await kind.create(engine);
      await ok(
        engine,
        kind.call as never,
        kind.args(made.id, made.version, { [kind.field]: values[0] }) as never,
      );
      const [other, value] = kind.other!;
      const error = await fails(
        engine,
        kind.call as never,
        kind.args(made.id, made.version, { [other]: value }) as never,
      );
      expect(error.code).toBe('conflict');
      expect(error.conflict?.fields).toEqual([kind.field]);
      expect(error.message).toContain(kind.label);
      const now = await kind.read(engine, made.id);
      expect(now[kind.field]).toBe(values[0]);
      expect(now[other]).not.toBe(value);
    },
  );

  it('still names a field changed several versions ago', async () => {
    const k = await someCase(engine);
    const v1 = k.version;
    let v = (await ok(engine, 'cases.update', { id: k.id, version: v1, memberId: 'M-1' })).version;
    v = (await ok(engine, 'cases.update', { id: k.id, version: v, planName: 'Silver' })).version;
    v = (await ok(engine, 'cases.update', { id: k.id, version: v, notes: 'Called.' })).version;
    expect(v).toBe(v1 + 3);
    const error = await fails(engine, 'cases.update', {
      id: k.id,
      version: v1,
      memberId: 'M-2',
      notes: 'Wrote.',
      insurerName: 'Acme Health',
    });
    expect(error.conflict?.fields).toEqual(['memberId', 'planName', 'notes']);
    expect(error.message).toMatch(/Member ID, .+, Notes/);
    expect(error.conflict?.current).toMatchObject({ memberId: 'M-1', notes: 'Called.' });
    const now = (await ok(engine, 'cases.get', { id: k.id })).case;
    expect(now).toMatchObject({
      memberId: 'M-1',
      planName: 'Silver',
      notes: 'Called.',
      insurerName: k.insurerName,
    });
  });

  it('accepts an edit that sets a changed field to the value it already has', async () => {
    const k = await someCase(engine);
    await ok(engine, 'cases.update', { id: k.id, version: k.version, memberId: 'M-1' });
    const same = await ok(engine, 'cases.update', {
      id: k.id,
      version: k.version,
      memberId: 'M-1',
    });
    expect(same.memberId).toBe('M-1');
  });

  it('checks the merged record whole: an end date before the stored start date is refused', async () => {
    const k = await someCase(engine);
    const t = await ok(engine, 'treatments.create', {
      caseId: k.id,
      values: { kind: 'medication', name: 'Sertraline', startedOn: '2023-01-01' },
    });
    const moved = await ok(engine, 'treatments.update', {
      id: t.id,
      version: t.version,
      values: { startedOn: '2023-06-01' },
    });
    const error = await fails(engine, 'treatments.update', {
      id: t.id,
      version: moved.version,
      values: { endedOn: '2023-03-01' },
    });
    expect(error).toMatchObject({ code: 'invalid-input', field: 'values.endedOn' });
  });

  it('a stage move makes an open case form stale, naming the stage', async () => {
    const k = await someCase(engine);
    await ok(engine, 'stages.move', {
      caseId: k.id,
      to: 'internal-appeal-1',
      movedOn: '2030-01-01',
    });
    const error = await fails(engine, 'cases.update', {
      id: k.id,
      version: k.version,
      status: 'approved',
    });
    expect(error.conflict?.fields).toEqual(['status']);
    const other = await fails(engine, 'cases.update', { id: k.id, version: k.version, notes: 'x' });
    expect(other.conflict?.fields).toEqual(['status']);
    const now = (await ok(engine, 'cases.get', { id: k.id })).case;
    expect(now).toMatchObject({ status: 'internal-appeal-1', notes: k.notes });
  });

  it('default recipients: a stale choice for the same letter kind is refused, another kind is not', async () => {
    const a = await ok(engine, 'contacts.create', { kind: 'insurer', name: 'Appeals A' });
    const b = await ok(engine, 'contacts.create', { kind: 'insurer', name: 'Appeals B' });
    const start = (await ok(engine, 'settings.get', {})).defaultRecipientsVersion;
    const set = await ok(engine, 'settings.setDefaultRecipient', {
      kind: 'appeal',
      contactId: a.id,
      version: start,
    });
    expect(set.defaultRecipientsVersion).toBe(start + 1);
    const error = await fails(engine, 'settings.setDefaultRecipient', {
      kind: 'appeal',
      contactId: b.id,
      version: start,
    });
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Internal appeal');
    await ok(engine, 'settings.setDefaultRecipient', {
      kind: 'lawmaker',
      contactId: null,
      version: start,
    });
    expect((await ok(engine, 'settings.get', {})).defaultRecipients.appeal).toBe(a.id);
  });
});

describe('the CLI process', () => {
  it.each(KINDS)(
    'prints the conflict for a stale $name update and exits non-zero',
    async (kind) => {
      const values = fresh(kind);
      const made = await kind.create(engine);
      await ok(
        engine,
        kind.call as never,
        kind.args(made.id, made.version, { [kind.field]: values[0] }) as never,
      );
      // Another process on the same library file, as the app and the CLI are.
      const run = spawnSync(
        process.execPath,
        [
          'bin/advocate.js',
          '--db',
          engine.databasePath,
          'call',
          kind.call,
          JSON.stringify(kind.args(made.id, made.version, { [kind.field]: values[1] })),
        ],
        { encoding: 'utf8' },
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/changed since you opened it/);
      expect(run.stderr).toContain(kind.label);
      expect(run.stdout).toBe('');
      expect((await kind.read(engine, made.id))[kind.field]).toBe(values[0]);
    },
  );
});
