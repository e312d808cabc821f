// Importing Word files: real documents come in with their text; every bad file is refused with
// a reason naming it, and nothing of it is written.
import CFB from 'cfb';
import { zipSync } from 'fflate';
import {
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { convertInPool } from '../../electron/engine/imports/convert-pool';
import { cleanup, clientWithCase, ok, fails, rowCounts, tempDir, tempEngine } from './helpers';

afterEach(cleanup);

const FIXTURES = join(process.cwd(), '../shared/fixtures/word');
const CLINICAL = join(FIXTURES, 'clinical');
const allFixtures = ['clinical', 'mammoth', 'python-docx'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.docx'))
    .map((f) => join(FIXTURES, dir, f)),
);

function oleFile(streams: string[]): Buffer {
  const container = CFB.utils.cfb_new();
  for (const name of streams)
    CFB.utils.cfb_add(container, `/${name}`, Buffer.from('x'.repeat(600)));
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

async function setup() {
  const engine = tempEngine();
  const { case: kase } = await clientWithCase(engine);
  return { engine, caseId: kase.id, dir: tempDir() };
}

describe('documents.import', () => {
  it(`imports every real Word fixture (${allFixtures.length}) with its text`, async () => {
    const { engine, caseId } = await setup();
    const summary = await ok(engine, 'documents.import', { caseId, paths: allFixtures });
    // Two fixtures in different folders hold the same bytes; the second is kept once.
    expect(summary.refused.every((r) => r.problem.includes('already in this case'))).toBe(true);
    expect(summary.imported.length + summary.refused.length).toBe(allFixtures.length);
    for (const doc of summary.imported) {
      const view = await ok(engine, 'documents.get', { id: doc.id });
      expect(view.html).not.toBeNull();
      // Text wherever the document has words; pictures-only and blank documents have none.
      const words = view.html!.replace(/<[^>]*>/g, '').trim();
      expect(Boolean(view.text), doc.fileName).toBe(words.length > 0);
    }
  }, 120_000);

  it('keeps the bytes, a checksum, readable text with line breaks, and makes it searchable', async () => {
    const { engine, caseId } = await setup();
    const file = join(CLINICAL, 'denial-ketamine-erisa.docx');
    const { imported } = await ok(engine, 'documents.import', { caseId, paths: [file] });
    const view = await ok(engine, 'documents.get', { id: imported[0]!.id });
    expect(view.sizeBytes).toBe(readFileSync(file).length);
    expect(view.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(view.text).toMatch(/Member ID: AHP-5531-0098\n/);
    const stored = engine.db
      .prepare('SELECT bytes FROM document_contents WHERE document_id = ?')
      .pluck()
      .get(view.id) as Buffer;
    expect(Buffer.compare(stored, readFileSync(file))).toBe(0);
    const found = await ok(engine, 'search', { query: 'UM-2026-0918-4471' });
    expect(found.map((c) => c.id)).toEqual([caseId]);
  });

  it('keeps table rows on one line each', async () => {
    const { engine, caseId } = await setup();
    const { imported } = await ok(engine, 'documents.import', {
      caseId,
      paths: [join(CLINICAL, 'progress-note-trd.docx')],
    });
    const view = await ok(engine, 'documents.get', { id: imported[0]!.id });
    expect(view.text).toMatch(/Sertraline\t200 mg daily\t03\/2019\t11\/2019\t/);
  });

  it('does not store the same file twice in a case', async () => {
    const { engine, caseId } = await setup();
    const file = join(CLINICAL, 'intake-form.docx');
    await ok(engine, 'documents.import', { caseId, paths: [file] });
    const again = await ok(engine, 'documents.import', { caseId, paths: [file] });
    expect(again.imported).toEqual([]);
    expect(again.refused[0]).toMatchObject({
      path: file,
      problem: expect.stringContaining('already in this case'),
    });
  });

  it('refuses each kind of bad file with its own reason, writes nothing for it, and goes on', async () => {
    const { engine, caseId, dir } = await setup();
    const real = readFileSync(join(CLINICAL, 'intake-form.docx'));
    const files: Record<string, Buffer | 'huge'> = {
      'empty.docx': Buffer.alloc(0),
      'legacy.doc': oleFile(['WordDocument', '1Table']),
      'locked.docx': oleFile(['EncryptionInfo', 'EncryptedPackage']),
      'notes.docx': Buffer.from('Just some text pretending to be Word'),
      'truncated.docx': real.subarray(0, Math.floor(real.length / 2)),
      'sheet.docx': Buffer.from(zipSync({ 'xl/workbook.xml': Buffer.from('<workbook/>') })),
      'bomb.docx': Buffer.from(
        zipSync({ 'word/document.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 }),
      ),
      'letter.pdf': Buffer.from('%PDF-1.7\n...'),
      'huge.docx': 'huge',
    };
    for (const [name, bytes] of Object.entries(files)) {
      if (bytes === 'huge') {
        // A sparse 60 MB file: refused from its size alone, never read.
        const fd = openSync(join(dir, name), 'w');
        ftruncateSync(fd, 60 * 1024 * 1024);
        closeSync(fd);
      } else {
        writeFileSync(join(dir, name), bytes);
      }
    }
    const good = join(CLINICAL, 'progress-note-trd.docx');
    const paths = [...Object.keys(files).map((n) => join(dir, n)), good, join(dir, 'missing.docx')];
    const before = rowCounts(engine);
    const summary = await ok(engine, 'documents.import', { caseId, paths });

    expect(summary.imported.map((d) => d.fileName)).toEqual(['progress-note-trd.docx']);
    const reason = (name: string) =>
      summary.refused.find((r) => r.path === join(dir, name))?.problem;
    expect(reason('empty.docx')).toMatch(/empty/);
    expect(reason('legacy.doc')).toMatch(/damaged Word document \(\.doc\)/);
    expect(reason('locked.docx')).toMatch(/password/);
    expect(reason('notes.docx')).toMatch(/not a Word document/);
    expect(reason('truncated.docx')).toMatch(/damaged or incomplete/);
    expect(reason('sheet.docx')).toMatch(/not a Word document \(no word\/document\.xml/);
    expect(reason('bomb.docx')).toMatch(/zip bomb/);
    expect(reason('letter.pdf')).toMatch(/PDF/);
    expect(reason('huge.docx')).toMatch(/60\.0 MB; the limit is 50 MB/);
    expect(reason('missing.docx')).toMatch(/cannot be read \(no such file or folder\)/);

    const after = rowCounts(engine);
    expect(after.documents).toBe(before.documents! + 1);
    expect(after.document_contents).toBe(before.document_contents! + 1);
  });

  it('imports the Word files in a folder', async () => {
    const { engine, caseId } = await setup();
    const summary = await ok(engine, 'documents.import', { caseId, paths: [CLINICAL] });
    expect(summary.imported.map((d) => d.fileName)).toEqual([
      'denial-ketamine-erisa.docx',
      'intake-form.docx',
      'progress-note-trd.docx',
    ]);
  });

  it('refuses an unknown case before reading anything', async () => {
    const engine = tempEngine();
    const error = await fails(engine, 'documents.import', { caseId: 999, paths: [CLINICAL] });
    expect(error.code).toBe('not-found');
  });
});

describe('documents.proposeFacts', () => {
  it('proposes facts from an imported note, each pointing at its passage', async () => {
    const { engine, caseId } = await setup();
    const { imported } = await ok(engine, 'documents.import', {
      caseId,
      paths: [join(CLINICAL, 'progress-note-trd.docx')],
    });
    const id = imported[0]!.id;
    const facts = await ok(engine, 'documents.proposeFacts', { id });
    const text = (await ok(engine, 'documents.get', { id })).text!;
    const sertraline = facts.find((f) => f.kind === 'treatment' && f.values.name === 'Sertraline');
    expect(sertraline?.values).toMatchObject({
      drugClass: 'SSRI',
      dose: '200 mg daily',
      startedOn: '2019-03',
    });
    expect(text.slice(sertraline!.start, sertraline!.end)).toContain('Sertraline');
    expect(facts).toContainEqual(
      expect.objectContaining({
        kind: 'diagnosis',
        values: expect.objectContaining({ icd10Code: 'F41.1' }),
      }),
    );
    // Nothing enters the case until the user accepts it.
    expect((await ok(engine, 'cases.get', { id: caseId })).treatments).toEqual([]);
  });
});

describe('accepting a proposed fact', () => {
  it('creates the record with its drug class and the document it came from', async () => {
    const { engine, caseId } = await setup();
    const { imported } = await ok(engine, 'documents.import', {
      caseId,
      paths: [join(CLINICAL, 'progress-note-trd.docx')],
    });
    const sourceDocumentId = imported[0]!.id;
    const facts = await ok(engine, 'documents.proposeFacts', { id: sourceDocumentId });
    const trial = facts.find((f) => f.kind === 'treatment' && f.values.name === 'Bupropion')!;
    const created = await ok(engine, 'treatments.create', {
      caseId,
      values: {
        kind: 'medication',
        name: String(trial.values.name),
        dose: trial.values.dose as string,
        drugClass: trial.values.drugClass as string,
        startedOn: trial.values.startedOn as string,
        sourceDocumentId,
      },
    });
    expect(created).toMatchObject({ drugClass: 'NDRI', sourceDocumentId, startedOn: '2020-01' });
  });

  it('refuses a source document that does not exist, and writes nothing', async () => {
    const { engine, caseId } = await setup();
    const before = rowCounts(engine);
    const error = await fails(engine, 'diagnoses.create', {
      caseId,
      values: { icd10Code: 'F33.2', sourceDocumentId: 424242 },
    });
    expect(error.code).toBe('not-found');
    expect(rowCounts(engine)).toEqual(before);
  });
});

describe('documents.importFile (bytes from the window)', () => {
  it('imports a dropped file and refuses a bad one by name, writing nothing for it', async () => {
    const { engine, caseId } = await setup();
    const good = readFileSync(join(CLINICAL, 'intake-form.docx')).toString('base64');
    const done = await ok(engine, 'documents.importFile', {
      caseId,
      fileName: 'intake-form.docx',
      contentBase64: good,
    });
    expect(done).toMatchObject({ ok: true, document: { fileName: 'intake-form.docx', caseId } });

    const before = rowCounts(engine);
    const refused = await ok(engine, 'documents.importFile', {
      caseId,
      fileName: 'Scan.pdf',
      contentBase64: Buffer.from('%PDF-1.4 scan').toString('base64'),
    });
    expect(refused).toEqual({
      ok: false,
      fileName: 'Scan.pdf',
      problem: expect.stringMatching(/PDF/),
    });
    expect(rowCounts(engine)).toEqual(before);
  });
});

describe('converting in the import pool', () => {
  it('stops a conversion that runs past its time limit', async () => {
    const result = await convertInPool(
      'docx',
      readFileSync(join(CLINICAL, 'progress-note-trd.docx')),
      {
        timeoutMs: 1,
      },
    );
    expect(result).toEqual({ ok: false, problem: expect.stringContaining('longer than') });
  });

  it("keeps mammoth's warnings, and never reads files a document links to", async () => {
    const result = await convertInPool(
      'docx',
      readFileSync(join(FIXTURES, 'mammoth', 'external-picture.docx')),
    );
    expect(result.ok && result.warnings).toEqual([
      expect.stringMatching(
        /picture linked from outside the file \(tiny-picture\.png\) is not shown/,
      ),
    ]);
  });
});
