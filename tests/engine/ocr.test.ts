// Scans and faxes of real records read by OCR, offline: pictures of pages (PNG, JPEG), faxes
// (multi-page Group 4 TIFF) and PDFs that hold only page pictures import with their words, a
// warning that OCR read them and how sure it was, and the facts the Word original gives.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proposal } from '../../electron/contract/facts';
import type { Engine } from '../../electron/engine';
import { convertInPool } from '../../electron/engine/imports/convert-pool';
import { officeCopies } from '../fixtures/office-copies';
import { scansOf, type Scans } from '../fixtures/scans';
import { casePerTest, cleanup, ok, rowCounts, tempDir } from './helpers';

const CLINICAL = join(process.cwd(), '../shared/fixtures/word/clinical');
const NOTES = ['denial-ketamine-erisa', 'intake-form', 'progress-note-trd'];
const docx = NOTES.map((n) => join(CLINICAL, `${n}.docx`));
const MAGICK = existsSync('/usr/bin/convert') ? '/usr/bin/convert' : 'convert';
const OCR_WARNING =
  /^Read by OCR( on \d+ pages)? \(mean confidence (\d+)%\): check names, dates and numbers against the original\.$/;

let dir = '';
const scans = new Map<string, Scans>();

beforeAll(() => {
  dir = tempDir();
  const pdfs = officeCopies(docx, 'pdf', dir);
  NOTES.forEach((note, i) => scans.set(note, scansOf(pdfs[i]!, dir, note)));
}, 240_000);
afterAll(cleanup);

const setup = casePerTest();

/** What a fact says, without where it was found: the same fact from two copies compares equal. */
const factKey = (f: Proposal) => `${f.kind} ${JSON.stringify(f.values)}`;

async function factsOf(engine: Engine, id: number) {
  return new Set((await ok(engine, 'documents.proposeFacts', { id })).map(factKey));
}

/** The share of the Word original's facts that the scanned copy proposes too. */
async function recall(engine: Engine, original: number, scanned: number) {
  const want = await factsOf(engine, original);
  const got = await factsOf(engine, scanned);
  const found = [...want].filter((k) => got.has(k));
  return { recall: found.length / want.size, missed: [...want].filter((k) => !got.has(k)) };
}

/** CRC-32 as PNG chunks carry it. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A valid white grayscale PNG of any size (ImageMagick's own limits stop at a few thousand). */
function whitePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample; color type 0 (gray), no interlace
  const row = Buffer.alloc(width + 1, 0xff);
  row[0] = 0; // filter: none
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const figures: string[] = [];
afterAll(() => {
  if (figures.length) console.log(`OCR fact recall against the .docx text:\n${figures.join('\n')}`);
});

describe('scans and faxes read by OCR', () => {
  it('imports a faxed TIFF of each record with its words, the OCR warning and most of the Word original’s facts', async () => {
    const { engine, caseId } = await setup();
    const faxes = NOTES.map((note) => scans.get(note)!.tiff);
    const summary = await ok(engine, 'documents.import', { caseId, paths: [...docx, ...faxes] });
    expect(summary.refused).toEqual([]);
    const byName = new Map(summary.imported.map((d) => [d.fileName, d]));
    for (const note of NOTES) {
      const fax = byName.get(`${note}.tif`)!;
      expect(fax.mediaType).toBe('image/tiff');
      const view = await ok(engine, 'documents.get', { id: fax.id });
      expect(view.warnings).toEqual([expect.stringMatching(OCR_WARNING)]);
      const { recall: share, missed } = await recall(
        engine,
        byName.get(`${note}.docx`)!.id,
        fax.id,
      );
      figures.push(`  ${note}.tif (Group 4 fax): ${(share * 100).toFixed(0)}%`);
      expect(share, `${note} missed ${missed.join('; ')}`).toBeGreaterThanOrEqual(0.7);
    }
    const denial = await ok(engine, 'documents.get', {
      id: byName.get('denial-ketamine-erisa.tif')!.id,
    });
    expect(denial.text).toMatch(/Member ID: AHP-5531-0098/);
    // A two-page fax says how many pages OCR read.
    const note = await ok(engine, 'documents.get', { id: byName.get('progress-note-trd.tif')!.id });
    expect(note.warnings[0]).toMatch(/^Read by OCR on 2 pages/);
    expect(note.text).toMatch(/Jordan A\. Rivera/);
    // The words OCR read are searchable like any other document's.
    expect((await ok(engine, 'search', { query: 'AHP-5531-0098' })).map((c) => c.id)).toContain(
      caseId,
    );
  }, 120_000);

  it('reads a PDF that holds only pictures of pages (JPEG and 1-bit pages) by OCR', async () => {
    const { engine, caseId } = await setup();
    const file = join(dir, 'scanned-note.pdf');
    writeFileSync(file, scans.get('progress-note-trd')!.pdf);
    const original = join(dir, 'progress-note-trd.docx');
    copyFileSync(docx[2]!, original);
    const summary = await ok(engine, 'documents.import', { caseId, paths: [original, file] });
    expect(summary.refused).toEqual([]);
    const [word, scan] = summary.imported;
    expect(scan!.mediaType).toBe('application/pdf');
    const view = await ok(engine, 'documents.get', { id: scan!.id });
    expect(view.warnings).toEqual([
      expect.stringMatching(/^Read by OCR on 2 pages \(mean confidence \d+%\)/),
    ]);
    expect(view.text).toMatch(/Sertraline/);
    expect(view.text).toMatch(/PHQ-9/);
    expect(view.html).toMatch(/<p>/);
    const { recall: share, missed } = await recall(engine, word!.id, scan!.id);
    figures.push(`  progress-note-trd, image-only PDF: ${(share * 100).toFixed(0)}%`);
    expect(share, `missed ${missed.join('; ')}`).toBeGreaterThanOrEqual(0.7);
  }, 120_000);

  it('imports PNG and JPEG pictures of a page from a folder', async () => {
    const { engine, caseId } = await setup();
    const folder = join(dir, 'phone-photos');
    mkdirSync(folder);
    const intake = scans.get('intake-form')!;
    copyFileSync(intake.pages[0]!, join(folder, 'intake.png'));
    copyFileSync(intake.jpeg, join(folder, 'intake.jpeg'));
    writeFileSync(join(folder, 'notes.txt'), 'not a record');
    const summary = await ok(engine, 'documents.import', { caseId, paths: [folder] });
    expect(summary.refused).toEqual([]);
    expect(summary.imported.map((d) => [d.fileName, d.mediaType])).toEqual([
      ['intake.jpeg', 'image/jpeg'],
      ['intake.png', 'image/png'],
    ]);
    for (const doc of summary.imported) {
      const view = await ok(engine, 'documents.get', { id: doc.id });
      expect(view.warnings).toEqual([
        expect.stringMatching(/^Read by OCR \(mean confidence \d+%\)/),
      ]);
      const confidence = Number(OCR_WARNING.exec(view.warnings[0]!)![2]);
      expect(confidence).toBeGreaterThan(50);
      expect(view.text).toMatch(/Date of birth/i);
    }
  }, 120_000);

  it('refuses a blank scan, a page too large and a damaged TIFF, each by name, writing nothing', async () => {
    const { engine, caseId } = await setup();
    const blank = join(dir, 'blank.png');
    const huge = join(dir, 'huge.png');
    execFileSync(MAGICK, ['-size', '1275x1650', 'xc:white', blank]);
    writeFileSync(huge, whitePng(9000, 9000));
    const cut = join(dir, 'cut.tif');
    writeFileSync(cut, readFileSync(scans.get('intake-form')!.tiff).subarray(0, 64));
    const before = rowCounts(engine);
    const { imported, refused } = await ok(engine, 'documents.import', {
      caseId,
      paths: [blank, huge, cut],
    });
    expect(imported).toEqual([]);
    expect(refused.map((r) => r.problem)).toEqual([
      expect.stringMatching(/picture of a page, and OCR found no readable words/),
      expect.stringMatching(/9000 × 9000 pixels, more than the 40 million/),
      expect.stringMatching(/damaged TIFF/),
    ]);
    expect(rowCounts(engine)).toEqual(before);
  }, 60_000);

  it('stops a scan that takes too long, and the pool reads the next one', async () => {
    const fax = readFileSync(scans.get('progress-note-trd')!.tiff);
    const slow = await convertInPool('tiff', fax, { timeoutMs: 300 });
    expect(slow).toEqual({ ok: false, problem: expect.stringContaining('longer than 0.3 s') });
    const next = await convertInPool('png', readFileSync(scans.get('intake-form')!.pages[0]!));
    expect(next).toMatchObject({ ok: true, source: 'ocr' });
  }, 60_000);

  it('reads a fax with no network at all: the language data and OCR engine ship with the app', () => {
    // A process in a network namespace of its own has no interface but loopback: any download
    // tesseract.js tried (its default is a CDN) would fail the conversion.
    const script = join(dir, 'offline.mjs');
    const worker = pathToFileURL(join(process.cwd(), 'electron/engine/imports/convert-worker.mjs'));
    writeFileSync(
      script,
      `import convert from ${JSON.stringify(worker.href)};
import { readFileSync } from 'node:fs';
globalThis.fetch = () => { throw new Error('fetch called'); };
const r = await convert({ format: 'tiff', bytes: readFileSync(process.argv[2]) });
console.log(JSON.stringify({ ok: r.ok, problem: r.problem, text: r.text }));
process.exit(0);`,
    );
    const unshare = spawnSync('unshare', ['-n', 'true']);
    const command = unshare.status === 0 ? ['unshare', '-n', process.execPath] : [process.execPath];
    const child = spawnSync(
      command[0]!,
      [...command.slice(1), script, scans.get('intake-form')!.tiff],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(child.stderr).not.toMatch(/fetch|ENOTFOUND|EAI_AGAIN|Network error/);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!);
    expect(result).toMatchObject({ ok: true });
    expect(result.text).toMatch(/Date of birth/i);
    // tesseract.js caches downloaded data in the working folder; nothing was written there.
    expect(existsSync(join(dir, 'eng.traineddata'))).toBe(false);
  }, 60_000);
});
