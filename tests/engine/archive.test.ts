// Moving computers: the whole library goes into one archive and comes back on another machine
// with nothing lost — documents byte for byte, records field for field, history included.
import { unzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import { ARCHIVE_COVERAGE } from '../../electron/engine/archive/export';
import {
  cleanup,
  clientWithCase,
  fails,
  ok,
  rowCounts,
  sampleClient,
  tempDir,
  tempEngine,
} from './helpers';

afterEach(cleanup);

const CLINICAL = join(process.cwd(), '../shared/fixtures/word/clinical');

/** A library with a bit of everything: profile, contacts, clients with and without cases, every
 * kind of record, imported Word files (with previews and warnings), a fact's source, and history. */
async function richLibrary(engine: Engine) {
  await ok(engine, 'profile.update', {
    version: 0,
    name: 'Sam Advocate',
    organisation: 'Fair Coverage',
    email: 'sam@example.org',
    signatureBlock: 'Sam Advocate\nFair Coverage',
  });
  const insurer = await ok(engine, 'contacts.create', {
    kind: 'insurer',
    name: 'Prairie Health Appeals',
    fax: '555-0199',
  });
  const letterhead = await Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph('{{letter}}')] }] }),
  );
  await ok(engine, 'letterhead.set', {
    fileName: 'our-paper.docx',
    contentBase64: letterhead.toString('base64'),
  });
  await ok(engine, 'contacts.create', { kind: 'provider', name: 'Dr. Ruiz', npi: '1234567893' });
  await ok(engine, 'clients.create', sampleClient({ lastName: 'NoCasesYet', notes: null }));
  const { case: kase } = await clientWithCase(engine, { notes: 'ünïcödé — "quotes"\nline two' });
  const caseId = kase.id;
  const summary = await ok(engine, 'documents.import', {
    caseId,
    paths: [join(CLINICAL, 'progress-note-trd.docx'), join(CLINICAL, 'denial-ketamine-erisa.docx')],
  });
  expect(summary.imported).toHaveLength(2);
  const sourceId = summary.imported[0]!.id;
  await ok(engine, 'diagnoses.create', {
    caseId,
    values: {
      icd10Code: 'F33.2',
      description: 'MDD, recurrent, severe',
      sourceDocumentId: sourceId,
    },
  });
  const t = await ok(engine, 'treatments.create', {
    caseId,
    values: { kind: 'medication', name: 'Sertraline', dose: '100 mg', startedOn: '2020-01-01' },
  });
  await ok(engine, 'treatments.update', {
    id: t.id,
    version: t.version,
    values: { kind: 'medication', name: 'Sertraline', dose: '200 mg', startedOn: '2020-01-01' },
  });
  await ok(engine, 'assessments.create', {
    caseId,
    values: { instrument: 'PHQ-9', score: 23, assessedOn: '2024-01-05' },
  });
  await ok(engine, 'communications.create', {
    caseId,
    values: { occurredOn: '2024-02-02', channel: 'phone', summary: 'Denial explained' },
  });
  const d = await ok(engine, 'deadlines.create', {
    caseId,
    values: { title: 'Internal appeal due', dueOn: '2024-07-30' },
  });
  await ok(engine, 'deadlines.delete', { id: d.id });
  await ok(engine, 'cases.update', { ...kase, id: caseId, status: 'internal-appeal-1' });
  await ok(engine, 'denials.create', {
    caseId,
    values: {
      deniedOn: '2024-07-01',
      referenceNumber: 'UM-1',
      claimNumber: 'CLM-9',
      reason: 'Not medically necessary.',
      service: 'IV ketamine',
    },
  });
  // Letters: an edited built-in, one of the advocate's own, and a letter made from it.
  const templates = await ok(engine, 'templates.list', {});
  const appeal = await ok(engine, 'templates.get', {
    id: templates.find((t) => t.builtInKey === 'appeal')!.id,
  });
  await ok(engine, 'templates.save', {
    id: appeal.id,
    version: appeal.version,
    source: appeal.source.replace(/\n---\n/, '\n---\nEdited by the advocate.\n\n'),
  });
  const own = await ok(engine, 'templates.duplicate', { id: appeal.id });
  const letter = await ok(engine, 'letters.generate', {
    caseId,
    templateId: own.id,
    recipientId: insurer.id,
  });
  // The letter sent by fax (its answer's clock a deadline row), the case tagged, a view saved.
  await ok(engine, 'letters.recordSent', {
    documentId: letter.documentId,
    expectedVersion: 0,
    sentOn: '2026-01-05',
    channel: 'fax',
    reference: 'FAX-77',
  });
  await ok(engine, 'caseTags.set', { caseId, tags: ['Spanish', 'urgent'] });
  await ok(engine, 'views.create', { name: 'Due soon', query: 'due=7&sort=due' });
  // Payer criteria: a shipped example edited, one of the advocate's own, the case linked to it
  // with an answer.
  const sets = await ok(engine, 'criteria.list', {});
  const starter = await ok(engine, 'criteria.get', { id: sets.find((s) => s.starterKey)!.id });
  await ok(engine, 'criteria.update', {
    id: starter.id,
    version: starter.version,
    values: { policyNumber: 'Checked 2026' },
  });
  const ownSet = await ok(engine, 'criteria.create', {
    payer: 'Prairie Health',
    policyName: 'Esketamine (own notes)',
    treatment: 'Esketamine',
    sourceText: 'Per the member handbook, p. 12.',
    criteria: [
      { key: 'age', text: 'Adults.', kind: 'age', min: 18 },
      { key: 'pdmp', text: 'PDMP checked.', kind: 'question' },
    ],
  });
  const link = await ok(engine, 'caseCriteria.link', { caseId, setId: ownSet.id, version: 0 });
  await ok(engine, 'caseCriteria.answer', {
    caseId,
    key: 'pdmp',
    answer: { answer: 'yes', note: 'Checked on intake' },
    version: link.version,
  });
  // A second case for another client, with a document of its own.
  const other = await clientWithCase(engine, { lastName: 'Second' }, { requestedTreatment: 'TMS' });
  await ok(engine, 'documents.import', {
    caseId: other.case.id,
    paths: [join(CLINICAL, 'intake-form.docx')],
  });
  // The evidence library: the advocate's own citation, an edited shipped one, and a case's picks.
  const mine = await ok(engine, 'citations.create', {
    authors: 'Own A',
    title: 'A study the advocate added',
    finding: 'It helped.',
    treatment: 'tms',
  });
  const shipped = (await ok(engine, 'citations.list', { query: 'ELEKT-D' })).items[0]!;
  await ok(engine, 'citations.update', {
    id: shipped.id,
    version: shipped.version,
    values: { note: 'Checked against the journal.' },
  });
  await ok(engine, 'caseCitations.pick', { caseId, citationId: shipped.id });
  await ok(engine, 'caseCitations.pick', { caseId, citationId: mine.id });
  return { caseId };
}

function entries(file: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(file));
}
const json = (e: Record<string, Uint8Array>, name: string) =>
  JSON.parse(new TextDecoder().decode(e[name])) as Record<string, unknown>;

/** Ids (and links by id, checked on their own) belong to one library; the rest must survive. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !['originalId', 'recordId', 'template', 'citations', 'set'].includes(k))
        .map(([k, v]) => [k, withoutIds(v)]),
    );
  }
  return value;
}

describe('the whole-library archive', () => {
  it('covers every table of the schema (a new table must say where the archive keeps it)', () => {
    const engine = tempEngine();
    const tables = engine.db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_search_%' AND name NOT LIKE 'client_search_%' AND name NOT LIKE 'letter_search_%'",
      )
      .pluck()
      .all() as string[];
    expect(tables.sort()).toEqual(Object.keys(ARCHIVE_COVERAGE).sort());
  });

  it('round-trips every record field for field and every document byte for byte', async () => {
    const source = tempEngine();
    await richLibrary(source);
    const out = join(tempDir(), 'library.zip');
    const summary = await ok(source, 'archive.export', { out });
    // Three imported Word files and one generated letter.
    expect(summary.counts).toEqual({ clients: 3, cases: 2, documents: 4, contacts: 2 });

    const target = tempEngine();
    const result = await ok(target, 'archive.import', { file: out });
    expect(result.counts).toEqual(summary.counts);

    const again = join(tempDir(), 'again.zip');
    await ok(target, 'archive.export', { out: again });
    const a = entries(out);
    const b = entries(again);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    // Templates are compared on their own: an edited built-in comes back as the advocate's copy.
    const {
      letterTemplates: templatesA,
      citations: citationsA,
      criteriaSets: setsA,
      ...libraryA
    } = json(a, 'library.json');
    const {
      letterTemplates: templatesB,
      citations: citationsB,
      criteriaSets: setsB,
      ...libraryB
    } = json(b, 'library.json');
    expect(libraryB).toEqual(libraryA);
    // Citations: every one arrives (the shipped ones were seeded here on another day).
    const words = (list: unknown) =>
      (list as { title: string; note: string | null; sourceKey: string | null }[])
        .map((c) => `${c.title} · ${c.note}`)
        .sort();
    expect(words(citationsB)).toEqual(expect.arrayContaining(words(citationsA)));
    const picked = target.db
      .prepare(
        `SELECT c.title, c.note FROM case_citations p JOIN citations c ON c.id = p.citation_id
         ORDER BY p.position`,
      )
      .all();
    expect(picked).toEqual([
      {
        title: expect.stringContaining('ELEKT-D') as unknown,
        note: 'Checked against the journal.',
      },
      { title: 'A study the advocate added', note: null },
    ]);
    // Criteria sets likewise: a shipped example maps to this library's own (its dates), an
    // edited one arrives as the advocate's copy beside it; every set's criteria arrive.
    type SetJson = { starterKey: string | null; policyName: string; criteria: unknown };
    const content = (list: unknown) =>
      (list as SetJson[]).map((s) =>
        JSON.stringify([s.policyName.replace(/ \(edited, from archive\)$/, ''), s.criteria]),
      );
    expect(content(setsB)).toEqual(expect.arrayContaining(content(setsA)));
    expect(
      (setsB as SetJson[]).filter((s) => / \(edited, from archive\)$/.test(s.policyName)),
    ).toHaveLength(1);
    const linked = target.db
      .prepare(
        `SELECT s.policy_name, cc.answers FROM case_criteria cc JOIN criteria_sets s ON s.id = cc.set_id`,
      )
      .all();
    expect(linked).toEqual([
      {
        policy_name: 'Esketamine (own notes)',
        answers: JSON.stringify({ pdmp: { answer: 'yes', note: 'Checked on intake' } }),
      },
    ]);
    const sources = (list: unknown) =>
      (list as { builtinKey: string | null; source: string }[])
        .filter((t) => t.builtinKey === null)
        .map((t) => t.source);
    expect(sources(templatesB)).toEqual(expect.arrayContaining(sources(templatesA)));
    const clientFiles = Object.keys(a).filter((n) => n.startsWith('clients/'));
    expect(clientFiles).toHaveLength(3);
    for (const name of clientFiles) {
      expect(withoutIds(json(b, name))).toEqual(withoutIds(json(a, name)));
    }
    // Documents: the same bytes, read back from the target database itself.
    const stored = target.db
      .prepare(
        'SELECT d.sha256, c.bytes FROM documents d JOIN document_contents c ON c.document_id = d.id',
      )
      .all() as { sha256: string; bytes: Buffer }[];
    expect(stored).toHaveLength(4);
    for (const { sha256, bytes } of stored) {
      expect(Buffer.compare(bytes, Buffer.from(a[`documents/${sha256}`]!))).toBe(0);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    }
    const original = source.db
      .prepare('SELECT bytes FROM document_contents ORDER BY document_id')
      .all() as { bytes: Buffer }[];
    const copied = target.db
      .prepare('SELECT bytes FROM document_contents ORDER BY document_id')
      .all() as { bytes: Buffer }[];
    expect(copied.map((r) => r.bytes.toString('base64'))).toEqual(
      original.map((r) => r.bytes.toString('base64')),
    );
  });

  it('carries every column of every archived table (a new column must be exported too)', async () => {
    const source = tempEngine();
    await richLibrary(source);
    const out = join(tempDir(), 'library.zip');
    await ok(source, 'archive.export', { out });
    const a = entries(out);
    const library = json(a, 'library.json') as {
      profile: object;
      contacts: object[];
      letterTemplates: object[];
      criteriaSets: object[];
    };
    const client = json(a, 'clients/000002.json') as {
      client: object;
      cases: Record<string, object[]>[];
    };
    const kase = client.cases[0]!;
    const keysOf: Record<string, object | undefined> = {
      profile: library.profile,
      contacts: library.contacts[0],
      clients: client.client,
      cases: kase,
      documents: kase.documents![0],
      case_history: kase.history![0],
      stage_moves: kase.stageMoves![0],
      denials: kase.denials![0],
      letter_templates: library.letterTemplates[0],
      citations: (library as unknown as { citations: object[] }).citations[0],
      criteria_sets: library.criteriaSets[0],
      case_criteria: (kase as unknown as { criteria: object }).criteria,
      letters:
        (kase.documents as { letter: object | null }[]).find((d) => d.letter)?.letter ?? undefined,
      ...Object.fromEntries(
        ['diagnoses', 'treatments', 'assessments', 'communications'].map((k) => [k, kase[k]![0]]),
      ),
    };
    // Ids are the library's own; links between rows are carried by position instead.
    // Versions count this library's edits: an archived record starts again at version 1.
    const implicit = new Set([
      'id',
      'version',
      'caseId',
      'clientId',
      'sourceDocumentId',
      // Links carried as the old row's id under a plain name: deadline, template, recipient.
      'deadlineId',
      'documentId',
      'templateId',
      'recipientContactId',
      // A letter's answer deadline, by the deadline row's old id; its journey's edit count.
      'responseDeadlineId',
      'journeyVersion',
      // A case's criteria link: carried on the case, its set by the set's old id.
      'setId',
    ]);
    const camel = (c: string) => c.replace(/_([a-z0-9])/g, (_, x: string) => x.toUpperCase());
    for (const [table, sample] of Object.entries(keysOf)) {
      expect(sample, table).toBeDefined();
      const columns = (source.db.pragma(`table_info(${table})`) as { name: string }[])
        .map((c) => camel(c.name))
        .filter((c) => !implicit.has(c));
      const missing = columns.filter((c) => !(c in sample!));
      expect(missing, `${table} columns not in the archive`).toEqual([]);
    }
  });

  it("never replaces a built-in template's text: an edited one arrives as the advocate's copy", async () => {
    const source = tempEngine();
    await richLibrary(source);
    const out = join(tempDir(), 'library.zip');
    await ok(source, 'archive.export', { out });
    const target = tempEngine();
    const shipped = (await ok(target, 'templates.list', {})).find(
      (t) => t.builtInKey === 'appeal',
    )!;
    const shippedText = (await ok(target, 'templates.get', { id: shipped.id })).source;
    await ok(target, 'archive.import', { file: out });
    // Importing twice makes no second copy.
    await ok(target, 'archive.import', { file: out });

    const after = await ok(target, 'templates.list', {});
    const builtIn = await ok(target, 'templates.get', { id: shipped.id });
    expect(builtIn.source).toBe(shippedText);
    expect(builtIn.modified).toBe(false);
    const copies = after.filter((t) => t.name === `${shipped.name} (edited, from archive)`);
    expect(copies).toHaveLength(1);
    const copy = await ok(target, 'templates.get', { id: copies[0]!.id });
    expect(copy.builtInKey).toBeNull();
    expect(copy.source).toContain('Edited by the advocate.');
    expect(copy.source).toContain(`name: ${shipped.name} (edited, from archive)`);
    // The letter made from the advocate's duplicate still points at that template.
    const letters = target.db
      .prepare('SELECT t.name FROM letters l JOIN letter_templates t ON t.id = l.template_id')
      .pluck()
      .all();
    expect(letters).toEqual([`Copy of ${shipped.name}`, `Copy of ${shipped.name}`]);
  });

  it('keeps a fact linked to its source document and the case history on the new machine', async () => {
    const source = tempEngine();
    const { caseId } = await richLibrary(source);
    const out = join(tempDir(), 'library.zip');
    await ok(source, 'archive.export', { out });
    const target = tempEngine();
    await ok(target, 'archive.import', { file: out });
    const list = await ok(target, 'cases.list', {});
    const moved = list.items.find((c) => c.requestedTreatment !== 'TMS')!;
    const detail = await ok(target, 'cases.get', { id: moved.id });
    const diagnosis = detail.diagnoses[0]!;
    const sourceDoc = detail.documents.find((d) => d.id === diagnosis.sourceDocumentId);
    expect(sourceDoc?.fileName).toBe('progress-note-trd.docx');
    const before = await ok(source, 'cases.history', { caseId });
    const after = await ok(target, 'cases.history', { caseId: moved.id });
    const strip = (h: typeof before) => h.map(({ id: _id, recordId: _recordId, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    const dose = after.find((h) => h.field === 'dose')!;
    expect(dose).toMatchObject({ oldValue: '100 mg', newValue: '200 mg' });
    expect(detail.treatments.map((t) => t.id)).toContain(dose.recordId);
  });

  it('refuses an entry that would write outside the archive, and writes nothing', async () => {
    const source = tempEngine();
    await clientWithCase(source);
    const out = join(tempDir(), 'library.zip');
    await ok(source, 'archive.export', { out });
    const evil = { ...entries(out), '../../outside.txt': new TextEncoder().encode('x') };
    const evilFile = join(tempDir(), 'evil.zip');
    writeFileSync(evilFile, zipSync(evil));
    const target = tempEngine();
    const counts = rowCounts(target);
    const error = await fails(target, 'archive.import', { file: evilFile });
    expect(error.message).toContain('../../outside.txt');
    expect(rowCounts(target)).toEqual(counts);
  });

  it('refuses a damaged document or a wrong manifest before writing anything', async () => {
    const source = tempEngine();
    await richLibrary(source);
    const out = join(tempDir(), 'library.zip');
    await ok(source, 'archive.export', { out });
    const target = tempEngine();
    const counts = rowCounts(target);

    const tampered = entries(out);
    const doc = Object.keys(tampered).find((n) => n.startsWith('documents/'))!;
    tampered[doc] = new Uint8Array([...tampered[doc]!].reverse());
    const tamperedFile = join(tempDir(), 'tampered.zip');
    writeFileSync(tamperedFile, zipSync(tampered));
    // Whichever file was damaged (a record's original or the letterhead), it is named as such.
    expect((await fails(target, 'archive.import', { file: tamperedFile })).message).toMatch(
      /does not match its checksum: the archive is damaged|letterhead document is missing or damaged/,
    );

    const wrong = entries(out);
    wrong['manifest.json'] = new TextEncoder().encode(JSON.stringify({ format: 'something-else' }));
    const wrongFile = join(tempDir(), 'wrong.zip');
    writeFileSync(wrongFile, zipSync(wrong));
    expect((await fails(target, 'archive.import', { file: wrongFile })).message).toContain(
      'manifest.json: format',
    );

    const notZip = join(tempDir(), 'not.zip');
    writeFileSync(notZip, 'hello');
    expect((await fails(target, 'archive.import', { file: notZip })).message).toContain(
      'not a readable zip',
    );
    expect(rowCounts(target)).toEqual(counts);
  });
});
