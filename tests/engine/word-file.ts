// A Word file made from lines of text, for tests that import documents of a given kind.
import { Document, Packer, Paragraph } from 'docx';
import { readFileSync } from 'node:fs';

/** A .docx (as base64) with one paragraph per line of `text`. */
export async function wordFile(text: string): Promise<string> {
  const doc = new Document({
    sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }],
  });
  return (await Packer.toBuffer(doc)).toString('base64');
}

/** A .docx made from a text fixture's lines. */
export const wordFileOf = (path: string) => wordFile(readFileSync(path, 'utf8'));
