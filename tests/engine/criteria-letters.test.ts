// Letters walk the payer's criteria: the LMN, prior-auth cover letter, appeals and external review
// answer each criterion with the case's evidence; an unmet or unknown one is a gap in the letter
// and an entry in the checklist, never a claim that it is met.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterKind } from '../../electron/contract/letter';
import type { Engine } from '../../electron/engine';
import { cleanup, ok, tempEngine } from './helpers';
import { letterText } from './letter-text';
import { fullLetterCase } from './letter-case';

const WALKING: LetterKind[] = [
  'medical-necessity',
  'prior-auth-cover',
  'appeal',
  'expedited-appeal',
  'external-review',
];

const CRITERIA = [
  { key: 'age', text: 'Patient is 18 or older.', kind: 'age', min: 18 },
  {
    key: 'trials',
    text: 'Failed three antidepressants, each for at least 6 weeks at a therapeutic dose.',
    kind: 'failed-medication-trials',
    count: 3,
    minWeeks: 6,
  },
  { key: 'classes', text: 'From at least two classes.', kind: 'distinct-classes', count: 2 },
  { key: 'therapy', text: 'Tried evidence-based psychotherapy.', kind: 'psychotherapy' },
  { key: 'pdmp', text: 'Prescriber checked the state PDMP.', kind: 'question' },
  { key: 'psychosis', text: 'No history of psychosis.', kind: 'question' },
] as const;

let engine: Engine;
let caseId = 0;
let recipientId = 0;

const text = (documentId: number): Promise<string> => letterText(engine, documentId);

/** The letter's paragraph that answers a criterion. */
const lineOf = (letter: string, criterion: string) =>
  letter.split('\n').find((l) => l.includes(criterion)) ?? '';

beforeAll(async () => {
  engine = tempEngine();
  ({ caseId, recipientId } = await fullLetterCase(engine));
  const set = await ok(engine, 'criteria.create', {
    payer: 'Prairie Health',
    policyName: 'IV Ketamine for Treatment-Resistant Depression',
    policyNumber: 'MP-412',
    treatment: 'IV ketamine',
    effectiveDate: '2024-01-01',
    criteria: [...CRITERIA],
  });
  const link = await ok(engine, 'caseCriteria.link', { caseId, setId: set.id, version: 0 });
  await ok(engine, 'caseCriteria.answer', {
    caseId,
    key: 'pdmp',
    answer: { answer: 'yes', note: 'PDMP report of June 3, 2024 in the chart' },
    version: link.version,
  });
});
afterAll(cleanup);

describe('letters answer the payer’s criteria one by one', () => {
  it.each(WALKING)('%s', async (kind) => {
    const letter = await ok(engine, 'letters.generate', { caseId, kind, recipientId });
    const body = await text(letter.documentId);
    expect(body).toContain('MP-412');
    for (const c of CRITERIA) expect(body, c.key).toContain(c.text);

    // Met, with the records that meet it.
    expect(lineOf(body, CRITERIA[0].text)).toMatch(/Met: Age \d+ \(born June 2, 1984\)/);
    expect(lineOf(body, CRITERIA[2].text)).toContain('Met: SSRI: Sertraline; SNRI: Venlafaxine XR');
    expect(lineOf(body, CRITERIA[3].text)).toContain('Met: Cognitive behavioral therapy');
    expect(lineOf(body, CRITERIA[4].text)).toContain(
      'Met: Confirmed by the advocate: PDMP report of June 3, 2024 in the chart',
    );
    // The weeks at a therapeutic dose are not recorded: never "met", a gap instead.
    for (const open of [CRITERIA[1].text, CRITERIA[5].text]) {
      expect(lineOf(body, open), open).not.toMatch(/Met/);
      expect(lineOf(body, open), open).toMatch(/needed\]/);
    }
    expect(body).not.toMatch(/Every one of these criteria is met|meets every criterion/);

    // Before generating, the checklist names each with what to gather.
    const trials = letter.checklist.find((i) => i.field === 'criteria.trials');
    expect(trials?.label).toMatch(/^criterion unknown: “Failed three antidepressants/);
    expect(trials?.label).toMatch(/weeks at a therapeutic dose for Sertraline/);
    expect(trials?.link).toBe(`/cases/${caseId}?focus=section-criteria`);
    expect(letter.checklist.find((i) => i.field === 'criteria.psychosis')?.label).toMatch(
      /No history of psychosis/,
    );
    expect(letter.checklist.some((i) => i.field === 'criteria.age')).toBe(false);
  });

  it('says every criterion is met only when the record meets every one', async () => {
    const current = await ok(engine, 'caseCriteria.get', { caseId });
    const treatments = (await ok(engine, 'cases.get', { id: caseId })).treatments;
    for (const t of treatments.filter((t) => t.kind === 'medication')) {
      await ok(engine, 'treatments.update', {
        id: t.id,
        version: t.version,
        values: { weeksAtTherapeuticDose: 8 },
      });
    }
    await ok(engine, 'caseCriteria.answer', {
      caseId,
      key: 'psychosis',
      answer: { answer: 'yes', note: null },
      version: current.version,
    });
    const lmn = await ok(engine, 'letters.generate', {
      caseId,
      kind: 'medical-necessity',
      recipientId,
    });
    expect(lmn.checklist.filter((i) => i.field.startsWith('criteria.'))).toEqual([]);
    const body = await text(lmn.documentId);
    expect(body).toContain('Every one of these criteria is met on the record enclosed.');
    expect(lineOf(body, CRITERIA[1].text)).toContain('8 weeks at a therapeutic dose');
    // The fixed list gives way to the plan's own criteria.
    expect(body).not.toContain('How this request meets your criteria');
    const appeal = await ok(engine, 'letters.generate', { caseId, kind: 'appeal', recipientId });
    expect(await text(appeal.documentId)).toContain('meets every criterion of the plan');
  });

  it('prints a policy’s words as written: no Markdown, no template syntax, no fake gaps', async () => {
    const hostile =
      '**Bold** {{ client.name }} {% if true %}x{% endif %} | pipe | \uE000gap\uE001 <b>tag</b>';
    const set = await ok(engine, 'criteria.create', {
      payer: 'Prairie *Health*',
      policyName: 'Policy {{ plan.memberId }}',
      treatment: 'IV ketamine',
      criteria: [{ key: 'odd', text: hostile, kind: 'question' }],
    });
    const { version } = await ok(engine, 'caseCriteria.get', { caseId });
    const linked = await ok(engine, 'caseCriteria.link', { caseId, setId: set.id, version });
    await ok(engine, 'caseCriteria.answer', {
      caseId,
      key: 'odd',
      answer: { answer: 'yes', note: '# heading? 1. list? [link](http://x)' },
      version: linked.version,
    });
    const letter = await ok(engine, 'letters.generate', { caseId, kind: 'appeal', recipientId });
    const body = await text(letter.documentId);
    expect(body).toContain(
      '**Bold** {{ client.name }} {% if true %}x{% endif %} | pipe | gap <b>tag</b>',
    );
    expect(body).toContain('Met: Confirmed by the advocate: # heading? 1. list? [link](http://x)');
    expect(body).toContain('Prairie *Health*’s Policy {{ plan.memberId }}');
    expect(letter.gaps).toBe(0);
  });

  it('a case without a set keeps the general criteria list', async () => {
    await ok(engine, 'caseCriteria.link', {
      caseId,
      setId: null,
      version: (await ok(engine, 'caseCriteria.get', { caseId })).version,
    });
    const lmn = await ok(engine, 'letters.generate', {
      caseId,
      kind: 'medical-necessity',
      recipientId,
    });
    const body = await text(lmn.documentId);
    expect(body).toContain('How this request meets your criteria');
    expect(body).not.toContain('one by one');
  });
});
