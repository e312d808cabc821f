// The import pool's task: one file's bytes in, its HTML, text and warnings out. It runs in a
// worker thread of the pool (convert-pool.ts), so a slow or hostile file cannot freeze the app:
// the pool stops it after a time limit and caps its memory. Plain JavaScript so that it loads
// the same way under Node, tsx and Electron. Each reader loads on first use: a worker that only
// ever sees .docx files never pays for the PDF and .doc readers.

const readers = {
  docx: () => import('./worker/docx.mjs').then((m) => m.convertDocx),
  doc: () => import('./worker/doc.mjs').then((m) => m.convertDoc),
  pdf: () => import('./worker/pdf.mjs').then((m) => m.convertPdf),
  png: () => import('./worker/image.mjs').then((m) => m.convertPicture),
  jpeg: () => import('./worker/image.mjs').then((m) => m.convertPicture),
  tiff: () => import('./worker/image.mjs').then((m) => m.convertTiff),
};

/**
 * @param {{ format: 'docx' | 'doc' | 'pdf' | 'png' | 'jpeg' | 'tiff', bytes: Uint8Array, password?: string } | { warm: string[] }} task
 */
export default async function convert(task) {
  // Asked to get ready for a batch: load those readers now, convert nothing.
  if ('warm' in task) {
    await Promise.all(task.warm.filter((f) => readers[f]).map((f) => readers[f]()));
    return null;
  }
  const { format, bytes, password } = task;
  const load = readers[format];
  if (!load) return { ok: false, problem: `${format} files cannot be read.` };
  return (await load())(bytes, password);
}
