// Optical character recognition for scans and faxes, offline: tesseract.js with the English
// data shipped in @tesseract.js-data/eng and the wasm core from tesseract.js-core, both read
// from node_modules. Nothing is downloaded or cached: `langPath` is a local folder and
// `cacheMethod: 'none'` keeps tesseract from writing the data anywhere. One recognizer per
// import worker, started on the first scan and kept while the worker lives.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pageText } from './page-layout.mjs';

// Not named `require`: the bundler adds a `require` of its own to ESM chunks.
const resolveHere = createRequire(import.meta.url);

/**
 * The folder holding eng.traineddata.gz. The "best_int" model is tesseract.js's own default for
 * the LSTM engine: as accurate on printed pages as the larger one, and a quarter the size.
 * In a packaged app the data is unpacked beside the archive (electron-builder.yml).
 */
export function englishDataFolder() {
  const folder = join(
    dirname(resolveHere.resolve('@tesseract.js-data/eng/package.json')),
    '4.0.0_best_int',
  );
  return folder.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

let recognizer;

/** The OCR engine itself could not start (its files are missing or damaged): not the file's fault. */
export class OcrUnavailable extends Error {
  problem =
    'it is a scan, and the app’s OCR engine could not start to read it. Reinstall Advocate Desk, then import it again.';
}

async function startRecognizer() {
  const { createWorker, OEM } = await import('tesseract.js');
  return createWorker('eng', OEM.LSTM_ONLY, {
    langPath: englishDataFolder(),
    gzip: true,
    cacheMethod: 'none',
    // Its own worker thread; a failure there rejects the call instead of crashing this worker.
    errorHandler: () => {},
  });
}

/** The median of `values` (0 for none). */
function median(values) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * A word less the table rules OCR takes for characters: a lone bar, or a bar or bracket with no
 * partner at either end of a word ("|", "[01/2020", "daily|").
 */
function withoutRules(word) {
  let text = word.trim().replace(/^\|+|\|+$/g, '');
  if (text.startsWith('[') && !text.includes(']')) text = text.slice(1);
  if (text.endsWith(']') && !text.includes('[')) text = text.slice(0, -1);
  return text.trim();
}

/**
 * OCR's words as text runs on a page, for the layout a PDF's text gets (page-layout.mjs): a
 * table row stays one line with its cells apart. A scan is rarely square to the page, so the
 * words are first turned by the page's skew (the median slope of the long lines' baselines),
 * and pixel rows, counted downward, become a PDF's upward y.
 */
function runsOfWords(blocks) {
  const lines = (blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
  const slopes = lines
    .filter((l) => l.baseline && l.baseline.x1 - l.baseline.x0 > 100)
    .map((l) => Math.atan2(l.baseline.y1 - l.baseline.y0, l.baseline.x1 - l.baseline.x0));
  const angle = median(slopes);
  const [cos, sin] = [Math.cos(-angle), Math.sin(-angle)];
  const turn = (x, y) => [x * cos - y * sin, x * sin + y * cos];
  const runs = [];
  for (const line of lines) {
    const size = Math.max(4, (line.rowAttributes?.rowHeight || line.bbox.y1 - line.bbox.y0) * 0.8);
    const { x0, y0, x1, y1 } = line.baseline ?? { ...line.bbox, y0: line.bbox.y1 };
    const slope = x1 > x0 ? (y1 - y0) / (x1 - x0) : 0;
    for (const word of line.words) {
      const text = withoutRules(word.text);
      if (!text) continue;
      const baseline = y0 + slope * (word.bbox.x0 - x0);
      const [x, y] = turn(word.bbox.x0, baseline);
      runs.push({
        str: text,
        transform: [1, 0, 0, size, x, -y],
        width: word.bbox.x1 - word.bbox.x0,
        height: size,
      });
    }
  }
  return runs;
}

/**
 * Reads one page image (PNG, JPEG, BMP or PNM bytes) with tesseract; its text laid out as a
 * PDF's would be, and the mean confidence of its words (0–100), or null for a page with no words.
 */
export async function recognizePage(image) {
  recognizer ??= startRecognizer();
  let worker;
  try {
    worker = await recognizer;
  } catch {
    recognizer = undefined;
    throw new OcrUnavailable();
  }
  const { data } = await worker.recognize(Buffer.from(image), {}, { text: true, blocks: true });
  const runs = runsOfWords(data.blocks);
  if (!runs.length || !(data.text ?? '').trim()) return { text: '', confidence: null };
  const xs = runs.map((r) => r.transform[4] + r.width);
  const text = pageText(runs, Math.max(...xs) + Math.min(...runs.map((r) => r.transform[4])));
  return { text, confidence: data.confidence };
}
