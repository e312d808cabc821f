// Dates as precise as the record: a day, a month or a year, from every door into letters, and
// durations that never count invented days. Dose history carries what payers ask for.
import { afterEach, describe, expect, it } from 'vitest';
import {
  durationBetween,
  mayBeOnOrAfter,
  parsePartialDate,
  spansOverlap,
  writtenDate,
} from '../../electron/contract/partial-date';
import { findDates } from '../../electron/engine/facts/dates';
import { proposeFacts } from '../../electron/engine/facts/extract';
import { cleanup, clientWithCase, fails, ok, rowCounts, tempEngine } from './helpers';
import { fullLetterCase } from './letter-case';
import { letterText } from './letter-text';

afterEach(cleanup);

describe('a date as written', () => {
  it.each([
    ['2019-03-15', '2019-03-15'],
    ['2019-03', '2019-03'],
    ['2019', '2019'],
    ['03/2019', '2019-03'],
    ['3/2019', '2019-03'],
    ['3/15/2019', '2019-03-15'],
    ['March 2019', '2019-03'],
    ['Sept. 2019', '2019-09'],
    ['Mar 15, 2019', '2019-03-15'],
    ['15 March 2019', '2019-03-15'],
  ])('reads %j as %j, never more precise', (input, stored) => {
    expect(parsePartialDate(input)).toBe(stored);
  });

  it.each(['2019-13', '2019-02-30', '13/2019', 'spring 2019', '19', 'March'])(
    'refuses %j',
    (input) => expect(parsePartialDate(input)).toBeNull(),
  );

  it('writes a month as a month and a year as a year', () => {
    expect(writtenDate('2019-03-15')).toBe('March 15, 2019');
    expect(writtenDate('2019-03')).toBe('March 2019');
    expect(writtenDate('2019')).toBe('2019');
  });

  it('counts durations only at the precision both dates have', () => {
    expect(durationBetween('2019-03', '2019-11')?.text).toBe('about 8 months');
    expect(durationBetween('2019-03-15', '2019-11')?.text).toBe('about 8 months');
    expect(durationBetween('2019-03-01', '2019-06-07')).toMatchObject({
      text: '14 weeks',
      weeks: 14,
    });
    expect(durationBetween('2019-03', '2019-03')?.text).toBe('under a month');
    expect(durationBetween('2019', '2021')?.text).toBeNull();
    expect(durationBetween('2019-11', '2019-03')).toBeNull();
  });

  it('compares spans by what they may mean', () => {
    expect(mayBeOnOrAfter('2019-03', '2019-03-20')).toBe(true);
    expect(mayBeOnOrAfter('2019-02', '2019-03-01')).toBe(false);
    expect(
      spansOverlap({ start: '2019-03', end: '2019-06' }, { start: '2019-06-30', end: null }),
    ).toBe(true);
    expect(spansOverlap({ start: '2019', end: '2019' }, { start: '2020-01', end: null })).toBe(
      false,
    );
  });
});

describe('dates found in documents', () => {
  it('keeps "03/2019" and "March 2021" as months, and days as days', () => {
    const found = findDates('Started 03/2019, stopped March 2021; seen 04/02/2021.');
    expect(found.map((d) => [d.date, d.precise])).toEqual([
      ['2019-03', false],
      ['2021-03', false],
      ['2021-04-02', true],
    ]);
  });

  it('proposes a trial written with months as months', () => {
    const facts = proposeFacts('Sertraline 200 mg daily (03/2019 – 11/2019): no response.\n');
    expect(facts.find((f) => f.kind === 'treatment')?.values).toMatchObject({
      name: 'Sertraline',
      startedOn: '2019-03',
      endedOn: '2019-11',
    });
  });
});

describe('saving dates', () => {
  it('stores a treatment, a diagnosis and a score at the precision given, by any form of writing', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const t = await ok(engine, 'treatments.create', {
      caseId: kase.id,
      values: {
        kind: 'medication',
        name: 'Sertraline',
        startedOn: '03/2019',
        endedOn: 'November 2019',
      },
    });
    expect(t).toMatchObject({ startedOn: '2019-03', endedOn: '2019-11' });
    const d = await ok(engine, 'diagnoses.create', {
      caseId: kase.id,
      values: { icd10Code: 'F33.2', diagnosedOn: '2017' },
    });
    expect(d.diagnosedOn).toBe('2017');
    const a = await ok(engine, 'assessments.create', {
      caseId: kase.id,
      values: { instrument: 'PHQ-9', score: 22, assessedOn: '2024-05' },
    });
    expect(a.assessedOn).toBe('2024-05');
    // Mixed precision still sorts in time order.
    await ok(engine, 'treatments.create', {
      caseId: kase.id,
      values: { kind: 'medication', name: 'Bupropion', startedOn: '2019-03-20' },
    });
    await ok(engine, 'treatments.create', {
      caseId: kase.id,
      values: { kind: 'therapy', name: 'CBT', startedOn: '2018' },
    });
    const names = (await ok(engine, 'cases.get', { id: kase.id })).treatments.map((x) => x.name);
    expect(names).toEqual(['CBT', 'Sertraline', 'Bupropion']);
  });

  it('refuses an end before the start at their precision, and a date that is none', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const before = rowCounts(engine);
    const early = await fails(engine, 'treatments.create', {
      caseId: kase.id,
      values: {
        kind: 'medication',
        name: 'Sertraline',
        startedOn: '2019-03',
        endedOn: '2019-02-28',
      },
    });
    expect(early).toMatchObject({ field: 'values.endedOn' });
    const garbled = await fails(engine, 'treatments.create', {
      caseId: kase.id,
      values: { kind: 'medication', name: 'Sertraline', startedOn: '2019-14' },
    });
    expect(garbled).toMatchObject({ field: 'values.startedOn' });
    expect(garbled.message).toContain('2019-03 (or 03/2019) or 2019');
    expect(rowCounts(engine)).toEqual(before);
    // The same month may end a trial that started in it.
    await ok(engine, 'treatments.create', {
      caseId: kase.id,
      values: {
        kind: 'medication',
        name: 'Sertraline',
        startedOn: '2019-03-10',
        endedOn: '2019-03',
      },
    });
  });

  it('keeps the highest dose and the weeks at a therapeutic dose, and refuses nonsense weeks', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const t = await ok(engine, 'treatments.create', {
      caseId: kase.id,
      values: {
        kind: 'medication',
        name: 'Venlafaxine XR',
        dose: '75 mg',
        maxDose: '225 mg daily',
        weeksAtTherapeuticDose: 10,
      },
    });
    expect(t).toMatchObject({ maxDose: '225 mg daily', weeksAtTherapeuticDose: 10 });
    const bad = await fails(engine, 'treatments.update', {
      id: t.id,
      version: t.version,
      values: { weeksAtTherapeuticDose: 2.5 },
    });
    expect(bad).toMatchObject({ field: 'values.weeksAtTherapeuticDose' });
  });
});

describe('letters', () => {
  it('print months as months, say "about 8 months", and give the highest dose and therapeutic weeks', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    await ok(engine, 'treatments.create', {
      caseId,
      values: {
        kind: 'medication',
        name: 'Aripiprazole',
        dose: '2 mg',
        maxDose: '10 mg daily',
        weeksAtTherapeuticDose: 12,
        startedOn: '03/2021',
        endedOn: '11/2021',
        outcome: 'No response',
        reasonStopped: 'Akathisia',
      },
    });
    await ok(engine, 'diagnoses.create', {
      caseId,
      values: { icd10Code: 'F41.1', diagnosedOn: '2018' },
    });
    const letter = await ok(engine, 'letters.generate', {
      caseId,
      kind: 'medical-necessity',
      recipientId,
    });
    const text = await letterText(engine, letter.documentId);
    expect(text).toContain('March 2021 – November 2021');
    expect(text).toContain('about 8 months (12 weeks at a therapeutic dose)');
    expect(text).toContain('10 mg daily');
    expect(text).toContain('diagnosed 2018');
    expect(text).not.toMatch(/March 1, 2021|November 1, 2021|35 weeks/);
    // Day dates are still counted in weeks.
    expect(text).toContain('April 1, 2019 – August 1, 2019');
    expect(text).toContain('17 weeks');
  });
});

describe('the exchange format', () => {
  it('carries month and year dates and the dose history both ways, as version 2', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    await ok(engine, 'treatments.create', {
      caseId: kase.id,
      values: {
        kind: 'medication',
        name: 'Sertraline',
        startedOn: '2019-03',
        endedOn: '2019',
        maxDose: '200 mg',
        weeksAtTherapeuticDose: 8,
      },
    });
    const file = await ok(engine, 'exchange.export', { caseId: kase.id });
    expect(file.version).toBe(2);
    expect(file.cases[0]?.treatments[0]).toMatchObject({
      startedOn: '2019-03',
      endedOn: '2019',
      maxDose: '200 mg',
      weeksAtTherapeuticDose: 8,
      drugClass: 'SSRI',
    });
    const other = tempEngine();
    const { caseIds } = await ok(other, 'exchange.import', file);
    const back = await ok(other, 'cases.get', { id: caseIds[0]! });
    expect(back.treatments[0]).toMatchObject({
      startedOn: '2019-03',
      endedOn: '2019',
      maxDose: '200 mg',
    });
  });

  it('still imports a version 1 file with day dates and none of the new fields', async () => {
    const engine = tempEngine();
    const { caseIds } = await ok(engine, 'exchange.import', {
      format: 'advocate-desk/case-exchange',
      version: 1,
      client: { firstName: 'Marisol', lastName: 'Quintero', dateOfBirth: '1979-12-01' },
      cases: [
        {
          requestedTreatment: 'TMS',
          diagnoses: [{ icd10Code: 'F33.2', diagnosedOn: '2019-03-01' }],
          treatments: [
            { kind: 'medication', name: 'Zoloft', startedOn: '2021-01-10', endedOn: '2021-04-02' },
          ],
          assessments: [{ instrument: 'PHQ-9', score: 22, assessedOn: '2026-09-01' }],
        },
      ],
    });
    const detail = await ok(engine, 'cases.get', { id: caseIds[0]! });
    expect(detail.treatments[0]).toMatchObject({
      startedOn: '2021-01-10',
      drugClass: 'SSRI',
      maxDose: null,
      weeksAtTherapeuticDose: null,
    });
    expect(detail.diagnoses[0]?.diagnosedOn).toBe('2019-03-01');
  });

  it('refuses a version it does not read, naming the versions it does', async () => {
    const engine = tempEngine();
    const error = await fails(engine, 'exchange.import', {
      format: 'advocate-desk/case-exchange',
      version: 3,
      client: { firstName: 'A', lastName: 'B' },
      cases: [{ requestedTreatment: 'TMS' }],
    });
    expect(error.message).toContain('reads version 1 and 2 files');
  });
});
