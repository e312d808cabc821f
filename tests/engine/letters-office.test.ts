// Letters as a person meets them: every kind converted by LibreOffice (headless) to PDF, then
// read back as pages and text. LibreOffice refuses or mangles a .docx Word would repair.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LETTER_KIND } from '../../electron/contract/letter';
import type { LetterKind } from '../../electron/contract/letter';
import { cleanup, clientWithCase, ok, tempDir, tempEngine } from './helpers';
import { convertToPdf } from './libreoffice';
import { fullLetterCase, recordFinalDenial } from './letter-case';

const pdfs = new Map<string, { pages: number; text: string[] }>();
let dir = '';

function readPdf(name: string) {
  const pdf = join(dir, `${name}.pdf`);
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().split('\f');
  return { pages, text: text.slice(0, pages) };
}

beforeAll(async () => {
  dir = tempDir();
  const engine = tempEngine();
  const { caseId, recipientId } = await fullLetterCase(engine);
  const thin = await clientWithCase(engine, { firstName: 'Sam' }, { memberId: null });
  const jobs: [string, number, LetterKind, number | undefined][] = [
    ...LETTER_KIND.values.map((k): [string, number, LetterKind, number] => [
      k,
      caseId,
      k,
      recipientId,
    ]),
    ['thin-appeal', thin.case.id, 'appeal', undefined],
  ];
  const files = [];
  for (const [name, id, kind, to] of jobs) {
    if (name === 'external-review') await recordFinalDenial(engine, caseId);
    const letter = await ok(engine, 'letters.generate', { caseId: id, kind, recipientId: to });
    const file = await ok(engine, 'documents.file', { id: letter.documentId });
    const path = join(dir, `${name}.docx`);
    writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
    files.push(path);
  }
  convertToPdf(dir, files);
  for (const [name] of jobs) pdfs.set(name, readPdf(name));
}, 180_000);

afterAll(cleanup);

const FORMS = new Set<LetterKind>([
  'cms-1696',
  'representative-designation',
  'hipaa-authorization',
  'congressional-release',
]);

/** Worksheets for the advocate and the provider: no recipient, closing or signature lines. */
const WORKSHEETS = new Set<LetterKind>(['peer-to-peer-prep', 'benefits-call-script']);

describe('letters in LibreOffice', () => {
  it.each(LETTER_KIND.values)(
    '%s converts to a paginated Letter-size PDF with its content',
    (kind) => {
      const pdf = pdfs.get(kind)!;
      expect(pdf.pages).toBeGreaterThanOrEqual(1);
      expect(pdf.pages).toBeLessThanOrEqual(6);
      const all = pdf.text.join('\n');
      pdf.text.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pdf.pages}`));
      expect(all).toContain('Maria Okonkwo');
      if (WORKSHEETS.has(kind)) {
        expect(all).not.toContain('Sincerely,');
        expect(all).not.toMatch(/RE:/);
      } else if (FORMS.has(kind)) {
        // A form to sign: its own signature and date lines, no recipient or closing.
        expect(all).toMatch(/Signature of [a-z ]+:\s*_{20,}/);
        expect(all).toMatch(/Date:/);
        expect(all).not.toContain('Sincerely,');
      } else {
        expect(all).toContain('Dr. Helen Park');
        expect(all).toMatch(/RE:/);
        expect(all).toContain('Sincerely,');
      }
      expect(all).not.toMatch(/needed\]|\{\{|\{%|undefined/);
      const size = execFileSync('pdfinfo', [join(dir, `${kind}.pdf`)]).toString();
      expect(size).toMatch(/Page size:\s+612 x 792 pts/);
    },
  );

  it('the letterhead heads the first page only; later pages carry a short running header', () => {
    const lmn = pdfs.get('medical-necessity')!;
    expect(lmn.pages).toBeGreaterThan(1);
    expect(lmn.text[0]).toContain('Lakeside Psychiatry');
    expect(lmn.text[1]).toMatch(/Letter of medical necessity · Maria Okonkwo/);
    const appeal = pdfs.get('appeal')!;
    expect(appeal.text[0]).toContain('Reyes Patient Advocacy');
  });

  it('a letter with gaps shows each gap as a marked, readable note', () => {
    const all = pdfs.get('thin-appeal')!.text.join('\n');
    expect(all).toContain('[member ID needed]');
    expect(all).toContain('[a recipient needed]');
  });

  it('the treatment table keeps its words whole', () => {
    const all = pdfs.get('medical-necessity')!.text.join('\n');
    expect(all).toMatch(/Medication\s+Class/);
    expect(readFileSync(join(dir, 'medical-necessity.docx')).length).toBeGreaterThan(5000);
  });
});
