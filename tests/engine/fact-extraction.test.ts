// What the fact extractor makes of the passages that used to mislead it: scores before a full
// stop, identifiers outside "Label:" lines, bare CPT codes, EOBs that speak in codes, negations,
// requested and augmenting drugs, session counts; and no facts from Word files that hold none.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Proposal } from '../../electron/contract/facts';
import { proposeFacts } from '../../electron/engine/facts/extract';
import { cleanup, clientWithCase, ok, tempEngine } from './helpers';

afterEach(cleanup);

const of = (kind: Proposal['kind'], text: string) =>
  proposeFacts(text)
    .filter((p) => p.kind === kind)
    .map((p) => p.values);

describe('scores', () => {
  it('reads a score followed by a full stop, dated by the visit the note records', () => {
    const note = 'Date of visit: 03/12/2026\nO: PHQ-9 14. GAD-7 9. Tearful affect.';
    expect(of('assessment', note)).toEqual([
      { instrument: 'PHQ-9', score: 14, assessedOn: '2026-03-12' },
      { instrument: 'GAD-7', score: 9, assessedOn: '2026-03-12' },
    ]);
  });

  it('never reads a session count, a change in points or a week as a score', () => {
    const note =
      'MADRS 30 at baseline and 18 after 20 sessions. PCL-5 fell by 9 points to 41 over 12 weeks.';
    expect(of('assessment', note).map((v) => `${v.instrument} ${v.score}`)).toEqual([
      'MADRS 30',
      'MADRS 18',
      'PCL-5 41',
    ]);
  });

  it('reads a flowsheet: an instrument’s column, each score dated by its row', () => {
    const log =
      'Visit\tDate\tPHQ-9\tGAD-7\tNotes\n' +
      '1\t01/05/2026\t21\t15\tstarted\n' +
      '2\t01/19/2026\t17\t\tno GAD-7 today\n';
    expect(of('assessment', log)).toEqual([
      { instrument: 'PHQ-9', score: 21, assessedOn: '2026-01-05' },
      { instrument: 'GAD-7', score: 15, assessedOn: '2026-01-05' },
      { instrument: 'PHQ-9', score: 17, assessedOn: '2026-01-19' },
    ]);
  });

  it('gives each score its own date, and reads a score out of the scale’s maximum', () => {
    const note = 'HAM-D fell from 28 on 01/04/2026 to 15 on 02/20/2026; PHQ-9 22/27 on 11/10/2025.';
    expect(of('assessment', note)).toEqual([
      { instrument: 'HAM-D', score: 28, assessedOn: '2026-01-04' },
      { instrument: 'HAM-D', score: 15, assessedOn: '2026-02-20' },
      { instrument: 'PHQ-9', score: 22, assessedOn: '2025-11-10' },
    ]);
  });
});

describe('names, insurers and identifiers outside a "Label:" line', () => {
  it('reads them from a header row over a value row, and a letterhead', () => {
    const fax =
      'Cedar Valley Health Plan\nPrior Authorization Unit\n\n' +
      'Patient\tDate of birth\tMember ID\tGroup\n' +
      'Ana M. Ruiz\t02/11/1979\tXK-77102\t5521\n';
    const found = proposeFacts(fax).map((p) => p.values);
    expect(found).toEqual(
      expect.arrayContaining([
        { field: 'insurerName', value: 'Cedar Valley Health Plan' },
        { name: 'Ana M. Ruiz' },
        { dateOfBirth: '1979-02-11' },
        { field: 'memberId', value: 'XK-77102' },
        { field: 'groupNumber', value: '5521' },
      ]),
    );
  });

  it('reads a label cell beside its value as a pair, not as a table header', () => {
    const fax =
      'Subscriber\tNadia Petrov-Lund\nDate of birth\t10/02/1961\nPlan\tGranite Mutual Health Plan\n';
    expect(proposeFacts(fax).map((p) => p.values)).toEqual(
      expect.arrayContaining([{ name: 'Nadia Petrov-Lund' }, { dateOfBirth: '1961-10-02' }]),
    );
  });

  it('reads an insurer’s name to its last word', () => {
    expect(of('identifier', 'From: Granite Mutual Health Plan, Appeals')).toEqual([
      { field: 'insurerName', value: 'Granite Mutual Health Plan' },
    ]);
  });

  it('reads them from prose and from a pipe-separated reference line', () => {
    const letter =
      'RE: Owen Castillo | DOB 07/30/1990 | ID QHP-3390-11 | Claim 88120045\n\n' +
      'Mr. Castillo is covered by Quarry Hills Health (member QHP-3390-11, group 7012).';
    const found = proposeFacts(letter).map((p) => p.values);
    expect(found).toEqual(
      expect.arrayContaining([
        { name: 'Owen Castillo' },
        { dateOfBirth: '1990-07-30' },
        { field: 'memberId', value: 'QHP-3390-11' },
        { field: 'claimNumber', value: '88120045' },
        { field: 'groupNumber', value: '7012' },
        { field: 'insurerName', value: 'Quarry Hills Health' },
      ]),
    );
  });

  it('reads the name a client gives in a letter of their own', () => {
    expect(
      of('client', 'To the appeals unit,\nMy name is Dolores Quint-Avila and I was denied.'),
    ).toEqual([{ name: 'Dolores Quint-Avila' }]);
  });

  it('does not take a practice’s name for the insurer, nor a clinician for the client', () => {
    const letter =
      'Brookside Behavioral Health\n\nSincerely,\nMara Lind, MD\n\nPatient: Jonah Reyes\n';
    expect(of('identifier', letter)).toEqual([]);
    expect(of('client', letter)).toEqual([{ name: 'Jonah Reyes' }]);
  });
});

describe('procedure codes', () => {
  it('finds CPT codes without the word "CPT", never a ZIP code, box or identifier', () => {
    const text =
      'Appeals, PO Box 90210, Phoenix, AZ 85004\nGroup 90841\n' +
      'Requesting 90867 once, then 90868 x 29, for TMS; infusion codes 96365, 96366.';
    expect(of('procedure-code', text).map((v) => v.code)).toEqual([
      '90867',
      '90868',
      '96365',
      '96366',
    ]);
  });

  it('does not read a plan contract number as a HCPCS code', () => {
    expect(of('procedure-code', 'Silver Plan H7781-004, esketamine G2083')).toEqual([
      { system: 'HCPCS', code: 'G2083' },
    ]);
  });
});

describe('denials', () => {
  it('reads an EOB that only gives adjustment codes as a denial, quoting its explanations', () => {
    const eob =
      'Explanation of Benefits\nStatement date: 03/02/2026\n' +
      'Service\tCode\tBilled\tPaid\tAdjustment\n' +
      'TMS session\t90868\t$300.00\t$0.00\tCO-197\n\n' +
      'CO-197: Precertification/authorization absent.\n';
    const denial = Object.assign({}, ...of('denial', eob));
    expect(denial.deniedOn).toBe('2026-03-02');
    expect(denial.reason).toBe('CO-197: Precertification/authorization absent.');
  });

  it('reads routine adjustments (a contractual discount, the deductible) as no denial', () => {
    const eob = 'Explanation of Benefits\n99214\t$180.00\t$95.00\tCO-45\tPR-1\n';
    expect(of('denial', eob)).toEqual([]);
  });

  it('proposes no denial from a sentence saying none has come, or one that may come', () => {
    for (const text of [
      'Intake 02/02/2026. No denial has been received yet; the plan has not decided.',
      'Notes 02/02/2026. We will appeal in case the request is denied.',
      'Visit 02/02/2026. She denied suicidal ideation. This is not a denial letter.',
    ])
      expect(of('denial', text), text).toEqual([]);
  });

  it('still reads a denial stated plainly', () => {
    expect(of('denial', 'March 3, 2026\nYour request for TMS has been denied.')).toEqual([
      expect.objectContaining({ deniedOn: '2026-03-03', service: 'TMS' }),
    ]);
  });
});

describe('treatments', () => {
  it('does not propose the requested drug as one the patient tried', () => {
    const text =
      'We are requesting coverage of Spravato (esketamine) nasal spray.\n' +
      'She tried sertraline 100 mg from 01/2023 to 08/2023 without benefit. Esketamine would be given under REMS.';
    expect(of('treatment', text).map((v) => v.name)).toEqual(['Sertraline']);
  });

  it('reads a drug "added to" another as one trial of the added drug', () => {
    const text =
      'Sertraline 150 mg from January 2023 to June 2024. Aripiprazole 5 mg was added to her sertraline in May 2024 and stopped in June 2024 for akathisia.';
    expect(of('treatment', text)).toEqual([
      expect.objectContaining({
        name: 'Sertraline',
        startedOn: '2023-01',
        endedOn: '2024-06',
      }),
      expect.objectContaining({
        name: 'Aripiprazole',
        startedOn: '2024-05',
        endedOn: '2024-06',
        outcome: 'stopped for akathisia',
      }),
    ]);
  });

  it('reads "could not tolerate" and "did not respond to" as trials, with their outcome', () => {
    const text = 'He could not tolerate duloxetine (nausea) and did not respond to mirtazapine.';
    expect(of('treatment', text).map((v) => v.name)).toEqual(['Duloxetine', 'Mirtazapine']);
  });

  it('reads month ranges written with a dash, and "both were stopped" for the drug added to', () => {
    const text =
      'Quetiapine 50 mg at night, 02/2023–09/2023: sedation. Nerve blocks, June–August 2024, no relief.\n' +
      'Venlafaxine was started in January 2022; lithium was added to the venlafaxine in May 2022, and both were stopped in December 2022.';
    expect(of('treatment', text).map((v) => `${v.name} ${v.startedOn} ${v.endedOn}`)).toEqual([
      'Quetiapine 2023-02 2023-09',
      'Nerve block 2024-06 2024-08',
      'Venlafaxine 2022-01 2022-12',
      'Lithium 2022-05 2022-12',
    ]);
  });

  it('does not propose a treatment said not to have been tried, or only planned', () => {
    const text =
      'Has not tried lithium or an MAOI. No prior ECT. She declined TMS.\n' +
      'Plan: start bupropion 150 mg; discuss ketamine.\nTook fluoxetine in 2021.';
    expect(of('treatment', text).map((v) => v.name)).toEqual(['Fluoxetine']);
  });

  it('does not take a relative’s treatment for the patient’s', () => {
    const text =
      'Family history: mother with bipolar disorder, stable on lithium. She took Lexapro in 2022.';
    expect(of('treatment', text).map((v) => v.name)).toEqual(['Escitalopram']);
  });

  it('does not read a clinic named for a treatment as the treatment', () => {
    expect(of('treatment', 'Provider: Northgate TMS Center, Cascade Ketamine Clinic')).toEqual([]);
  });
});

describe('Word files from outside the project', () => {
  it('proposes no facts from documents that hold none', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const root = join(process.cwd(), '../shared/fixtures/word');
    const paths = ['mammoth', 'python-docx'].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.docx'))
        .map((f) => join(root, dir, f)),
    );
    const { imported } = await ok(engine, 'documents.import', { caseId: kase.id, paths });
    expect(imported.length).toBeGreaterThan(30);
    for (const doc of imported) {
      expect(await ok(engine, 'documents.proposeFacts', { id: doc.id }), doc.fileName).toEqual([]);
    }
  }, 60_000);

  it('proposes from the clinical fixtures no trial of the requested drug and no duplicate therapy', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const dir = join(process.cwd(), '../shared/fixtures/word/clinical');
    const { imported } = await ok(engine, 'documents.import', { caseId: kase.id, paths: [dir] });
    const facts = new Map<string, Proposal[]>();
    for (const doc of imported)
      facts.set(doc.fileName, await ok(engine, 'documents.proposeFacts', { id: doc.id }));
    const treatments = (name: string) =>
      facts
        .get(name)!
        .filter((p) => p.kind === 'treatment')
        .map((p) => p.values.name);
    expect(treatments('denial-ketamine-erisa.docx')).toEqual([]);
    expect(treatments('intake-form.docx')).toEqual([]);
    expect(treatments('progress-note-trd.docx')).toEqual([
      'Sertraline',
      'Bupropion',
      'Venlafaxine',
      'Aripiprazole',
      'Lithium',
      'CBT',
      'Behavioral activation',
    ]);
    expect(facts.get('denial-ketamine-erisa.docx')).toContainEqual(
      expect.objectContaining({ values: { field: 'insurerName', value: 'Acme Health Plan' } }),
    );
  });
});
