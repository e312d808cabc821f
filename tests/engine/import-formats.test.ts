// Every kind of record an advocate receives: Word files with every part kept, legacy .doc, PDFs
// with a text layer and password-protected .docx; each refused kind says exactly what it is.
import CFB from 'cfb';
import { zipSync } from 'fflate';
import officeCrypto from 'officecrypto-tool';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proposal } from '../../electron/contract/facts';
import type { Engine } from '../../electron/engine';
import { convertInPool, createConvertPool } from '../../electron/engine/imports/convert-pool';
import { heavyPdf, hostilePdf, imageOnlyPdf, wordyPdf } from '../fixtures/hostile-pdf';
import { officeCopies, passwordPdf } from '../fixtures/office-copies';
import { docxWithEveryPart } from '../fixtures/word-parts';
import { casePerTest, cleanup, ok, rowCounts, tempDir } from './helpers';

const CLINICAL = join(process.cwd(), '../shared/fixtures/word/clinical');
const NOTES = ['denial-ketamine-erisa', 'intake-form', 'progress-note-trd'];
const docx = NOTES.map((n) => join(CLINICAL, `${n}.docx`));

let copies = '';
let docs: string[] = [];
let pdfs: string[] = [];

beforeAll(() => {
  copies = tempDir();
  docs = officeCopies(docx, 'doc', copies);
  pdfs = officeCopies(docx, 'pdf', copies);
}, 240_000);
afterAll(cleanup);

const setup = casePerTest();

async function textOf(engine: Engine, id: number) {
  return (await ok(engine, 'documents.get', { id })).text ?? '';
}

/** What a fact says, without where it was found: the same fact from two copies compares equal. */
const factKey = (f: Proposal) => `${f.kind} ${JSON.stringify(f.values)}`;

/** A Word 97 .doc with its WordDocument stream changed by `edit` (FIB fields, stream names). */
function editedDoc(path: string, edit: (stream: Buffer, entry: CFB.CFB$Entry) => void): Buffer {
  const container = CFB.read(readFileSync(path), { type: 'buffer' });
  const entry = CFB.find(container, 'WordDocument')!;
  const stream = Buffer.from(entry.content as Uint8Array);
  edit(stream, entry);
  entry.content = stream;
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

describe('Word files: nothing of them lost', () => {
  it('stores headers, footers, footnotes and nested list items, each on its own line, and finds them by search', async () => {
    const { engine, caseId, dir } = await setup();
    const file = join(dir, 'claim.docx');
    writeFileSync(file, await docxWithEveryPart());
    const { imported } = await ok(engine, 'documents.import', { caseId, paths: [file] });
    const view = await ok(engine, 'documents.get', { id: imported[0]!.id });
    expect(view.text).toMatch(/^Lakeside Behavioral Health · Claim number CLM-77120-QX\n/);
    expect(view.text).toMatch(/\nConfidential · Fax 555-0199 · Reference REF-FOOTER-3$/);
    expect(view.text).toContain('Footnote: PHQ-9 score 23 recorded by the clinic.');
    expect(view.text).toMatch(/\nEntry #2, with children\n2-a\n2-b\nEntry #3\n/);
    expect(view.html).toMatch(/<header class="doc-header"><p>Lakeside/);
    for (const word of ['CLM-77120-QX', 'REF-FOOTER-3']) {
      expect((await ok(engine, 'search', { query: word })).map((c) => c.id)).toEqual([caseId]);
    }
  });

  it('reads the headers and footers of real Word files, each distinct one once', async () => {
    const { engine, caseId } = await setup();
    const file = join(process.cwd(), '../shared/fixtures/word/python-docx/hdr-header-footer.docx');
    const { imported } = await ok(engine, 'documents.import', { caseId, paths: [file] });
    expect(await textOf(engine, imported[0]!.id)).toBe(
      'Header for section-1\n\nsection with header\nsection without header of its own.\nFooter for section 1',
    );
  });

  it('refuses a Word file with broken XML in words a person can act on, never the parser’s', async () => {
    const { engine, caseId, dir } = await setup();
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const enc = (s: string) => new TextEncoder().encode(s);
    const file = join(dir, 'broken.docx');
    writeFileSync(
      file,
      zipSync({
        '[Content_Types].xml': enc(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ),
        '_rels/.rels': enc(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        ),
        'word/document.xml': enc(
          `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Dose&nbsp;200 mg</w:t></w:r></w:p></w:body></w:document>`,
        ),
      }),
    );
    const { refused } = await ok(engine, 'documents.import', { caseId, paths: [file] });
    expect(refused[0]!.problem).toMatch(/damaged: part of its text is not valid Word XML/);
    expect(refused[0]!.problem).not.toMatch(/xmldom|entity|\[|@#/);
  });
});

describe('legacy Word .doc', () => {
  it('imports Word 97–2003 files with their text, original and facts, as from the .docx', async () => {
    const { engine, caseId } = await setup();
    const summary = await ok(engine, 'documents.import', { caseId, paths: [...docs, ...docx] });
    expect(summary.refused).toEqual([]);
    const byName = new Map(summary.imported.map((d) => [d.fileName, d]));
    for (const note of NOTES) {
      const doc = byName.get(`${note}.doc`)!;
      expect(doc.mediaType).toBe('application/msword');
      const view = await ok(engine, 'documents.get', { id: doc.id });
      expect(view.sizeBytes).toBe(readFileSync(join(copies, `${note}.doc`)).length);
      expect(view.html).toMatch(/<p>/);
      const fromDoc = new Set(
        (await ok(engine, 'documents.proposeFacts', { id: doc.id })).map(factKey),
      );
      const fromDocx = (
        await ok(engine, 'documents.proposeFacts', { id: byName.get(`${note}.docx`)!.id })
      ).map(factKey);
      const missed = fromDocx.filter((k) => !fromDoc.has(k));
      expect(missed, note).toEqual([]);
    }
    expect(await textOf(engine, byName.get('denial-ketamine-erisa.doc')!.id)).toMatch(
      /Member ID: AHP-5531-0098\n/,
    );
  });

  it('reads a Word 97 file whose streams are named in other letter cases', async () => {
    const { engine, caseId, dir } = await setup();
    const file = join(dir, 'shouting.doc');
    writeFileSync(
      file,
      editedDoc(docs[0]!, (_, entry) => {
        entry.name = 'WORDDOCUMENT';
      }),
    );
    const summary = await ok(engine, 'documents.import', { caseId, paths: [file] });
    expect(summary.refused).toEqual([]);
    expect(await textOf(engine, summary.imported[0]!.id)).toContain('UM-2026-0918-4471');
  });

  it('refuses Word 6.0/95, Word 2.0 and password-protected .doc files, saying which, writing nothing', async () => {
    const { engine, caseId, dir } = await setup();
    const files = {
      'word95.doc': editedDoc(docs[0]!, (s) => s.writeUInt16LE(0x68, 2)),
      'word6.doc': editedDoc(docs[0]!, (s) => s.writeUInt16LE(0xa5dc, 0)),
      'word2.doc': Buffer.concat([Buffer.from([0xdb, 0xa5, 0x2d, 0x00]), Buffer.alloc(2000)]),
      'locked.doc': editedDoc(docs[0]!, (s) =>
        s.writeUInt16LE(s.readUInt16LE(0x0a) | 0x0100, 0x0a),
      ),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const before = rowCounts(engine);
    const { imported, refused } = await ok(engine, 'documents.import', {
      caseId,
      paths: Object.keys(files).map((n) => join(dir, n)),
    });
    expect(imported).toEqual([]);
    const reason = (name: string) => refused.find((r) => r.path === join(dir, name))?.problem;
    expect(reason('word95.doc')).toMatch(/Word 6\.0\/95 document.*save it as \.docx/);
    expect(reason('word6.doc')).toMatch(/Word 6\.0\/95 document/);
    expect(reason('word2.doc')).toMatch(/Word 2\.0 document/);
    expect(reason('locked.doc')).toMatch(/old Word document \(\.doc\) protected with a password/);
    expect(rowCounts(engine)).toEqual(before);
  });
});

describe('PDF with a text layer', () => {
  it('imports PDFs with their text in reading order, the original kept, and facts as from Word', async () => {
    const { engine, caseId } = await setup();
    const summary = await ok(engine, 'documents.import', { caseId, paths: [...pdfs, ...docx] });
    expect(summary.refused).toEqual([]);
    const byName = new Map(summary.imported.map((d) => [d.fileName, d]));
    const denial = await ok(engine, 'documents.get', {
      id: byName.get('denial-ketamine-erisa.pdf')!.id,
    });
    expect(denial.mediaType).toBe('application/pdf');
    expect(denial.sizeBytes).toBe(readFileSync(pdfs[0]!).length);
    const text = denial.text!;
    expect(text).toMatch(/Member ID: AHP-5531-0098\n/);
    // A heading stays on its own line; the sentences wrapped under it join into one paragraph.
    expect(text).toMatch(
      /\nNotice of Adverse Benefit Determination\nWe reviewed the request from .* ketamine infusion \(CPT 96365, HCPCS J3490\) for the diagnosis F33\.2\. The request is denied\.\n/,
    );
    const order = [
      'Acme Health Plan',
      'Notice of Adverse Benefit Determination',
      'Your right to appeal',
    ];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(denial.html).toMatch(/^<p>Acme Health Plan<br>/);
    expect((await ok(engine, 'search', { query: 'UM-2026-0918-4471' })).length).toBe(1);
    // Table rows keep their cells apart, as the Word version's do.
    const note = await textOf(engine, byName.get('progress-note-trd.pdf')!.id);
    expect(note).toMatch(/Sertraline\t200 mg daily\t03\/2019\t11\/2019\t/);

    for (const name of NOTES) {
      const fromPdf = new Set(
        (await ok(engine, 'documents.proposeFacts', { id: byName.get(`${name}.pdf`)!.id })).map(
          factKey,
        ),
      );
      const fromDocx = (
        await ok(engine, 'documents.proposeFacts', { id: byName.get(`${name}.docx`)!.id })
      ).map(factKey);
      const found = fromDocx.filter((k) => fromPdf.has(k)).length;
      // A PDF wraps long table cells onto new lines, so a fact or two may read differently.
      expect(found / fromDocx.length, name).toBeGreaterThanOrEqual(0.9);
    }
  }, 60_000);

  it('reads a hostile PDF’s text without running its scripts, form actions or attachments', async () => {
    const { engine, caseId, dir } = await setup();
    const file = join(dir, 'denial.pdf');
    writeFileSync(file, hostilePdf());
    const { imported } = await ok(engine, 'documents.import', { caseId, paths: [file] });
    const view = await ok(engine, 'documents.get', { id: imported[0]!.id });
    expect(view.text).toBe('Notice of denial\nMember ID: HX-2291-7781\nReference number: DN-5521');
    expect(view.warnings).toEqual([expect.stringMatching(/never runs or opens them/)]);
    expect((globalThis as { __pdfRan?: number }).__pdfRan).toBeUndefined();
    expect(view.html).not.toMatch(/script|alert|run\.exe/i);
  });

  it('refuses a scan with no text layer and a damaged PDF, each with its own reason', async () => {
    const { engine, caseId, dir } = await setup();
    writeFileSync(join(dir, 'fax.pdf'), imageOnlyPdf());
    writeFileSync(join(dir, 'cut.pdf'), readFileSync(pdfs[0]!).subarray(0, 900));
    const before = rowCounts(engine);
    const { refused } = await ok(engine, 'documents.import', {
      caseId,
      paths: [join(dir, 'fax.pdf'), join(dir, 'cut.pdf')],
    });
    expect(refused.map((r) => r.problem)).toEqual([
      expect.stringMatching(/no text layer \(a scan or fax/),
      expect.stringMatching(/damaged PDF/),
    ]);
    expect(rowCounts(engine)).toEqual(before);
  });

  it('stops a PDF that takes too long, and the pool goes on with the next file', async () => {
    const slow = await convertInPool('pdf', heavyPdf(40), { timeoutMs: 200 });
    expect(slow).toEqual({ ok: false, problem: expect.stringContaining('longer than 0.2 s') });
    const next = await convertInPool('pdf', readFileSync(pdfs[1]!));
    expect(next.ok && next.text).toMatch(/Client Intake/);
  }, 60_000);
});

describe('the import pool', () => {
  it('stops a worker that outgrows its memory limit and replaces it for the next file', async () => {
    // A small heap, so a file of millions of words outgrows it quickly.
    const pool = createConvertPool({ heapMb: 64, threads: 1 });
    try {
      const greedy = await pool.convert('pdf', wordyPdf(15));
      expect(greedy).toEqual({
        ok: false,
        problem: expect.stringContaining('needed more than 64 MB of memory'),
      });
      const next = await pool.convert('docx', readFileSync(docx[1]!));
      expect(next.ok && next.text).toMatch(/Client Intake/);
    } finally {
      await pool.close();
    }
  }, 90_000);

  it('reads a Word file beside a slow scan rather than waiting behind it', async () => {
    // Word files have one worker here; a scan is not one of them, so the second worker reads it.
    const pool = createConvertPool({ threads: 2, wordThreads: 1 });
    try {
      let slowDone = false;
      const slow = pool.convert('pdf', heavyPdf(40), { timeoutMs: 120_000 }).then((result) => {
        slowDone = true;
        return result;
      });
      const word = await pool.convert('docx', readFileSync(docx[1]!));
      expect(word.ok && word.text).toMatch(/Client Intake/);
      expect(slowDone).toBe(false);
      await pool.close();
      expect(await slow).toMatchObject({ ok: false });
    } finally {
      await pool.close();
    }
  }, 90_000);
});

describe('password-protected .docx', () => {
  const PASSWORD = 'Blue-Heron-42';

  it('asks for the password, says when it is wrong, opens it in memory and never keeps it', async () => {
    const { engine, caseId, dir } = await setup();
    const file = join(dir, 'locked.docx');
    writeFileSync(file, await officeCrypto.encrypt(readFileSync(docx[0]!), { password: PASSWORD }));

    const asked = await ok(engine, 'documents.import', { caseId, paths: [file] });
    expect(asked.refused).toEqual([
      { path: file, code: 'password-required', problem: expect.stringMatching(/password/) },
    ]);
    const wrong = await ok(engine, 'documents.import', { caseId, paths: [file], password: 'nope' });
    expect(wrong.refused).toEqual([
      {
        path: file,
        code: 'wrong-password',
        problem: expect.stringMatching(/password is not right/),
      },
    ]);
    const opened = await ok(engine, 'documents.import', {
      caseId,
      paths: [file],
      password: PASSWORD,
    });
    expect(opened.refused).toEqual([]);
    expect(await textOf(engine, opened.imported[0]!.id)).toMatch(/Member ID: AHP-5531-0098\n/);

    engine.close();
    const library = readFileSync(join(engine.db.name));
    expect(library.includes(Buffer.from(PASSWORD))).toBe(false);
  }, 60_000);

  it('asks for the password of a protected PDF and reads it with the right one', async () => {
    const { engine, caseId, dir } = await setup();
    const file = passwordPdf(docx[2]!, PASSWORD, dir);
    const asked = await ok(engine, 'documents.import', { caseId, paths: [file] });
    expect(asked.refused).toEqual([
      {
        path: file,
        code: 'password-required',
        problem: expect.stringMatching(/PDF protected with a password/),
      },
    ]);
    const wrong = await ok(engine, 'documents.import', { caseId, paths: [file], password: 'x' });
    expect(wrong.refused[0]).toMatchObject({ code: 'wrong-password' });
    const opened = await ok(engine, 'documents.import', {
      caseId,
      paths: [file],
      password: PASSWORD,
    });
    expect(await textOf(engine, opened.imported[0]!.id)).toMatch(
      /Sertraline\t200 mg daily\t03\/2019\t11\/2019\t/,
    );
  }, 60_000);

  it('imports a dropped protected file once its password is given', async () => {
    const { engine, caseId } = await setup();
    const locked = await officeCrypto.encrypt(readFileSync(docx[1]!), { password: PASSWORD });
    const contentBase64 = Buffer.from(locked).toString('base64');
    const first = await ok(engine, 'documents.importFile', {
      caseId,
      fileName: 'intake.docx',
      contentBase64,
    });
    expect(first).toMatchObject({ ok: false, code: 'password-required' });
    const second = await ok(engine, 'documents.importFile', {
      caseId,
      fileName: 'intake.docx',
      contentBase64,
      password: PASSWORD,
    });
    expect(second).toMatchObject({ ok: true, document: { fileName: 'intake.docx' } });
  }, 60_000);
});

describe('folders', () => {
  it('imports the Word and PDF files in a folder and ignores the rest', async () => {
    const { engine, caseId, dir } = await setup();
    copyFileSync(docx[1]!, join(dir, 'a.docx'));
    copyFileSync(docs[0]!, join(dir, 'b.doc'));
    copyFileSync(pdfs[2]!, join(dir, 'c.pdf'));
    writeFileSync(join(dir, 'list.txt'), 'not a record');
    const summary = await ok(engine, 'documents.import', { caseId, paths: [dir] });
    expect(summary.imported.map((d) => d.fileName)).toEqual(['a.docx', 'b.doc', 'c.pdf']);
  });
});
