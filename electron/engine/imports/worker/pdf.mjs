// A PDF's text layer in reading order through pdf.js (legacy build, which runs in Node). Nothing
// in the file ever runs: no eval, no scripting, no XFA forms, no fonts loaded or fetched.
import { htmlOfText, tidyText } from './html-text.mjs';
import { OcrUnavailable } from './ocr.mjs';
import { pageText } from './page-layout.mjs';
import { grayOf, pnmOfGray } from './raster.mjs';
import {
  MAX_PAGE_PIXELS,
  MAX_PAGES as MAX_OCR_PAGES,
  ocrWarning,
  pageProblem,
  recognizePages,
  tooSmall,
} from './scan.mjs';

/** Most pages read from one PDF; denials and plan documents run to dozens, rarely hundreds. */
const MAX_PAGES = 1000;

let pdfjs;

/**
 * The picture a scanned page is: the largest image the page paints, taken from pdf.js's
 * operator list as decoded pixels (no canvas), as a grayscale PNM for OCR; null if it paints
 * none big enough to hold text. Throws a sentence when the image is too large to read.
 */
async function pageImage(page, number) {
  const { OPS } = pdfjs;
  const list = await page.getOperatorList();
  let best = null;
  for (let i = 0; i < list.fnArray.length; i++) {
    const op = list.fnArray[i];
    let image = null;
    if (op === OPS.paintImageXObject) {
      const name = list.argsArray[i][0];
      const objs = name.startsWith('g_') ? page.commonObjs : page.objs;
      image = await new Promise((resolve) => objs.get(name, resolve));
    } else if (op === OPS.paintInlineImageXObject) image = list.argsArray[i][0];
    if (!image?.data || !image.width || !image.height) continue;
    if (!best || image.width * image.height > best.width * best.height) best = image;
  }
  if (!best || tooSmall(best.width, best.height)) return null;
  const problem = pageProblem(best.width, best.height, `Page ${number}`);
  if (problem) throw Object.assign(new Error(problem), { tooLarge: true });
  return pnmOfGray(best.width, best.height, grayOf(best));
}

/** OCR of the pages with no text layer; their text by page index, and the mean confidence. */
async function recognizeScannedPages(pdf, numbers) {
  const read = new Map();
  let sum = 0;
  for (const number of numbers) {
    const page = await pdf.getPage(number);
    try {
      const { texts, confidence } = await recognizePages([await pageImage(page, number)]);
      if (texts.length) {
        read.set(number, tidyText(texts[0]));
        sum += confidence;
      }
    } finally {
      page.cleanup();
    }
  }
  return { read, confidence: read.size ? sum / read.size : null };
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
    // A page image larger than OCR would read is never decoded (it would only fill the heap).
    maxImageSize: MAX_PAGE_PIXELS,
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
    // Pages with no text layer are pictures of pages (a scan or fax): they are read by OCR.
    const scanned = pages.flatMap((p, i) => (p ? [] : [i + 1]));
    let ocr = { read: new Map(), confidence: null };
    if (scanned.length > MAX_OCR_PAGES) {
      return {
        ok: false,
        problem: `it has ${scanned.length} scanned pages (no text layer); OCR reads at most ${MAX_OCR_PAGES} from one file. Split it into smaller PDFs and import those.`,
      };
    }
    if (scanned.length > 0) {
      try {
        ocr = await recognizeScannedPages(pdf, scanned);
      } catch (error) {
        if (error instanceof OcrUnavailable) return { ok: false, problem: error.problem };
        if (error?.tooLarge) {
          return { ok: false, problem: `it is a scan too large to read: ${error.message}` };
        }
        return { ok: false, problem: 'a scanned page in it could not be read; it may be damaged.' };
      }
    }
    for (const [number, text] of ocr.read) pages[number - 1] = text;
    const fields = await filledFields(pdf);
    const text = [...pages.filter(Boolean), fields].filter(Boolean).join('\n\n');
    const warnings = await activeContent(pdf);
    if (!text) {
      return {
        ok: false,
        problem:
          'it is a PDF with no text layer (a scan or fax, pictures of pages), and OCR found no readable words on its pages. Check that the scan is not blank and is upright, or scan it again at 300 dpi.',
        code: 'no-text',
      };
    }
    if (ocr.read.size > 0) {
      const all = ocr.read.size === pdf.numPages;
      warnings.push(ocrWarning(ocr.confidence, all && pdf.numPages === 1 ? 0 : ocr.read.size));
    }
    const empty = pages.filter((p) => !p).length;
    if (empty > 0) {
      warnings.push(
        `${empty} of its ${pdf.numPages} pages have no text layer and no words OCR could read (blank or picture-only pages); nothing from them is in the app.`,
      );
    }
    return {
      ok: true,
      text,
      html: htmlOfText(text),
      warnings,
      source: ocr.read.size > 0 ? 'ocr' : 'pdf',
    };
  } finally {
    await pdf.destroy();
  }
}
