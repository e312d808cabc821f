// Payer criteria as data: each rule met / not met / unknown from the case's records (partial
// dates and missing data included), sets kept as versioned records, the shipped examples, the
// suggestion from insurer and treatment, and the readiness list a linked set replaces.
import { afterAll, describe, expect, it } from 'vitest';
import type { Criterion, CriterionInput } from '../../electron/contract/criteria';
import { criterionFields } from '../../electron/contract/criteria';
import type { Treatment } from '../../electron/contract/case-records';
import type { CriteriaFacts } from '../../electron/engine/criteria/evaluate';
import { evaluateCriterion } from '../../electron/engine/criteria/evaluate';
import { starterSets } from '../../electron/engine/criteria/starter-sets';
import type { Engine } from '../../electron/engine';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { migrations } from '../../electron/engine/db/migrations';
import { cleanup, clientWithCase, fails, ok, openTracked, tempDir, tempEngine } from './helpers';

afterAll(cleanup);

const rule = (c: Partial<CriterionInput> & Pick<CriterionInput, 'kind'>): Criterion =>
  criterionFields.parse({ key: 'k', text: 'The criterion.', ...c });

let nextId = 1;
const med = (t: Partial<Treatment> & { name: string }): Treatment => ({
  id: nextId++,
  caseId: 1,
  version: 1,
  kind: 'medication',
  dose: null,
  maxDose: null,
  weeksAtTherapeuticDose: null,
  startedOn: null,
  endedOn: null,
  outcome: null,
  reasonStopped: 'no response',
  drugClass: null,
  sourceDocumentId: null,
  ...t,
});

const facts = (f: Partial<CriteriaFacts> = {}): CriteriaFacts => ({
  today: '2026-06-01',
  dateOfBirth: '1990-05-01',
  providerName: 'Dr. Ada Lovelace',
  providerPractice: 'Lakeside Psychiatry',
  treatmentPlan: null,
  notes: null,
  diagnoses: [],
  treatments: [],
  assessments: [],
  documentNames: new Map(),
  ...f,
});

const judge = (c: Criterion, f: CriteriaFacts) => evaluateCriterion(c, f, null);

describe('rules over the case’s records', () => {
  it('age: met, not met, and unknown without a date of birth', () => {
    const adult = rule({ kind: 'age', min: 18 });
    expect(judge(adult, facts()).status).toBe('met');
    expect(judge(adult, facts()).evidence[0]).toMatch(/Age 36/);
    expect(judge(adult, facts({ dateOfBirth: '2010-07-01' })).status).toBe('not-met');
    // The day before the 18th birthday is still 17.
    expect(judge(adult, facts({ dateOfBirth: '2008-06-02' })).status).toBe('not-met');
    expect(judge(adult, facts({ dateOfBirth: '2008-06-01' })).status).toBe('met');
    const none = judge(adult, facts({ dateOfBirth: null }));
    expect(none.status).toBe('unknown');
    expect(none.gather).toMatch(/date of birth/);
    expect(none.answerable).toBe(true);
  });

  it('diagnosis codes: a category covers its codes, an excluded code fails, none is unknown', () => {
    const mdd = rule({ kind: 'diagnosis', codes: ['F32', 'F33'], excludeCodes: ['F31'] });
    const dx = (code: string) => ({
      id: nextId++,
      caseId: 1,
      version: 1,
      icd10Code: code,
      description: null,
      diagnosedOn: '2019-03',
      sourceDocumentId: 7,
    });
    const met = judge(
      mdd,
      facts({ diagnoses: [dx('F33.2')], documentNames: new Map([[7, 'intake.docx']]) }),
    );
    expect(met.status).toBe('met');
    expect(met.evidence[0]).toBe('F33.2, diagnosed Mar 2019 (from intake.docx)');
    expect(judge(mdd, facts({ diagnoses: [dx('F41.1')] })).status).toBe('not-met');
    expect(judge(mdd, facts({ diagnoses: [dx('F33.2'), dx('F31.4')] })).status).toBe('not-met');
    expect(judge(mdd, facts()).status).toBe('unknown');
    const range = rule({ kind: 'diagnosis', codes: ['F32.0-F33.9'] });
    expect(judge(range, facts({ diagnoses: [dx('F33.1')] })).status).toBe('met');
    expect(judge(range, facts({ diagnoses: [dx('F34.1')] })).status).toBe('not-met');
  });

  it('failed trials and classes count antidepressants; an unclassed drug leaves it unknown', () => {
    const two = rule({ kind: 'failed-medication-trials', count: 2 });
    const classes = rule({ kind: 'distinct-classes', count: 2 });
    const sertraline = med({ name: 'Sertraline', drugClass: 'SSRI' });
    const escitalopram = med({ name: 'Escitalopram', drugClass: 'SSRI' });
    const bupropion = med({ name: 'Bupropion', drugClass: 'NDRI' });
    const mystery = med({ name: 'Zorbatine' });
    const quetiapine = med({ name: 'Quetiapine', drugClass: 'atypical antipsychotic' });

    expect(judge(two, facts({ treatments: [sertraline, escitalopram] })).status).toBe('met');
    expect(judge(classes, facts({ treatments: [sertraline, escitalopram] })).status).toBe(
      'not-met',
    );
    expect(judge(classes, facts({ treatments: [sertraline, bupropion] })).evidence).toEqual([
      'SSRI: Sertraline',
      'NDRI: Bupropion',
    ]);
    // An augmenting agent is not an antidepressant trial.
    expect(judge(two, facts({ treatments: [sertraline, quetiapine] })).status).toBe('not-met');
    const unclassed = judge(classes, facts({ treatments: [sertraline, mystery] }));
    expect(unclassed.status).toBe('unknown');
    expect(unclassed.gather).toMatch(/drug class of Zorbatine/);
    // A medication still being taken has not failed.
    const current = med({ name: 'Venlafaxine', drugClass: 'SNRI', reasonStopped: null });
    expect(judge(two, facts({ treatments: [sertraline, current] })).status).toBe('not-met');
  });

  it('weeks at a therapeutic dose: recorded weeks decide; month dates only rule a trial out', () => {
    const six = rule({ kind: 'weeks-at-dose', count: 2, minWeeks: 6 });
    const long = med({ name: 'Sertraline', drugClass: 'SSRI', weeksAtTherapeuticDose: 10 });
    const alsoLong = med({ name: 'Bupropion', drugClass: 'NDRI', weeksAtTherapeuticDose: 8 });
    const short = med({ name: 'Duloxetine', drugClass: 'SNRI', weeksAtTherapeuticDose: 3 });
    expect(judge(six, facts({ treatments: [long, alsoLong] })).status).toBe('met');
    expect(judge(six, facts({ treatments: [long, short] })).status).toBe('not-met');
    // March to April 2019 is at most 8 weeks: it might be enough, so the weeks must be recorded.
    const months = med({
      name: 'Bupropion',
      drugClass: 'NDRI',
      startedOn: '2019-03',
      endedOn: '2019-04',
    });
    const maybe = judge(six, facts({ treatments: [long, months] }));
    expect(maybe.status).toBe('unknown');
    expect(maybe.gather).toMatch(/weeks at a therapeutic dose for Bupropion/);
    // Within one month it cannot have lasted six weeks.
    const oneMonth = med({
      name: 'Bupropion',
      drugClass: 'NDRI',
      startedOn: '2019-03',
      endedOn: '2019-03',
    });
    expect(judge(six, facts({ treatments: [long, oneMonth] })).status).toBe('not-met');
    // A year alone bounds nothing useful: unknown, never met.
    const years = med({ name: 'Bupropion', drugClass: 'NDRI', startedOn: '2019', endedOn: '2019' });
    expect(judge(six, facts({ treatments: [long, years] })).status).toBe('unknown');
    // Failed trials with a minimum: the same reasoning.
    const trials = rule({ kind: 'failed-medication-trials', count: 2, minWeeks: 6 });
    expect(judge(trials, facts({ treatments: [long, oneMonth] })).status).toBe('not-met');
    expect(judge(trials, facts({ treatments: [long, months] })).status).toBe('unknown');
  });

  it('augmentation, psychotherapy, ECT and scores', () => {
    const augment = rule({ kind: 'augmentation', count: 1 });
    const aripiprazole = med({ name: 'Aripiprazole', drugClass: 'atypical antipsychotic' });
    expect(judge(augment, facts({ treatments: [aripiprazole] })).status).toBe('met');
    expect(judge(augment, facts()).status).toBe('not-met');
    const cbt = med({ name: 'CBT', kind: 'therapy', startedOn: '2020-01', endedOn: '2020-06' });
    const either = rule({ kind: 'augmentation', count: 1, orPsychotherapy: true });
    expect(judge(either, facts({ treatments: [cbt] })).status).toBe('met');
    expect(
      judge(rule({ kind: 'psychotherapy' }), facts({ treatments: [cbt] })).evidence[0],
    ).toMatch(/^CBT, Jan 2020 to Jun 2020/);
    expect(judge(rule({ kind: 'psychotherapy' }), facts()).status).toBe('not-met');
    const ectRule = rule({ kind: 'ect' });
    expect(judge(ectRule, facts()).status).toBe('unknown');
    const ect = med({ name: 'ECT', kind: 'procedure' });
    expect(judge(ectRule, facts({ treatments: [ect] })).status).toBe('met');

    const phq = rule({ kind: 'score-threshold', instruments: ['PHQ-9'], min: 15 });
    const score = (instrument: string, value: number, on: string) => ({
      id: nextId++,
      caseId: 1,
      version: 1,
      instrument,
      score: value,
      assessedOn: on,
      notes: null,
      sourceDocumentId: null,
    });
    expect(judge(phq, facts()).status).toBe('unknown');
    // The latest score counts: severity now, not once.
    const falling = [score('PHQ-9', 22, '2025-01'), score('PHQ-9', 12, '2025-05')];
    expect(judge(phq, facts({ assessments: falling })).status).toBe('not-met');
    const rising = [score('PHQ9', 12, '2025-01'), score('PHQ-9', 19, '2025-05-02')];
    const met = judge(phq, facts({ assessments: rising }));
    expect(met.status).toBe('met');
    expect(met.evidence).toEqual(['PHQ-9 19 on May 2, 2025']);
    // Another instrument does not count.
    expect(judge(phq, facts({ assessments: [score('MADRS', 30, '2025-05')] })).status).toBe(
      'unknown',
    );
    const serial = rule({ kind: 'score-threshold', count: 2 });
    expect(judge(serial, facts({ assessments: rising })).status).toBe('met');
    expect(judge(serial, facts({ assessments: rising.slice(0, 1) })).status).toBe('not-met');
  });

  it('prescriber, setting, REMS and sessions read the case; unknown when it does not say', () => {
    const psych = rule({ kind: 'prescriber', specialty: 'psychiatry' });
    expect(judge(psych, facts()).status).toBe('met');
    expect(judge(psych, facts({ providerPractice: 'Family Medicine Group' })).status).toBe(
      'unknown',
    );
    const sessions = rule({ kind: 'session-limit', max: 36 });
    expect(judge(sessions, facts()).status).toBe('unknown');
    expect(judge(sessions, facts({ treatmentPlan: '30 daily sessions over 6 weeks' })).status).toBe(
      'met',
    );
    expect(judge(sessions, facts({ treatmentPlan: '40 TMS sessions' })).status).toBe('not-met');
    const rems = rule({ kind: 'rems' });
    expect(judge(rems, facts({ treatmentPlan: 'Given in a REMS-certified clinic' })).status).toBe(
      'met',
    );
    expect(judge(rems, facts()).status).toBe('unknown');
    const setting = rule({ kind: 'setting', setting: 'supervised' });
    expect(
      judge(setting, facts({ treatmentPlan: 'Observed for two hours in clinic' })).status,
    ).toBe('met');
  });

  it('a question is the advocate’s answer; an answer settles only what the records cannot', () => {
    const q = rule({ kind: 'question', text: 'PDMP checked.' });
    expect(judge(q, facts()).status).toBe('unknown');
    const yes = evaluateCriterion(q, facts(), { answer: 'yes', note: 'Checked 2026-05-01' });
    expect(yes.status).toBe('met');
    expect(yes.evidence).toEqual(['Confirmed by the advocate: Checked 2026-05-01']);
    expect(evaluateCriterion(q, facts(), { answer: 'no', note: null }).status).toBe('not-met');
    // The records say the client is 16: an answer does not make them 18.
    const adult = rule({ kind: 'age', min: 18 });
    const young = evaluateCriterion(adult, facts({ dateOfBirth: '2010-01-01' }), {
      answer: 'yes',
      note: null,
    });
    expect(young.status).toBe('not-met');
    expect(young.answerable).toBe(false);
    const noDob = evaluateCriterion(adult, facts({ dateOfBirth: null }), {
      answer: 'yes',
      note: 'ID seen',
    });
    expect(noDob.status).toBe('met');
  });
});

describe('criteria sets in the library', () => {
  let engine: Engine;
  const open = () => (engine = tempEngine());

  it('ships the starter sets for esketamine, TMS and IV ketamine, with their sources', async () => {
    open();
    const list = await ok(engine, 'criteria.list', {});
    const shipped = starterSets();
    expect(list.filter((s) => s.starterKey)).toHaveLength(shipped.length);
    for (const family of [/esketamine/i, /TMS/, /IV ketamine/])
      expect(list.some((s) => family.test(s.treatment))).toBe(true);
    const aetnaTms = list.find((s) => s.policyNumber === 'CPB 0469')!;
    const set = await ok(engine, 'criteria.get', { id: aetnaTms.id });
    expect(set.sourceUrl).toMatch(/^https:\/\//);
    expect(set.criteria.find((c) => c.key === 'age')).toMatchObject({ kind: 'age', min: 15 });
    engine.close();
  });

  it('an existing library gains the starter sets once; its cases keep the general list', async () => {
    const path = join(tempDir(), 'v11.sqlite');
    const before = migrations.findIndex((m) => m.name === 'criteria');
    const old = new BetterSqlite3(path);
    old.function('audit_actor', () => 'test');
    for (const m of migrations.slice(0, before)) {
      old.exec(m.sql);
      m.run?.(old);
    }
    old.pragma(`user_version = ${before}`);
    old.exec(`INSERT INTO clients (first_name, last_name) VALUES ('Ana', 'Ruiz');
      INSERT INTO cases (client_id, requested_treatment, insurer_name) VALUES (1, 'TMS', 'Aetna');`);
    old.close();
    engine = openTracked(path);
    const sets = await ok(engine, 'criteria.list', {});
    expect(sets.filter((s) => s.starterKey)).toHaveLength(starterSets().length);
    const workflow = await ok(engine, 'workflow.get', { caseId: 1 });
    expect(workflow.readiness.criteriaSet).toBeNull();
    expect((await ok(engine, 'caseCriteria.get', { caseId: 1 })).suggested?.payer).toBe('Aetna');
    engine.close();
    // Opening again adds nothing: a deleted example stays deleted.
    engine = openTracked(path);
    await ok(engine, 'criteria.delete', { id: sets[0]!.id });
    engine.close();
    engine = openTracked(path);
    expect(await ok(engine, 'criteria.list', {})).toHaveLength(sets.length - 1);
    engine.close();
  });

  it('creates, copies and edits a set; a stale edit is refused and nothing is written', async () => {
    open();
    const made = await ok(engine, 'criteria.create', {
      payer: 'Prairie Health',
      policyName: 'Esketamine policy',
      treatment: 'Esketamine (Spravato)',
      criteria: [{ key: 'age', text: 'Adults.', kind: 'age', min: 18 }],
    });
    expect(made.version).toBe(1);
    const copy = await ok(engine, 'criteria.copy', { id: made.id });
    expect(copy.policyName).toBe('Esketamine policy (copy)');
    expect(copy.criteria).toEqual(made.criteria);

    const first = await ok(engine, 'criteria.update', {
      id: made.id,
      version: 1,
      values: { policyNumber: 'RX-12' },
    });
    expect(first.version).toBe(2);
    const stale = await fails(engine, 'criteria.update', {
      id: made.id,
      version: 1,
      values: { policyNumber: 'RX-99' },
    });
    expect(stale.code).toBe('conflict');
    expect(stale.message).toMatch(/Policy number/);
    expect((await ok(engine, 'criteria.get', { id: made.id })).policyNumber).toBe('RX-12');
    // A stale edit that changes nothing goes on; from the current version, any edit does.
    const same = await ok(engine, 'criteria.update', {
      id: made.id,
      version: 1,
      values: { policyNumber: 'RX-12' },
    });
    expect(same.version).toBe(2);
    const other = await ok(engine, 'criteria.update', {
      id: made.id,
      version: 2,
      values: { effectiveDate: '2026-01-01' },
    });
    expect(other).toMatchObject({ policyNumber: 'RX-12', effectiveDate: '2026-01-01' });
    // Two criteria with one key are refused by name.
    const dup = await fails(engine, 'criteria.update', {
      id: made.id,
      version: other.version,
      values: {
        criteria: [
          { key: 'age', text: 'Adults.', kind: 'age', min: 18 },
          { key: 'age', text: 'Again.', kind: 'question' },
        ],
      },
    });
    expect(dup.message).toMatch(/"age" is used by two criteria/);
    engine.close();
  });

  it('suggests a set from insurer and treatment; links, answers and unlinks the case', async () => {
    open();
    const { case: kase } = await clientWithCase(
      engine,
      {},
      {
        requestedTreatment: 'Transcranial magnetic stimulation (TMS)',
        insurerName: 'Aetna Choice POS II',
        treatmentPlan: '30 sessions, outpatient',
      },
    );
    const before = await ok(engine, 'caseCriteria.get', { caseId: kase.id });
    expect(before.set).toBeNull();
    expect(before.suggested?.payer).toBe('Aetna');
    expect(before.suggested?.treatment).toBe('TMS');
    // No set of another payer's is suggested on treatment alone.
    const { case: other } = await clientWithCase(
      engine,
      {},
      {
        requestedTreatment: 'TMS',
        insurerName: 'Prairie Health',
      },
    );
    expect((await ok(engine, 'caseCriteria.get', { caseId: other.id })).suggested).toBeNull();

    const answerFirst = await fails(engine, 'caseCriteria.answer', {
      caseId: kase.id,
      key: 'device',
      answer: { answer: 'yes' },
      version: 0,
    });
    expect(answerFirst.message).toMatch(/Link the case/);

    const linked = await ok(engine, 'caseCriteria.link', {
      caseId: kase.id,
      setId: before.suggested!.id,
      version: 0,
    });
    expect(linked.set?.policyNumber).toBe('CPB 0469');
    expect(linked.results.find((r) => r.key === 'age')?.status).toBe('met');
    expect(linked.results.find((r) => r.key === 'sessions')?.status).toBe('met');
    expect(linked.results.find((r) => r.key === 'trials')?.status).toBe('not-met');
    expect(linked.results.find((r) => r.key === 'device')?.status).toBe('unknown');

    const answered = await ok(engine, 'caseCriteria.answer', {
      caseId: kase.id,
      key: 'device',
      answer: { answer: 'yes', note: 'NeuroStar, FDA-cleared' },
      version: linked.version,
    });
    expect(answered.results.find((r) => r.key === 'device')).toMatchObject({
      status: 'met',
      evidence: ['Confirmed by the advocate: NeuroStar, FDA-cleared'],
    });
    expect(answered.met).toBe(linked.met + 1);
    // An answer from a stale copy is refused.
    const stale = await fails(engine, 'caseCriteria.answer', {
      caseId: kase.id,
      key: 'retreat',
      answer: { answer: 'no' },
      version: linked.version,
    });
    expect(stale.code).toBe('conflict');

    // The set replaces the general readiness list while linked.
    const workflow = await ok(engine, 'workflow.get', { caseId: kase.id });
    expect(workflow.readiness.criteriaSet?.payer).toBe('Aetna');
    expect(workflow.readiness.total).toBe(answered.total);
    expect(workflow.readiness.done).toBe(answered.met);
    expect(workflow.readiness.items.map((i) => i.key)).toContain('criterion:device');

    const unlinked = await ok(engine, 'caseCriteria.link', {
      caseId: kase.id,
      setId: null,
      version: answered.version,
    });
    expect(unlinked.set).toBeNull();
    // Unlinked on purpose: no suggestion pushes the set back.
    expect(unlinked.suggested).toBeNull();
    const general = await ok(engine, 'workflow.get', { caseId: kase.id });
    expect(general.readiness.criteriaSet).toBeNull();
    expect(general.readiness.items.map((i) => i.key)).toContain('failed-treatments');
    engine.close();
  });

  it('deleting a set unlinks its cases and keeps their answers', async () => {
    open();
    const { case: kase } = await clientWithCase(engine);
    const set = await ok(engine, 'criteria.create', {
      payer: 'Prairie Health',
      policyName: 'Own policy',
      treatment: 'Esketamine',
      criteria: [{ key: 'pdmp', text: 'PDMP checked.', kind: 'question' }],
    });
    const linked = await ok(engine, 'caseCriteria.link', {
      caseId: kase.id,
      setId: set.id,
      version: 0,
    });
    await ok(engine, 'caseCriteria.answer', {
      caseId: kase.id,
      key: 'pdmp',
      answer: { answer: 'yes' },
      version: linked.version,
    });
    await ok(engine, 'criteria.delete', { id: set.id });
    const after = await ok(engine, 'caseCriteria.get', { caseId: kase.id });
    expect(after.set).toBeNull();
    const stored = engine.db
      .prepare('SELECT answers FROM case_criteria WHERE case_id = ?')
      .pluck()
      .get(kase.id) as string;
    expect(JSON.parse(stored)).toEqual({ pdmp: { answer: 'yes', note: null } });
    engine.close();
  });
});
