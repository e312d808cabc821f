// The coverage records of a case (benefits checks, the access log, network requests, peer-to-peer
// calls, help beyond the plan): stored through the one record API, refused when malformed or stale
// (from another process too), their renewals and agreements' ends kept as deadlines that move with
// them and are never doubled by an archive or an exchange file.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiArgs } from '../../electron/contract/api';
import type { Engine } from '../../electron/engine';
import { addDays } from '../../electron/engine/deadlines/plain-date';
import { localToday } from '../../electron/engine/letters/handlers';
import { cleanup, clientWithCase, fails, ok, openTracked, tempDir, tempEngine } from './helpers';
import { startHostProcess, stopProcesses } from './processes';

afterEach(() => {
  stopProcesses();
  cleanup();
});

type EnrolmentValues = ApiArgs<'enrolments.create'>['values'];
const program = (renewsOn: string, extra: Partial<EnrolmentValues> = {}): EnrolmentValues => ({
  kind: 'manufacturer-program',
  program: 'Spravato withMe',
  status: 'enrolled',
  amount: 25.5,
  amountBasis: 'per session',
  cap: 8000,
  renewsOn,
  ...extra,
});

const deadlinesOf = async (engine: Engine, caseId: number) =>
  (await ok(engine, 'cases.get', { id: caseId })).deadlines;

describe('coverage records', () => {
  it('stores each kind and shows it on the case, oldest access first and newest check first', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const caseId = kase.id;
    await ok(engine, 'accessAttempts.create', {
      caseId,
      values: {
        providerTried: 'North Shore TMS',
        npi: '1234567893',
        attemptedOn: '2026-10-02',
        channel: 'phone',
        result: 'wait-too-long',
        waitOfferedDays: 120,
        distanceMiles: 14.5,
      },
    });
    await ok(engine, 'accessAttempts.create', {
      caseId,
      values: {
        providerTried: 'Lakeview Behavioral',
        attemptedOn: '2026-09-20',
        channel: 'portal',
        result: 'does-not-offer',
      },
    });
    await ok(engine, 'benefitsChecks.create', {
      caseId,
      values: { checkedOn: '2026-09-01', inDeductible: 1500 },
    });
    await ok(engine, 'benefitsChecks.create', {
      caseId,
      values: { checkedOn: '2026-11-01', priorAuthRequired: 'yes', representative: 'Dana' },
    });
    await ok(engine, 'peerCalls.create', {
      caseId,
      values: {
        occurredOn: '2026-11-10',
        reviewerName: 'Dr. Kim',
        reviewerCredentials: 'MD, family medicine',
        askedFor: '36 sessions of TMS, CPT 90867 and 90868',
        outcome: 'upheld',
      },
    });
    const detail = await ok(engine, 'cases.get', { id: caseId });
    expect(detail.accessAttempts.map((a) => a.providerTried)).toEqual([
      'Lakeview Behavioral',
      'North Shore TMS',
    ]);
    expect(detail.benefitsChecks.map((c) => c.checkedOn)).toEqual(['2026-11-01', '2026-09-01']);
    expect(detail.benefitsChecks[0]).toMatchObject({
      priorAuthRequired: 'yes',
      referralRequired: 'unknown',
      networkStatus: 'unknown',
    });
    expect(detail.peerCalls[0]).toMatchObject({ outcome: 'upheld', reviewerName: 'Dr. Kim' });
    const history = await ok(engine, 'cases.history', { caseId });
    expect(history.filter((h) => h.tableName === 'accessAttempts')).toHaveLength(2);
  });

  it('refuses amounts and dates that cannot be right, naming the field', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const caseId = kase.id;
    const cents = await fails(engine, 'enrolments.create', {
      caseId,
      values: program('2027-01-01', { amount: 10.005 }),
    });
    expect(cents).toMatchObject({ code: 'invalid-input', field: 'values.amount' });
    const met = await fails(engine, 'benefitsChecks.create', {
      caseId,
      values: { checkedOn: '2026-11-01', inDeductible: 500, inDeductibleMet: 700 },
    });
    expect(met.field).toBe('values.inDeductibleMet');
    expect(met.message).toMatch(/cannot be more than the deductible/);
    const percent = await fails(engine, 'benefitsChecks.create', {
      caseId,
      values: { checkedOn: '2026-11-01', outCoinsurancePercent: 140 },
    });
    expect(percent.field).toBe('values.outCoinsurancePercent');
    const undecided = await fails(engine, 'networkRequests.create', {
      caseId,
      values: {
        kind: 'single-case-agreement',
        providerName: 'Dr. Ada Lovelace',
        decision: 'approved',
      },
    });
    expect(undecided.field).toBe('values.decidedOn');
    const backwards = await fails(engine, 'networkRequests.create', {
      caseId,
      values: {
        kind: 'single-case-agreement',
        providerName: 'Dr. Ada Lovelace',
        decision: 'approved',
        decidedOn: '2026-11-01',
        approvedFrom: '2026-12-01',
        approvedUntil: '2026-11-30',
      },
    });
    expect(backwards.field).toBe('values.approvedUntil');
    expect((await ok(engine, 'cases.get', { id: caseId })).enrolments).toEqual([]);
  });

  it('keeps a renewal as a deadline that moves with it, goes when it ends, and is in the calendar', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const renews = addDays(localToday(), 20);
    const e = await ok(engine, 'enrolments.create', { caseId: kase.id, values: program(renews) });
    let deadlines = await deadlinesOf(engine, kase.id);
    expect(deadlines).toHaveLength(1);
    expect(deadlines[0]).toMatchObject({ title: 'Renew Spravato withMe', dueOn: renews });
    const calendar = await ok(engine, 'calendar.export', { caseId: kase.id });
    expect(calendar.text.replace(/\r\n[ \t]/g, '')).toContain('Renew Spravato withMe');

    const later = addDays(renews, 30);
    const moved = await ok(engine, 'enrolments.update', {
      id: e.id,
      version: e.version,
      values: { renewsOn: later },
    });
    deadlines = await deadlinesOf(engine, kase.id);
    expect(deadlines.map((d) => d.dueOn)).toEqual([later]);

    await ok(engine, 'enrolments.update', {
      id: e.id,
      version: moved.version,
      values: { status: 'ended' },
    });
    expect(await deadlinesOf(engine, kase.id)).toEqual([]);

    // An agreement's end, once approved; deleting the request takes its deadline with it.
    const sca = await ok(engine, 'networkRequests.create', {
      caseId: kase.id,
      values: {
        kind: 'single-case-agreement',
        providerName: 'Dr. Ada Lovelace',
        decision: 'approved',
        decidedOn: '2026-11-01',
        approvedRate: 310,
        approvedSessions: 36,
        approvedFrom: '2026-11-15',
        approvedUntil: '2027-05-15',
      },
    });
    deadlines = await deadlinesOf(engine, kase.id);
    expect(deadlines).toHaveLength(1);
    expect(deadlines[0]!.title).toBe('Single-case agreement with Dr. Ada Lovelace ends');
    await ok(engine, 'networkRequests.delete', { id: sca.id });
    expect(await deadlinesOf(engine, kase.id)).toEqual([]);
  });

  it('keeps a renewal the advocate marked done when the program is deleted', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const e = await ok(engine, 'enrolments.create', {
      caseId: kase.id,
      values: program('2027-02-01'),
    });
    const [row] = await deadlinesOf(engine, kase.id);
    await ok(engine, 'deadlines.update', {
      id: row!.id,
      version: row!.version,
      values: { completedOn: '2027-01-20' },
    });
    await ok(engine, 'enrolments.delete', { id: e.id });
    expect((await deadlinesOf(engine, kase.id)).map((d) => d.completedOn)).toEqual(['2027-01-20']);
  });

  it('moves in the library archive and an exchange file without doubling a renewal', async () => {
    const source = tempEngine();
    const { case: kase } = await clientWithCase(source);
    await ok(source, 'enrolments.create', { caseId: kase.id, values: program('2027-03-01') });
    await ok(source, 'benefitsChecks.create', {
      caseId: kase.id,
      values: { checkedOn: '2026-11-01', plannedSessions: 36, inAllowedAmount: 250 },
    });

    const out = join(tempDir(), 'library.zip');
    await ok(source, 'archive.export', { out });
    const target = tempEngine();
    const { clientIds } = await ok(target, 'archive.import', { file: out });
    const caseId = (await ok(target, 'cases.list', { clientId: clientIds[0]! })).items[0]!.id;
    const moved = await ok(target, 'cases.get', { id: caseId });
    expect(moved.benefitsChecks[0]).toMatchObject({ plannedSessions: 36, inAllowedAmount: 250 });
    expect(moved.deadlines).toHaveLength(1);
    // The renewal still belongs to its program: moving the date moves that row, not a new one.
    const e = moved.enrolments[0]!;
    await ok(target, 'enrolments.update', {
      id: e.id,
      version: e.version,
      values: { renewsOn: '2027-04-01' },
    });
    expect((await deadlinesOf(target, caseId)).map((d) => d.dueOn)).toEqual(['2027-04-01']);

    const file = await ok(source, 'exchange.export', { caseId: kase.id });
    expect(file.cases[0]!.deadlines).toEqual([]);
    const other = tempEngine();
    const imported = await ok(other, 'exchange.import', file);
    const again = await ok(other, 'cases.get', { id: imported.caseIds[0]! });
    expect(again.enrolments).toHaveLength(1);
    expect(again.deadlines.map((d) => d.title)).toEqual(['Renew Spravato withMe']);
  });

  it('refuses an edit made from a stale copy while another process writes the same library', async () => {
    const dir = tempDir();
    const databasePath = join(dir, 'case-library.sqlite');
    const engine = openTracked(databasePath);
    const { case: kase } = await clientWithCase(engine);
    const e = await ok(engine, 'enrolments.create', {
      caseId: kase.id,
      values: program('2027-02-01'),
    });
    const host = await startHostProcess([], { ADVOCATE_DESK_DB: databasePath });
    const theirs = await host.call('enrolments.update', {
      id: e.id,
      version: e.version,
      values: { renewsOn: '2027-02-15', cap: 9000 },
    });
    expect(theirs.ok).toBe(true);
    const mine = await fails(engine, 'enrolments.update', {
      id: e.id,
      version: e.version,
      values: { renewsOn: '2027-03-01' },
    });
    expect(mine.code).toBe('conflict');
    const detail = await ok(engine, 'cases.get', { id: kase.id });
    expect(detail.enrolments[0]).toMatchObject({ renewsOn: '2027-02-15', cap: 9000 });
    expect(detail.deadlines.map((d) => d.dueOn)).toEqual(['2027-02-15']);
    await host.stop();
  }, 60_000);
});
