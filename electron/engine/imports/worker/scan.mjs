// Scanned pages read by OCR, within bounds: at most MAX_PAGES pages and MAX_PAGE_PIXELS pixels a
// page, so one fax cannot hold a worker for long (the pool's time limit for scans stops the rest).
// The text is marked as OCR's with its confidence: names, dates and numbers are where OCR slips.
import { recognizePage } from './ocr.mjs';

/** Most pages read by OCR from one file: faxed records run to a few dozen. */
export const MAX_PAGES = 50;
/** Most pixels in one page image: a Letter page at 600 dpi is about 34 million. */
export const MAX_PAGE_PIXELS = 40_000_000;
/** Smaller than this either way, an image is a logo or a rule, not a page of text. */
const MIN_SIDE = 32;

/** The warning stored with a document whose words came from OCR. */
export function ocrWarning(confidence, pages) {
  const where = pages ? ` on ${pages === 1 ? '1 page' : `${pages} pages`}` : '';
  return `Read by OCR${where} (mean confidence ${Math.round(confidence)}%): check names, dates and numbers against the original.`;
}

/** Why a page image cannot be read, or null when it may be. */
export function pageProblem(width, height, label) {
  if (width * height > MAX_PAGE_PIXELS) {
    return `${label} is ${width} × ${height} pixels, more than the ${MAX_PAGE_PIXELS / 1e6} million a page may have. Scan it again at 300 dpi and import that.`;
  }
  return null;
}

export const tooSmall = (width, height) => width < MIN_SIDE || height < MIN_SIDE;

/**
 * OCR of `pages` (each an image tesseract reads, or null for a page with nothing to read), in
 * order: the text of the pages with words, their mean confidence, and how many had words.
 */
export async function recognizePages(pages) {
  const texts = [];
  const confidences = [];
  for (const image of pages) {
    if (!image) continue;
    const { text, confidence } = await recognizePage(image);
    if (!text) continue;
    texts.push(text);
    confidences.push(confidence);
  }
  const mean = confidences.length
    ? confidences.reduce((a, b) => a + b, 0) / confidences.length
    : null;
  return { texts, confidence: mean };
}
