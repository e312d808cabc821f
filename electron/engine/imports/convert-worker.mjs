// Runs mammoth on one .docx in a worker thread, so a slow or hostile file cannot freeze the app:
// the parent stops it after a time limit and caps its memory. Plain JavaScript so that it loads
// the same way under Node, tsx and Electron.
import mammoth from 'mammoth';
import { parentPort, workerData } from 'node:worker_threads';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/**
 * Plain text from mammoth's HTML rather than extractRawText, which drops line breaks inside a
 * paragraph (address blocks, "Label: value" forms) and runs their lines together.
 */
function textOf(html) {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/p>(?=\s*<\/t[dh]>)/g, '')
    .replace(/<\/(p|h[1-6]|li|tr|table|ol|ul)>/g, '\n')
    .replace(/<\/t[dh]>/g, '\t')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name) => ENTITIES[name])
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const buffer = Buffer.from(workerData.bytes);
try {
  // externalFileAccess stays off (mammoth's default): a document may not pull in files from disk.
  const html = await mammoth.convertToHtml({ buffer });
  parentPort.postMessage({
    ok: true,
    html: html.value,
    text: textOf(html.value),
    warnings: html.messages.map((m) => m.message),
  });
} catch (error) {
  parentPort.postMessage({
    ok: false,
    message: error instanceof Error ? error.message : String(error),
  });
}
