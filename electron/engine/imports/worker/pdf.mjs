// A PDF's text layer in reading order through pdf.js (legacy build, which runs in Node). Nothing
// in the file ever runs: no eval, no scripting, no XFA forms, no fonts loaded or fetched.
import { htmlOfText, tidyText } from './html-text.mjs';

/** Most pages read from one PDF; denials and plan documents run to dozens, rarely hundreds. */
const MAX_PAGES = 1000;

let pdfjs;

/** Lines from one page's text items: a new line on each end-of-line or vertical jump, a blank line at a paragraph gap. */
function pageText(items) {
  const lines = [];
  let line = '';
  let lastY = null;
  let lastHeight = 0;
  let gapBefore = false;
  const flush = () => {
    if (line.trim()) lines.push({ text: line.replace(/\s+$/, ''), gapBefore });
    line = '';
    gapBefore = false;
  };
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const y = item.transform[5];
    const height = Math.abs(item.height || item.transform[3]) || lastHeight;
    if (lastY !== null && Math.abs(y - lastY) > Math.max(height, lastHeight) * 0.5 && line) {
      const gap = Math.abs(lastY - y);
      flush();
      gapBefore = gap > Math.max(height, lastHeight) * 1.8;
    } else if (lastY !== null && lastY - y > Math.max(height, lastHeight) * 1.8) {
      gapBefore = true;
    }
    line += item.str;
    if (item.str) {
      lastY = y;
      lastHeight = height || lastHeight;
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines.map((l, i) => (i > 0 && l.gapBefore ? `\n${l.text}` : l.text)).join('\n');
}

/** Text in reading order and a paragraph preview, or why the PDF cannot be read. */
export async function convertPdf(bytes, password) {
  pdfjs ??= await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    password: password ?? undefined,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    const name = error?.name ?? '';
    if (name === 'PasswordException') {
      return password
        ? { ok: false, problem: 'the password is not right for this PDF.', code: 'wrong-password' }
        : {
            ok: false,
            problem: 'it is a PDF protected with a password.',
            code: 'password-required',
          };
    }
    return {
      ok: false,
      problem:
        'it is a damaged PDF and could not be read. Try opening it and saving or printing it to PDF again.',
    };
  }
  try {
    if (pdf.numPages > MAX_PAGES) {
      return {
        ok: false,
        problem: `it has ${pdf.numPages} pages; the limit is ${MAX_PAGES}. Split it into smaller PDFs and import those.`,
      };
    }
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent({ disableNormalization: false });
      pages.push(tidyText(pageText(content.items)));
      page.cleanup();
    }
    const text = pages.filter(Boolean).join('\n\n');
    const warnings = [];
    if (!text) {
      return {
        ok: false,
        problem:
          'it is a PDF with no text layer (a scan or fax, pictures of pages). Reading scans is not supported yet: run it through OCR (for example “Make searchable” in your scanner software) and import that.',
        code: 'no-text',
      };
    }
    const empty = pages.filter((p) => !p).length;
    if (empty > 0) {
      warnings.push(
        `${empty} of its ${pdf.numPages} pages have no text layer (scanned pages); their words are not in the app.`,
      );
    }
    return { ok: true, text, html: htmlOfText(text), warnings, source: 'pdf' };
  } finally {
    await pdf.destroy();
  }
}
