// A PDF's text layer in reading order through pdf.js (legacy build, which runs in Node). Nothing
// in the file ever runs: no eval, no scripting, no XFA forms, no fonts loaded or fetched.
import { htmlOfText, tidyText } from './html-text.mjs';

/** Most pages read from one PDF; denials and plan documents run to dozens, rarely hundreds. */
const MAX_PAGES = 1000;

let pdfjs;

/** Symbol-font bullets come out in the private use area; they read as bullets. */
const PRIVATE_BULLETS = /[\uf0a7\uf0b7\uf0d8\uf0fc\uf076]/g;

/**
 * Lines from one page's text items, in the order the page draws them (a letter's reading
 * order): a new line on each end-of-line or vertical jump, a blank line at a paragraph gap, and
 * a tab where a wide horizontal gap separates table cells on one line.
 */
function pageText(items) {
  const lines = [];
  let line = '';
  let lastY = null;
  let lastEnd = null;
  let lastHeight = 0;
  let gapBefore = false;
  const flush = () => {
    if (line.trim()) lines.push({ text: line.replace(/\s+$/, ''), gapBefore });
    line = '';
    lastEnd = null;
    gapBefore = false;
  };
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    // Spaces pdf.js inserts between runs are decided again below from the runs' positions.
    if (!item.str.trim()) {
      if (item.hasEOL) flush();
      continue;
    }
    const [, , , scaleY, x, y] = item.transform;
    const height = Math.abs(item.height || scaleY) || lastHeight;
    const size = Math.max(height, lastHeight) || 10;
    if (lastY !== null && Math.abs(y - lastY) > size * 0.5) {
      if (line) flush();
      gapBefore = lastY - y > size * 1.8;
    } else if (lastEnd !== null) {
      const gap = x - lastEnd;
      if (gap > size * 1.2) line = line.replace(/ +$/, '') + '\t';
      else if (gap > size * 0.15 && !/\s$/.test(line) && !/^\s/.test(item.str)) line += ' ';
    }
    line += item.str.replace(PRIVATE_BULLETS, '•');
    lastY = y;
    lastHeight = height || lastHeight;
    lastEnd = x + (item.width ?? 0);
    if (item.hasEOL) flush();
  }
  flush();
  for (const l of lines) l.text = l.text.replace(/^•\t/, '• ');
  return lines.map((l, i) => (i > 0 && l.gapBefore ? `\n${l.text}` : l.text)).join('\n');
}

/** What a filled-in form says ("Field: value"), which is not part of the pages' text layer. */
async function filledFields(pdf) {
  try {
    const fields = (await pdf.getFieldObjects()) ?? {};
    const lines = [];
    for (const [name, widgets] of Object.entries(fields)) {
      const value = widgets.map((w) => w.value).find((v) => typeof v === 'string' && v.trim());
      if (value) lines.push(`${name}: ${value.trim()}`);
    }
    return lines.length ? `Form fields\n${lines.join('\n')}` : '';
  } catch {
    return '';
  }
}

/** Says what active content a PDF carries; none of it is ever run or opened. */
async function activeContent(pdf) {
  const found = [];
  try {
    if (await pdf.getJSActions()) found.push('scripts');
  } catch {
    // Unreadable script entries are no more dangerous than readable ones: nothing runs them.
  }
  try {
    if (Object.keys((await pdf.getAttachments()) ?? {}).length > 0) found.push('attached files');
  } catch {
    // As above.
  }
  return found.length
    ? [
        `This PDF carries ${found.join(' and ')}; the app never runs or opens them, and shows only its text.`,
      ]
    : [];
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
    const fields = await filledFields(pdf);
    const text = [...pages.filter(Boolean), fields].filter(Boolean).join('\n\n');
    const warnings = await activeContent(pdf);
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
