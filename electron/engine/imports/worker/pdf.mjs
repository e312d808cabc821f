// A PDF's text layer in reading order through pdf.js (legacy build, which runs in Node). Nothing
// in the file ever runs: no eval, no scripting, no XFA forms, no fonts loaded or fetched.
import { htmlOfText, tidyText } from './html-text.mjs';

/** Most pages read from one PDF; denials and plan documents run to dozens, rarely hundreds. */
const MAX_PAGES = 1000;

let pdfjs;

/** Symbol-font bullets come out in the private use area; they read as bullets. */
const PRIVATE_BULLETS = /[\uf0a7\uf0b7\uf0d8\uf0fc\uf076]/g;

/**
 * One page's text items as lines, top to bottom and left to right: runs on one baseline make a
 * line, a wide horizontal gap between them a tab (table cells), a wide vertical gap a blank line.
 * A table cell that wraps continues on the rows below inside its own column: those words join
 * their cell, so a row of a medication table reads as one line, as in the Word original.
 */
function pageText(items, pageWidth) {
  const runs = [];
  for (const item of items) {
    if (typeof item.str !== 'string' || !item.str.trim()) continue;
    const [, , , scaleY, x, y] = item.transform;
    const size = Math.abs(item.height || scaleY) || 10;
    runs.push({
      x,
      y,
      end: x + (item.width ?? 0),
      size,
      str: item.str.replace(PRIVATE_BULLETS, '•'),
    });
  }
  // Rows by baseline; a run within half a line of a row's baseline belongs to it.
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows = [];
  for (const run of runs) {
    const row = rows.at(-1);
    if (row && Math.abs(row.y - run.y) <= Math.max(row.size, run.size) * 0.5) {
      row.runs.push(run);
      row.size = Math.max(row.size, run.size);
    } else rows.push({ y: run.y, size: run.size, runs: [run] });
  }
  const lines = [];
  for (const row of rows) {
    row.runs.sort((a, b) => a.x - b.x);
    const cells = [];
    for (const run of row.runs) {
      const cell = cells.at(-1);
      const gap = cell ? run.x - cell.end : 0;
      if (!cell || gap > row.size * 1.2)
        cells.push({ x: run.x, end: run.end, text: run.str.trim() });
      else {
        const joiner =
          gap > row.size * 0.15 && !/\s$/.test(cell.text) && !/^\s/.test(run.str) ? ' ' : '';
        cell.text = (cell.text + joiner + run.str).replace(/\s+/g, ' ').trim();
        cell.end = run.end;
      }
    }
    const previous = lines.at(-1);
    const gapBefore = previous
      ? previous.y - row.y > Math.max(previous.size, row.size) * 1.8
      : false;
    const table = previous?.cells.length > 1 ? previous : null;
    const column = (cell) =>
      table?.cells.findIndex((c) => Math.abs(c.x - cell.x) <= Math.max(3, row.size * 0.3)) ?? -1;
    if (
      table &&
      !gapBefore &&
      cells.length < table.cells.length &&
      cells.every((c) => column(c) >= 0)
    ) {
      for (const cell of cells) {
        const into = table.cells[column(cell)];
        into.text = into.text.endsWith('-') ? into.text + cell.text : `${into.text} ${cell.text}`;
      }
      table.y = row.y;
      continue;
    }
    lines.push({ y: row.y, size: row.size, cells, gapBefore });
  }
  const text = (l) =>
    l.cells
      .map((c) => c.text)
      .join('\t')
      .replace(/^•\t/, '• ');
  // A line that runs to the right margin was wrapped by the layout, not by the writer: it joins
  // the next line of its paragraph, so a sentence reads as one. Margins are taken as even.
  const left = Math.min(...lines.map((l) => l.cells[0].x));
  const wrapped = (l) =>
    l.cells.length === 1 && l.cells[0].end > left + (pageWidth - 2 * left) * 0.7;
  let out = '';
  lines.forEach((l, i) => {
    const previous = lines[i - 1];
    if (i === 0) out = text(l);
    else if (l.gapBefore) out += `\n\n${text(l)}`;
    else if (
      wrapped(previous) &&
      l.cells.length === 1 &&
      // A heading (a larger size) is never the start of the paragraph under it.
      Math.abs(previous.size - l.size) <= l.size * 0.1 &&
      // A bullet or a "Label: value" line starts afresh however long the line before it.
      !/^([•\-–]|[A-Z][\w #/().-]{0,40}:\s)/.test(text(l))
    ) {
      out += previous.cells[0].text.endsWith('-') ? text(l) : ` ${text(l)}`;
    } else out += `\n${text(l)}`;
  });
  return out;
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
      const [x0, , x1] = page.view;
      pages.push(tidyText(pageText(content.items, x1 - x0)));
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
