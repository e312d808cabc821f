// The evidence library and denial kinds from the engine's side: the shipped citations (identifiers
// only where seen), search, the advocate's own entries, what a case is offered, and letters that
// argue the denial's kind and cite only what was picked from the library.
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import { proposeDenialCategory } from '../../electron/contract/denial-category';
import { cleanup, clientWithCase, fails, ok, tempEngine } from './helpers';
import { fullLetterCase } from './letter-case';

afterEach(cleanup);

async function letterText(engine: Engine, documentId: number): Promise<string> {
  const file = await ok(engine, 'documents.file', { id: documentId });
  const { value } = await mammoth.extractRawText({
    buffer: Buffer.from(file.contentBase64, 'base64'),
  });
  return value;
}

const bySource = async (engine: Engine, key: string) => {
  const all = await ok(engine, 'citations.list', {});
  const found = all.items.find((c) => c.sourceKey === key);
  if (!found) throw new Error(`no citation ${key}`);
  return found;
};

describe('the evidence library', () => {
  it('ships the reference citations, with identifiers only where they were seen', async () => {
    const engine = tempEngine();
    const all = await ok(engine, 'citations.list', {});
    expect(all.total).toBe(35);
    const transform2 = await bySource(engine, 'popova2019-transform2');
    expect(transform2).toMatchObject({
      pmid: '31109201',
      doi: '10.1176/appi.ajp.2019.19020172',
      treatment: 'esketamine',
      conditions: 'TRD, MDD',
    });
    // Unverified entries carry no identifiers, and say what to check.
    const aspire1 = await bySource(engine, 'fu2020-aspire1');
    expect(aspire1.pmid).toBeNull();
    expect(aspire1.doi).toBeNull();
    expect(aspire1.note).toMatch(/No PMID or DOI/);
    const george = await bySource(engine, 'george2010-opt-tms');
    expect([george.pmid, george.doi]).toEqual([null, null]);
  });

  it('finds citations by any of their words, every word required, wildcards inert', async () => {
    const engine = tempEngine();
    const si = await ok(engine, 'citations.list', { query: 'esketamine suicidal' });
    expect(si.items.length).toBeGreaterThan(0);
    expect(si.items.every((c) => c.treatment === 'esketamine')).toBe(true);
    expect(si.items.map((c) => c.sourceKey)).toContain('ionescu2021-aspire2');
    expect((await ok(engine, 'citations.list', { query: '31109201' })).items).toHaveLength(1);
    expect((await ok(engine, 'citations.list', { query: 'zz%zz' })).total).toBe(0);
    expect((await ok(engine, 'citations.list', { query: '%' })).total).toBeLessThan(35);
    const tms = await ok(engine, 'citations.list', { treatment: 'tms' });
    expect(tms.total).toBe(12);
  });

  it('keeps the advocate’s own citations, edits them from a version, and deletes them', async () => {
    const engine = tempEngine();
    const bad = await fails(engine, 'citations.create', {
      authors: 'Smith J',
      title: 'A trial',
      finding: 'It helped.',
      doi: 'not a doi',
    });
    expect(bad.field).toBe('doi');
    const mine = await ok(engine, 'citations.create', {
      authors: 'Smith J, et al.',
      title: 'Ketamine for depression in older adults',
      journal: 'J Affect Disord',
      year: 2022,
      doi: 'https://doi.org/10.1016/j.jad.2022.01.001',
      finding: 'Infusions reduced depression scores in adults over 60.',
      treatment: 'ketamine-iv',
      conditions: 'TRD',
    });
    expect(mine.doi).toBe('10.1016/j.jad.2022.01.001');
    expect(mine.sourceKey).toBeNull();
    const edited = await ok(engine, 'citations.update', {
      id: mine.id,
      version: mine.version,
      values: { year: 2023 },
    });
    expect(edited.year).toBe(2023);
    const stale = await fails(engine, 'citations.update', {
      id: mine.id,
      version: mine.version,
      values: { year: 2021 },
    });
    expect(stale.code).toBe('conflict');
    expect((await ok(engine, 'citations.list', { query: 'older adults' })).total).toBe(1);
    await ok(engine, 'citations.delete', { id: mine.id });
    expect((await ok(engine, 'citations.list', { query: 'older adults' })).total).toBe(0);
  });
});

describe('a case’s citations', () => {
  it('suggests citations for its treatment, conditions and denial, never counter-evidence', async () => {
    const engine = tempEngine();
    const { caseId } = await fullLetterCase(engine);
    const { picked, suggested } = await ok(engine, 'caseCitations.list', { caseId });
    expect(picked).toEqual([]);
    expect(suggested.length).toBeGreaterThan(2);
    expect(suggested.every((c) => c.treatment === 'ketamine-iv')).toBe(true);
    const keys = suggested.map((c) => c.sourceKey);
    // Depression, not pain: the CRPS trials are for another condition.
    expect(keys).not.toContain('sigtermans2009-crps');
    expect(keys).not.toContain('abdallah2022-ptsd-veterans');
    expect(keys).toContain('anand2023-elektd');
    expect(suggested[0]!.why).toMatch(/IV ketamine/);
  });

  it('offers esketamine’s approval evidence against an experimental denial of esketamine', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(
      engine,
      {},
      { requestedTreatment: 'Spravato (esketamine) 84 mg' },
    );
    await ok(engine, 'diagnoses.create', {
      caseId: kase.id,
      values: {
        icd10Code: 'F32.2',
        description: 'Major depressive disorder, single episode, severe',
      },
    });
    await ok(engine, 'denials.create', {
      caseId: kase.id,
      values: {
        deniedOn: '2026-05-01',
        service: 'Spravato',
        reason: 'Esketamine is considered investigational for this indication.',
      },
    });
    const { suggested } = await ok(engine, 'caseCitations.list', { caseId: kase.id });
    expect(suggested.slice(0, 5).some((c) => /not experimental/.test(c.supports ?? ''))).toBe(true);
    expect(suggested.every((c) => c.treatment === 'esketamine')).toBe(true);
  });

  it('letters cite the picked citations in the argument and list them under References, and nothing else', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const elektd = await bySource(engine, 'anand2023-elektd');
    const murrough = await bySource(engine, 'murrough2013');
    const sanacora = await bySource(engine, 'sanacora2017-apa-consensus');
    for (const c of [elektd, murrough, sanacora]) {
      await ok(engine, 'caseCitations.pick', { caseId, citationId: c.id });
    }
    const after = await ok(engine, 'caseCitations.list', { caseId });
    expect(after.picked.map((c) => c.id)).toEqual([elektd.id, murrough.id, sanacora.id]);
    expect(after.suggested.map((c) => c.id)).not.toContain(elektd.id);

    for (const kind of [
      'appeal',
      'expedited-appeal',
      'external-review',
      'medical-necessity',
    ] as const) {
      const letter = await ok(engine, 'letters.generate', { caseId, kind, recipientId });
      const text = await letterText(engine, letter.documentId);
      expect(text, kind).toContain(elektd.finding);
      expect(text, kind).toContain('References');
      expect(text, kind).toContain('PMID 37224232');
      expect(text, kind).toContain('doi:10.1056/NEJMoa2302399');
      // Numbered as the References list numbers them.
      expect(text, kind).toMatch(/\[3\]/);
      expect(text, kind).not.toMatch(/\[4\]/);
      // Unpicked library entries are never cited.
      expect(text, kind).not.toContain('Zarate');
      // No identifiers for an entry whose identifiers were never seen.
      const refs = text.slice(text.lastIndexOf('References'));
      const sanacoraLine = refs.split('\n').find((l) => l.includes('Sanacora')) ?? '';
      expect(sanacoraLine).not.toMatch(/PMID|doi:/);
    }

    await ok(engine, 'caseCitations.unpick', { caseId, citationId: murrough.id });
    await ok(engine, 'citations.delete', { id: sanacora.id });
    const letter = await ok(engine, 'letters.generate', { caseId, kind: 'appeal', recipientId });
    const text = await letterText(engine, letter.documentId);
    expect(text).not.toContain('Murrough');
    expect(text).not.toContain('Sanacora');
    expect(text).toMatch(/\[1\]/);
    expect(text).not.toMatch(/\[2\]/);
  });
});

describe('kinds of denial', () => {
  it('reads the kind from a notice’s words', () => {
    expect(
      proposeDenialCategory(
        'The requested service is considered experimental and investigational under Medical Policy MP-412.',
      ),
    ).toBe('experimental');
    expect(
      proposeDenialCategory(
        'Not medically necessary: the member does not meet the clinical criteria.',
      ),
    ).toBe('not-medically-necessary');
    expect(
      proposeDenialCategory(
        'The plan requires a trial of two preferred agents first (step therapy).',
      ),
    ).toBe('step-therapy');
    expect(
      proposeDenialCategory(
        'The provider is out-of-network and an in-network provider is available.',
      ),
    ).toBe('out-of-network');
    expect(proposeDenialCategory('TMS is excluded under your plan’s benefit exclusions.')).toBe(
      'benefit-exclusion',
    );
    expect(
      proposeDenialCategory(
        'The request exceeds the maximum number of sessions allowed per benefit year.',
      ),
    ).toBe('quantity-limit');
    expect(
      proposeDenialCategory(
        'CO-197: precertification/authorization absent. No prior authorization was on file.',
      ),
    ).toBe('administrative');
    expect(proposeDenialCategory('Invalid procedure code and modifier combination.')).toBe(
      'coding',
    );
    expect(proposeDenialCategory('Denied.')).toBeNull();
  });

  it('a denial gets the kind its reason reads as, and the advocate can change it', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const denial = await ok(engine, 'denials.create', {
      caseId: kase.id,
      values: { deniedOn: '2026-03-01', service: 'TMS', reason: 'Considered investigational.' },
    });
    expect(denial.category).toBe('experimental');
    const changed = await ok(engine, 'denials.update', {
      id: denial.id,
      version: denial.version,
      values: { category: 'benefit-exclusion' },
    });
    expect(changed.category).toBe('benefit-exclusion');
    const bad = await fails(engine, 'denials.update', {
      id: denial.id,
      version: changed.version,
      values: { category: 'bogus' },
    });
    expect(bad.field).toBe('values.category');
  });

  it('an experimental denial of IV ketamine is answered with its off-label status, the plan’s own words and a multi-paragraph reason quoted as written', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const [denial] = (await ok(engine, 'workflow.get', { caseId })).denials;
    await ok(engine, 'denials.update', {
      id: denial!.id,
      version: denial!.version,
      values: {
        reason:
          'IV ketamine is considered experimental and investigational under Medical Policy MP-412.\n\nThe clinical evidence is insufficient to establish improved health outcomes.',
        planLanguage:
          'Experimental or investigational: a drug, device or procedure whose effectiveness has not been established by peer-reviewed medical literature.',
      },
    });
    const preview = await ok(engine, 'letters.preview', { caseId, kind: 'appeal', recipientId });
    const quotes = preview.model.body
      .filter((b) => b.type === 'quote')
      .map((b) => JSON.stringify(b));
    expect(quotes.filter((q) => q.includes('MP-412'))).toHaveLength(1);
    expect(quotes.filter((q) => q.includes('insufficient to establish'))).toHaveLength(1);
    expect(quotes.some((q) => q.includes('peer-reviewed medical literature'))).toBe(true);
    const body = JSON.stringify(preview.model.body);
    expect(body).toContain('off-label');
    expect(body).toContain('Experimental / investigational');
    expect(body).not.toContain('[Advocate: answer each point');
    expect(preview.model.gaps).toBe(0);
  });

  it('esketamine is argued as FDA-approved with its REMS; a step-therapy denial names the trials and the state law', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const kase = (await ok(engine, 'cases.get', { id: caseId })).case;
    await ok(engine, 'cases.update', {
      ...kase,
      requestedTreatment: 'Spravato (esketamine) nasal spray',
    });
    const [denial] = (await ok(engine, 'workflow.get', { caseId })).denials;
    let text = JSON.stringify(
      (await ok(engine, 'letters.preview', { caseId, kind: 'external-review', recipientId })).model
        .body,
    );
    expect(text).toContain('approved by the U.S. Food and Drug Administration');
    expect(text).toContain('REMS');
    await ok(engine, 'denials.update', {
      id: denial!.id,
      version: denial!.version,
      values: {
        reason: 'The member must first try and fail two preferred antidepressants (step therapy).',
        category: 'step-therapy',
        stepTherapyLaw: '215 ILCS 134/45.1',
      },
    });
    text = JSON.stringify(
      (await ok(engine, 'letters.preview', { caseId, kind: 'appeal', recipientId })).model.body,
    );
    expect(text).toContain('3 medications from 3 distinct classes (SSRI, SNRI and NDRI)');
    expect(text).toContain('step-therapy exception under 215 ILCS 134/45.1');
    expect(text).not.toContain('approved by the U.S. Food and Drug Administration');
  });
});

describe('a hostile citation', () => {
  it('prints as the text typed: no formatting, no template syntax, no reversed letter', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const hostile = await ok(engine, 'citations.create', {
      authors: '**Bold** | Pipe',
      title: '{{ client.name }} {% if x %}\u202Ereversed',
      finding: '1. Not a list\n\n> not a quote [1](http://example.com)',
      treatment: 'ketamine-iv',
    });
    await ok(engine, 'caseCitations.pick', { caseId, citationId: hostile.id });
    const letter = await ok(engine, 'letters.generate', { caseId, kind: 'appeal', recipientId });
    expect(letter.gaps).toBe(0);
    const text = await letterText(engine, letter.documentId);
    expect(text).toContain('**Bold** | Pipe');
    expect(text).toContain('{{ client.name }} {% if x %}');
    expect(text).toContain('1. Not a list > not a quote [1](http://example.com)');
  });
});
