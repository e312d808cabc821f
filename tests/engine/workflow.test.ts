// The appeal workflow through the engine's calls: dated stage history, denials and their appeal
// deadlines, the quick log, the dashboard, the readiness meter and the calendar export.
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../electron/cli/program';
import type { ApiArgs } from '../../electron/contract/api';
import { migrations } from '../../electron/engine/db/migrations';
import type { Engine } from '../../electron/engine';
import { cleanup, clientWithCase, fails, ok, openTracked, tempDir, tempEngine } from './helpers';

afterEach(cleanup);

const denial = (over: Partial<ApiArgs<'denials.create'>['values']> = {}) => ({
  deniedOn: '2025-01-15',
  referenceNumber: 'PA-778812',
  reason: 'The requested service is not medically necessary per policy MP-112.',
  service: 'Esketamine nasal spray (G2083)',
  claimType: 'pre-service' as const,
  level: 'initial' as const,
  ...over,
});

async function intakeCase(engine: Engine, kase: Partial<ApiArgs<'cases.create'>> = {}) {
  return clientWithCase(engine, {}, { status: 'intake', openedOn: '2025-01-02', ...kase });
}

describe('stages', () => {
  it('keeps every move dated, in order, starting with the stage the case opened at', async () => {
    const engine = tempEngine();
    const { case: k } = await intakeCase(engine);
    await ok(engine, 'stages.move', {
      caseId: k.id,
      to: 'gathering-records',
      movedOn: '2025-01-05',
      note: 'Asked Dr. Lovelace for records',
    });
    await ok(engine, 'stages.move', {
      caseId: k.id,
      to: 'prior-auth-submitted',
      movedOn: '2025-01-09',
      claimType: 'pre-service',
    });
    const flow = await ok(engine, 'workflow.get', { caseId: k.id });
    expect(flow.status).toBe('prior-auth-submitted');
    expect(flow.stages.map((s) => [s.fromStage, s.toStage, s.movedOn])).toEqual([
      [null, 'intake', '2025-01-02'],
      ['intake', 'gathering-records', '2025-01-05'],
      ['gathering-records', 'prior-auth-submitted', '2025-01-09'],
    ]);
    expect(flow.stages[1]?.note).toBe('Asked Dr. Lovelace for records');
    // Waiting on the insurer: a pre-service request under ERISA is due in 15 days.
    expect(flow.waiting).toMatchObject({
      stage: 'prior-auth-submitted',
      submittedOn: '2025-01-09',
      claimType: 'pre-service',
      decisionDueOn: '2025-01-24',
    });
    expect((await ok(engine, 'cases.get', { id: k.id })).case.status).toBe('prior-auth-submitted');
  });

  it('refuses a move to the current stage, or dated before the last move', async () => {
    const engine = tempEngine();
    const { case: k } = await intakeCase(engine);
    const same = await fails(engine, 'stages.move', {
      caseId: k.id,
      to: 'intake',
      movedOn: '2025-02-01',
    });
    expect(same.code).toBe('conflict');
    const early = await fails(engine, 'stages.move', {
      caseId: k.id,
      to: 'denied',
      movedOn: '2024-12-31',
    });
    expect(early).toMatchObject({ code: 'invalid-input', field: 'movedOn' });
    expect(early.message).toContain('Jan 2, 2025');
    expect((await ok(engine, 'workflow.get', { caseId: k.id })).stages).toHaveLength(1);
  });

  it('records a stage changed on the case form as a move, and deletes history with the case', async () => {
    const engine = tempEngine();
    const { client, case: k } = await intakeCase(engine);
    const { id: _id, createdAt: _c, updatedAt: _u, ...values } = k;
    await ok(engine, 'cases.update', {
      ...values,
      id: k.id,
      clientId: client.id,
      status: 'approved',
    });
    const flow = await ok(engine, 'workflow.get', { caseId: k.id });
    expect(flow.stages.at(-1)).toMatchObject({
      fromStage: 'intake',
      toStage: 'approved',
      note: 'Changed on the case form',
    });
    await ok(engine, 'cases.delete', { id: k.id });
    expect(engine.db.prepare('SELECT count(*) FROM stage_moves').pluck().get()).toBe(0);
  });
});

describe('stages of imported cases', () => {
  it('starts the history of a case imported from the exchange format', async () => {
    const engine = tempEngine();
    const { caseIds } = await ok(engine, 'exchange.import', {
      format: 'advocate-desk/case-exchange',
      version: 1,
      client: { firstName: 'Marisol', lastName: 'Quintero', state: 'TX' },
      cases: [{ requestedTreatment: 'TMS', status: 'internal-appeal-1', openedOn: '2025-02-01' }],
    });
    const flow = await ok(engine, 'workflow.get', { caseId: caseIds[0]! });
    expect(flow.stages).toMatchObject([
      { fromStage: null, toStage: 'internal-appeal-1', movedOn: '2025-02-01', note: 'Imported' },
    ]);
  });
});

describe('denials', () => {
  it('computes the appeal deadline from the plan type, shows the rule, and puts it on the case', async () => {
    const engine = tempEngine();
    const { case: k } = await intakeCase(engine, { planType: 'employer-self-funded' });
    const d = await ok(engine, 'denials.create', { caseId: k.id, values: denial() });
    expect(d.computedOn).toBe('2025-07-14');
    expect(d.effectiveOn).toBe('2025-07-14');
    expect(d.effectiveFrom).toBe('rule');
    expect(d.rule).toContain('29 CFR 2560.503-1(h)(3)(i)');
    expect(d.reason).toBe(denial().reason);

    const detail = await ok(engine, 'cases.get', { id: k.id });
    expect(detail.deadlines).toHaveLength(1);
    expect(detail.deadlines[0]).toMatchObject({
      id: d.deadlineId,
      kind: 'deadline',
      dueOn: '2025-07-14',
      title: 'File: Internal appeal (level 1)',
    });
    // The case moves to Denied on the denial's date.
    expect(detail.case.status).toBe('denied');
    const flow = await ok(engine, 'workflow.get', { caseId: k.id });
    expect(flow.stages.at(-1)).toMatchObject({ toStage: 'denied', movedOn: '2025-01-15' });
    expect(flow.stages.at(-1)?.note).toContain('PA-778812');
  });

  it('moves a case taken on after its denial to Denied without breaking the history order', async () => {
    const engine = tempEngine();
    const { case: k } = await intakeCase(engine, { openedOn: '2025-03-01' });
    await ok(engine, 'denials.create', {
      caseId: k.id,
      values: denial({ deniedOn: '2025-01-15' }),
    });
    const flow = await ok(engine, 'workflow.get', { caseId: k.id });
    expect(flow.status).toBe('denied');
    expect(flow.stages.at(-1)).toMatchObject({ toStage: 'denied', movedOn: '2025-03-01' });
    expect(flow.stages.at(-1)?.note).toContain('Denial of Wed Jan 15, 2025 recorded');
  });

  it('previews the deadline without writing anything', async () => {
    const engine = tempEngine();
    const { case: k } = await intakeCase(engine, { planType: 'aca-marketplace' });
    const preview = await ok(engine, 'denials.preview', {
      caseId: k.id,
      values: denial({ level: 'final-internal', deniedOn: '2024-10-31' }),
    });
    expect(preview.effectiveOn).toBe('2025-03-03');
    expect(preview.computation.nextStage).toBe('external-review');
    expect(engine.db.prepare('SELECT count(*) FROM denials').pluck().get()).toBe(0);
    expect(engine.db.prepare('SELECT count(*) FROM deadlines').pluck().get()).toBe(0);
  });

  it('lets the date printed on the letter override the rule, and warns when they differ', async () => {
    const engine = tempEngine();
    const { case: k } = await intakeCase(engine, { planType: 'fully-insured' });
    const first = await ok(engine, 'denials.create', {
      caseId: k.id,
      values: denial({ letterDeadlineOn: '2025-07-01' }),
    });
    expect(first.effectiveOn).toBe('2025-07-14');
    expect(first.computation.warnings[0]).toContain('The letter states Tue Jul 1, 2025');

    const overridden = await ok(engine, 'denials.update', {
      id: first.id,
      version: first.version,
      values: denial({ letterDeadlineOn: '2025-07-01', overrideOn: '2025-07-01' }),
    });
    expect(overridden.effectiveOn).toBe('2025-07-01');
    expect(overridden.effectiveFrom).toBe('override');
    expect(overridden.computedOn).toBe('2025-07-14');
    expect(overridden.deadlineId).toBe(first.deadlineId);
    const deadlines = (await ok(engine, 'cases.get', { id: k.id })).deadlines;
    expect(deadlines).toHaveLength(1);
    expect(deadlines[0]?.dueOn).toBe('2025-07-01');
    expect(deadlines[0]?.notes).toContain('Date chosen over the rule');
  });

  it('asks a Medicaid case for the state window before it computes anything', async () => {
    const engine = tempEngine();
    const { case: k } = await intakeCase(engine, { planType: 'medicaid' });
    const asked = await ok(engine, 'denials.create', { caseId: k.id, values: denial() });
    expect(asked.effectiveOn).toBeNull();
    expect(asked.computation.needs).toBe('state-window');
    expect(asked.deadlineId).toBeNull();
    expect((await ok(engine, 'cases.get', { id: k.id })).deadlines).toHaveLength(0);

    const told = await ok(engine, 'denials.update', {
      id: asked.id,
      version: asked.version,
      values: denial({ stateWindowDays: 60 }),
    });
    expect(told.effectiveOn).toBe('2025-03-16');
    expect((await ok(engine, 'cases.get', { id: k.id })).deadlines[0]?.dueOn).toBe('2025-03-16');
  });

  it('refuses a receipt date before the notice, naming the field', async () => {
    const engine = tempEngine();
    const { case: k } = await intakeCase(engine);
    const error = await fails(engine, 'denials.create', {
      caseId: k.id,
      values: denial({ receivedOn: '2025-01-01' }),
    });
    expect(error).toMatchObject({ code: 'invalid-input', field: 'values.receivedOn' });
    expect(engine.db.prepare('SELECT count(*) FROM denials').pluck().get()).toBe(0);
  });

  it('deleting a denial removes its open deadline but keeps one already completed', async () => {
    const engine = tempEngine();
    const { case: k } = await intakeCase(engine);
    const a = await ok(engine, 'denials.create', { caseId: k.id, values: denial() });
    const b = await ok(engine, 'denials.create', {
      caseId: k.id,
      values: denial({ level: 'final-internal', deniedOn: '2025-03-01' }),
    });
    const done = (await ok(engine, 'cases.get', { id: k.id })).deadlines.find(
      (d) => d.id === b.deadlineId,
    )!;
    await ok(engine, 'deadlines.update', {
      id: done.id,
      version: done.version,
      values: { ...done, completedOn: '2025-03-10' },
    });
    await ok(engine, 'denials.delete', { id: a.id });
    await ok(engine, 'denials.delete', { id: b.id });
    const left = (await ok(engine, 'cases.get', { id: k.id })).deadlines;
    expect(left.map((d) => d.id)).toEqual([b.deadlineId]);
  });
});

describe('communication log', () => {
  it('logs a call and, when asked, a follow-up task', async () => {
    const engine = tempEngine();
    const { case: k } = await intakeCase(engine);
    const logged = await ok(engine, 'communications.log', {
      caseId: k.id,
      values: {
        occurredOn: '2025-02-03',
        channel: 'phone',
        person: 'Dana at Prairie Health',
        referenceNumber: 'CALL-5521',
        summary: 'Appeal received; decision expected in 30 days.',
      },
      followUpOn: '2025-03-05',
    });
    expect(logged.communication.person).toBe('Dana at Prairie Health');
    expect(logged.followUp).toMatchObject({
      kind: 'task',
      dueOn: '2025-03-05',
      title: 'Follow up: phone with Dana at Prairie Health',
      notes: 'Reference CALL-5521',
    });
    const detail = await ok(engine, 'cases.get', { id: k.id });
    expect(detail.communications).toHaveLength(1);
    expect(detail.deadlines).toHaveLength(1);
  });
});

describe('dashboard', () => {
  it('lists overdue deadlines and those due in 7, 30, 90 days and later, late insurers, quiet cases and counts', async () => {
    const engine = tempEngine();
    const today = '2025-06-10';
    // Overdue and due this week.
    const { client, case: a } = await intakeCase(engine, { insurerName: 'Prairie Health' });
    const task = (
      caseId: number,
      title: string,
      dueOn: string,
      completedOn: string | null = null,
    ) =>
      ok(engine, 'deadlines.create', {
        caseId,
        values: { kind: 'task', title, dueOn, completedOn },
      });
    await task(a.id, 'Send records', '2025-06-08');
    await task(a.id, 'Call provider', '2025-06-16');
    // Seven days from today is within the next 7 days; each later horizon has its edges.
    await task(a.id, 'A week today', '2025-06-17');
    await task(a.id, 'In 8 days', '2025-06-18');
    await task(a.id, 'In 30 days', '2025-07-10');
    await task(a.id, 'In 31 days', '2025-07-11');
    await task(a.id, 'In 90 days', '2025-09-08');
    await task(a.id, 'In 91 days', '2025-09-09');
    await task(a.id, 'Next March', '2026-03-02');
    await task(a.id, 'Done already', '2025-06-01', '2025-06-01');
    // Waiting on the insurer: pre-service request 20 days ago (15 allowed) and 10 days ago.
    const late = await ok(engine, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'TMS',
      planType: 'employer-self-funded',
      insurerName: 'Lakeshore Mutual',
      openedOn: '2025-05-01',
    });
    await ok(engine, 'stages.move', {
      caseId: late.id,
      to: 'prior-auth-submitted',
      movedOn: '2025-05-21',
      claimType: 'pre-service',
    });
    const fine = await ok(engine, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'Ketamine infusions',
      planType: 'employer-self-funded',
      openedOn: '2025-05-01',
    });
    await ok(engine, 'stages.move', {
      caseId: fine.id,
      to: 'prior-auth-submitted',
      movedOn: '2025-05-31',
    });
    // Closed cases for the outcome charts.
    for (const [insurerName, requestedTreatment, status] of [
      ['Prairie Health', 'TMS', 'closed-won'],
      ['Prairie Health', 'TMS', 'closed-lost'],
      ['prairie health', 'Esketamine', 'closed-won'],
      ['Lakeshore Mutual', 'Esketamine', 'closed-lost'],
      ['Lakeshore Mutual', 'TMS', 'closed-withdrawn'],
    ] as const) {
      await ok(engine, 'cases.create', {
        clientId: client.id,
        requestedTreatment,
        insurerName,
        status,
        openedOn: '2025-01-01',
      });
    }
    // Quiet: a case untouched since April, with its last call in April.
    const quiet = await ok(engine, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'Spravato',
      status: 'gathering-records',
      openedOn: '2025-04-01',
    });
    await ok(engine, 'communications.create', {
      caseId: quiet.id,
      values: { occurredOn: '2025-04-20', channel: 'phone', summary: 'Left a message' },
    });
    engine.db.prepare("UPDATE cases SET updated_at = '2025-04-20T10:00:00.000Z'").run();
    engine.db
      .prepare("UPDATE cases SET updated_at = '2025-06-09T10:00:00.000Z' WHERE id != ?")
      .run(quiet.id);

    const board = await ok(engine, 'dashboard.get', { today });
    expect(board.today).toBe(today);
    expect(board.overdue.items.map((d) => [d.title, d.daysLeft])).toEqual([['Send records', -2]]);
    expect(board.dueThisWeek.items.map((d) => [d.title, d.daysLeft])).toEqual([
      ['Call provider', 6],
      ['A week today', 7],
    ]);
    const titles = (list: 'dueThisMonth' | 'dueThisQuarter' | 'dueLater') =>
      board[list].items.map((d) => [d.title, d.daysLeft]);
    expect(titles('dueThisMonth')).toEqual([
      ['In 8 days', 8],
      ['In 30 days', 30],
    ]);
    expect(titles('dueThisQuarter')).toEqual([
      ['In 31 days', 31],
      ['In 90 days', 90],
    ]);
    expect(titles('dueLater')).toEqual([
      ['In 91 days', 91],
      ['Next March', 265],
    ]);
    expect(board.waiting.items.map((w) => [w.caseId, w.decisionDueOn, w.daysOverdue])).toEqual([
      [late.id, '2025-06-05', 5],
    ]);
    expect(board.waiting.items[0]?.rule).toContain('2560.503-1(f)(2)(iii)(A)');
    expect(board.idle.items.map((c) => [c.caseId, c.lastActivityOn, c.daysIdle])).toEqual([
      [quiet.id, '2025-04-20', 51],
    ]);
    const stage = Object.fromEntries(board.byStage.map((s) => [s.status, s.count]));
    expect(stage).toMatchObject({
      intake: 1,
      'prior-auth-submitted': 2,
      'gathering-records': 1,
      'closed-won': 2,
      'closed-lost': 2,
      'closed-withdrawn': 1,
    });
    expect(board.outcomesByInsurer).toEqual([
      { label: 'Prairie Health', won: 2, lost: 1 },
      { label: 'Lakeshore Mutual', won: 0, lost: 1 },
    ]);
    expect(board.outcomesByTreatment).toEqual([
      { label: 'Esketamine', won: 1, lost: 1 },
      { label: 'TMS', won: 1, lost: 1 },
    ]);
  });

  it('shows the waiting cases as they are now: after a change here, in another process, or a day later', async () => {
    const path = join(tempDir(), 'library.sqlite');
    const engine = openTracked(path);
    const waitingSince = async (movedOn: string) => {
      const { case: k } = await clientWithCase(
        engine,
        {},
        { planType: 'employer-self-funded', openedOn: '2025-05-01' },
      );
      await ok(engine, 'stages.move', {
        caseId: k.id,
        to: 'prior-auth-submitted',
        movedOn,
        claimType: 'pre-service',
      });
      return k.id;
    };
    const late = (board: {
      waiting: { total: number; items: { caseId: number; daysOverdue: number }[] };
    }) => [board.waiting.total, board.waiting.items.map((w) => [w.caseId, w.daysOverdue])];
    const first = await waitingSince('2025-05-21');
    expect(late(await ok(engine, 'dashboard.get', { today: '2025-06-10' }))).toEqual([
      1,
      [[first, 5]],
    ]);
    // The same library a day later.
    expect(late(await ok(engine, 'dashboard.get', { today: '2025-06-11' }))).toEqual([
      1,
      [[first, 6]],
    ]);
    // A change written here.
    const second = await waitingSince('2025-05-11');
    expect(late(await ok(engine, 'dashboard.get', { today: '2025-06-10' }))).toEqual([
      2,
      [
        [second, 15],
        [first, 5],
      ],
    ]);
    // A change written by another process (the CLI) on the same file.
    const other = openTracked(path);
    await ok(other, 'stages.move', { caseId: second, to: 'approved', movedOn: '2025-06-09' });
    expect(late(await ok(engine, 'dashboard.get', { today: '2025-06-10' }))).toEqual([
      1,
      [[first, 5]],
    ]);
  });

  it('dates every waiting case again when the rules it was dated by have changed', async () => {
    // The decision dates are kept in the library; a newer app whose rules differ (or a library
    // written by an older one) must not show the old dates.
    const path = join(tempDir(), 'library.sqlite');
    const engine = openTracked(path);
    const { case: k } = await clientWithCase(engine, {}, { planType: 'employer-self-funded' });
    await ok(engine, 'stages.move', {
      caseId: k.id,
      to: 'prior-auth-submitted',
      movedOn: '2025-05-21',
      claimType: 'pre-service',
    });
    const dueOn = () =>
      engine.db.prepare('SELECT decision_due_on FROM case_waits WHERE case_id = ?').pluck();
    // 15 days for an employer plan's pre-service request.
    expect(dueOn().get(k.id)).toBe('2025-06-05');
    engine.db.exec('UPDATE decision_days SET days = days + 40');
    engine.db.exec("UPDATE case_waits SET decision_due_on = '2099-01-01'");
    expect((await ok(engine, 'dashboard.get', { today: '2025-06-10' })).waiting.total).toBe(0);
    engine.close();

    const reopened = openTracked(path);
    const late = await ok(reopened, 'dashboard.get', { today: '2025-06-10' });
    expect(late.waiting.items.map((w) => [w.caseId, w.daysOverdue, w.decisionDueOn])).toEqual([
      [k.id, 5, '2025-06-05'],
    ]);
  });

  it('counts a deadline in the client’s state: due today in California, overdue in New York', async () => {
    const engine = tempEngine();
    const ca = await clientWithCase(engine, { firstName: 'Cal', state: 'CA' });
    const ny = await clientWithCase(engine, { firstName: 'Nia', state: 'NY' });
    for (const { case: k } of [ca, ny]) {
      await ok(engine, 'deadlines.create', {
        caseId: k.id,
        values: { kind: 'deadline', title: 'Appeal due', dueOn: '2025-02-28' },
      });
    }
    // 06:30 UTC on Mar 1 is 22:30 on Feb 28 in Los Angeles and 01:30 on Mar 1 in New York.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T06:30:00Z'));
    try {
      const board = await ok(engine, 'dashboard.get', {});
      expect(board.overdue.items.map((d) => [d.caseId, d.daysLeft])).toEqual([[ny.case.id, -1]]);
      expect(board.dueThisWeek.items.map((d) => [d.caseId, d.daysLeft])).toEqual([[ca.case.id, 0]]);
      const flow = await ok(engine, 'workflow.get', { caseId: ca.case.id });
      expect([flow.today, flow.timeZone]).toEqual(['2025-02-28', 'America/Los_Angeles']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('readiness meter', () => {
  it('shows what to gather next, and fills as the case gains what a strong request needs', async () => {
    const engine = tempEngine();
    const { case: k } = await intakeCase(engine, { notes: null });
    const empty = (await ok(engine, 'workflow.get', { caseId: k.id })).readiness;
    expect(empty.done).toBe(0);
    expect(empty.total).toBe(6);
    expect(empty.items.find((i) => i.key === 'provider-letter')?.detail).toContain(
      'letter of medical necessity',
    );

    await ok(engine, 'diagnoses.create', { caseId: k.id, values: { icd10Code: 'F33.2' } });
    const med = (name: string, drugClass: string | null) =>
      ok(engine, 'treatments.create', {
        caseId: k.id,
        values: {
          kind: 'medication',
          name,
          drugClass,
          endedOn: '2024-05-01',
          startedOn: '2024-01-01',
        },
      });
    await med('Sertraline', 'SSRI');
    await med('Escitalopram', 'SSRI');
    const items = (await ok(engine, 'workflow.get', { caseId: k.id })).readiness.items;
    expect(items.find((i) => i.key === 'failed-treatments')).toMatchObject({ done: false });
    await med('Venlafaxine', 'SNRI');
    for (const [score, assessedOn] of [
      [24, '2024-01-02'],
      [21, '2024-06-01'],
    ] as const) {
      await ok(engine, 'assessments.create', {
        caseId: k.id,
        values: { instrument: 'PHQ-9', score, assessedOn, notes: 'Unable to work since March.' },
      });
    }
    // Documents count by their type (proposed on import, set by the advocate).
    const insertDoc = engine.db.prepare(
      `INSERT INTO documents (case_id, file_name, media_type, origin, sha256, size_bytes, text, document_type)
       VALUES (?, ?, 'x', 'imported', ?, 1, ?, ?)`,
    );
    insertDoc.run(k.id, 'Intake.docx', 'i', 'Client intake', 'intake-form');
    insertDoc.run(
      k.id,
      'LMN Dr Lovelace.docx',
      'a',
      'Letter of medical necessity for esketamine',
      'lmn-signed',
    );
    const partial = (await ok(engine, 'workflow.get', { caseId: k.id })).readiness;
    expect(partial.items.filter((i) => !i.done).map((i) => i.key)).toEqual(['records']);
    insertDoc.run(k.id, 'Progress notes 2024.docx', 'b', 'Visit notes', 'clinical-note');
    const full = (await ok(engine, 'workflow.get', { caseId: k.id })).readiness;
    expect(full.done).toBe(6);
    expect(full.items.find((i) => i.key === 'failed-treatments')?.detail).toContain('SSRI, SNRI');
  });
});

describe('calendar export (.ics)', () => {
  /** Unfolds RFC 5545 continuation lines. */
  const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

  it('writes open deadlines as all-day events Outlook and Google read', async () => {
    const engine = tempEngine();
    const { case: k } = await intakeCase(engine, { planType: 'employer-self-funded' });
    const d = await ok(engine, 'denials.create', { caseId: k.id, values: denial() });
    await ok(engine, 'deadlines.create', {
      caseId: k.id,
      values: {
        kind: 'task',
        title: 'Already done',
        dueOn: '2025-02-01',
        completedOn: '2025-02-01',
      },
    });
    const file = await ok(engine, 'calendar.export', { fullNames: true });
    expect(file.events).toBe(1);
    expect(file.fileName).toMatch(/\.ics$/);
    const text = file.text;
    // Every line ends in CRLF and none is longer than 75 octets.
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const flat = unfold(text).split('\r\n');
    expect(flat[0]).toBe('BEGIN:VCALENDAR');
    expect(flat).toContain('VERSION:2.0');
    expect(flat.find((l) => l.startsWith('PRODID:'))).toBe(
      'PRODID:-//Advocate Desk//Deadlines//EN',
    );
    expect(flat.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(flat).toContain(`UID:deadline-${d.deadlineId}@advocate-desk`);
    expect(flat).toContain('DTSTART;VALUE=DATE:20250714');
    expect(flat).toContain('DTEND;VALUE=DATE:20250715');
    expect(flat.find((l) => l.startsWith('SUMMARY:'))).toBe(
      'SUMMARY:File: Internal appeal (level 1) (Maria Okonkwo)',
    );
    expect(flat.find((l) => l.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(flat.at(-2)).toBe('END:VCALENDAR');

    // Unless full names are chosen, the file carries initials and nothing about the treatment or
    // the plan: calendars sync to online services.
    expect(unfold(text)).toContain('DESCRIPTION:Esketamine nasal spray · Prairie Health');
    const private_ = await ok(engine, 'calendar.export', {});
    expect(private_.text).not.toContain('Okonkwo');
    expect(unfold(private_.text)).toContain('(M.O.)');
    expect(unfold(private_.text)).not.toMatch(/esketamine|Prairie|Computed by rule/i);
  });

  it('exports one case, and the CLI writes the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'advocate-ics-'));
    const db = join(dir, 'library.sqlite');
    const engine = openTracked(db);
    const { case: k } = await intakeCase(engine, { planType: 'medicare' });
    await ok(engine, 'denials.create', {
      caseId: k.id,
      values: denial({ deniedOn: '2025-01-10' }),
    });
    engine.close();
    const out: string[] = [];
    const err: string[] = [];
    const file = join(dir, 'deadlines.ics');
    const code = await runCli(
      ['--db', db, 'deadlines', 'ics', '--out', file, '--case', String(k.id)],
      {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
      },
    );
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toEqual([`1 deadline written to ${file}`]);
    expect(readFileSync(file, 'utf8')).toContain('DTSTART;VALUE=DATE:20250515');
  });
});

describe('migration 0004', () => {
  it('starts the history of existing cases with their current stage', () => {
    const path = join(tempDir(), 'v3.sqlite');
    const v3 = new BetterSqlite3(path);
    for (const m of migrations.slice(0, 3)) v3.exec(m.sql);
    v3.pragma('user_version = 3');
    v3.exec(`INSERT INTO clients (first_name, last_name) VALUES ('Ana', 'Ruiz');
      INSERT INTO cases (client_id, requested_treatment, status, opened_on) VALUES (1, 'TMS', 'denied', '2024-05-01');`);
    v3.close();
    const engine = openTracked(path);
    expect(engine.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(
      engine.db.prepare('SELECT from_stage, to_stage, moved_on, note FROM stage_moves').all(),
    ).toEqual([
      {
        from_stage: null,
        to_stage: 'denied',
        moved_on: '2024-05-01',
        note: 'Stage when history began',
      },
    ]);
  });
});
