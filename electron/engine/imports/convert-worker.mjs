// The import pool's task: one file's bytes in, its HTML, text and warnings out. It runs in a
// worker thread of the pool (convert-pool.ts), so a slow or hostile file cannot freeze the app:
// the pool stops it after a time limit and caps its memory. Plain JavaScript so that it loads
// the same way under Node, tsx and Electron.
import { convertDoc } from './worker/doc.mjs';
import { convertDocx } from './worker/docx.mjs';
import { convertPdf } from './worker/pdf.mjs';

/** @param {{ format: 'docx' | 'doc' | 'pdf', bytes: Uint8Array, password?: string }} task */
export default async function convert({ format, bytes, password }) {
  if (format === 'docx') return convertDocx(bytes, password);
  if (format === 'doc') return convertDoc(bytes);
  if (format === 'pdf') return convertPdf(bytes, password);
  return { ok: false, problem: `${format} files cannot be read.` };
}
