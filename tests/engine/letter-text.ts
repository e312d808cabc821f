// A generated letter's words as a Word reader finds them. Word's non-breaking hyphens (kept in
// identifiers so they never break across lines) read back as U+2011, and the no-break space after
// a phone number's area code as U+00A0: compared as a plain hyphen and space.
import mammoth from 'mammoth';
import type { Engine } from '../../electron/engine';
import { ok } from './helpers';

export async function docxText(buffer: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer });
  return value.replace(/\u2011/g, '-').replace(/\u00A0/g, ' ');
}

export async function letterText(engine: Engine, documentId: number): Promise<string> {
  const file = await ok(engine, 'documents.file', { id: documentId });
  return docxText(Buffer.from(file.contentBase64, 'base64'));
}
