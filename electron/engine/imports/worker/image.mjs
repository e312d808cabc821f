// Pictures of pages (PNG, JPEG, multi-page TIFF as fax software saves them) read by OCR.
// PNG and JPEG go to tesseract as they are; a TIFF is split into frames by UTIF and each frame
// handed over as grayscale.
import UTIF from 'utif';
import { htmlOfText, tidyText } from './html-text.mjs';
import { grayOf, imageSize, pnmOfGray } from './raster.mjs';
import { OcrUnavailable } from './ocr.mjs';
import { MAX_PAGES, ocrWarning, pageProblem, recognizePages } from './scan.mjs';

const noWords = {
  ok: false,
  problem:
    'it is a picture of a page, and OCR found no readable words in it. Check that it is not blank and is upright, or scan it again at 300 dpi.',
  code: 'no-text',
};

function result(texts, confidence, pages) {
  if (!texts.length) return noWords;
  const text = tidyText(texts.join('\n\n'));
  return {
    ok: true,
    text,
    html: htmlOfText(text),
    warnings: [ocrWarning(confidence, pages > 1 ? texts.length : 0)],
    source: 'ocr',
  };
}

/** A PNG or JPEG photo or scan of a page. */
export async function convertPicture(bytes) {
  const buffer = Buffer.from(bytes);
  const size = imageSize(buffer);
  if (!size) return { ok: false, problem: 'it is a damaged image and could not be read.' };
  const problem = pageProblem(size.width, size.height, 'The image');
  if (problem) return { ok: false, problem: `it is too large to read: ${problem}` };
  try {
    const { texts, confidence } = await recognizePages([buffer]);
    return result(texts, confidence, 1);
  } catch (error) {
    if (error instanceof OcrUnavailable) return { ok: false, problem: error.problem };
    return { ok: false, problem: 'it is a damaged image and could not be read.' };
  }
}

/** Every page of a TIFF (a fax), each frame read as grayscale. */
export async function convertTiff(bytes) {
  const buffer = new Uint8Array(bytes).buffer;
  let frames;
  try {
    frames = UTIF.decode(buffer).filter((f) => f.t256 && f.t257);
  } catch {
    frames = [];
  }
  if (!frames.length)
    return { ok: false, problem: 'it is a damaged TIFF image and could not be read.' };
  if (frames.length > MAX_PAGES) {
    return {
      ok: false,
      problem: `it has ${frames.length} pages; OCR reads at most ${MAX_PAGES} from one file. Split it and import the parts.`,
    };
  }
  for (const [i, frame] of frames.entries()) {
    const problem = pageProblem(frame.t256[0], frame.t257[0], `Page ${i + 1}`);
    if (problem) return { ok: false, problem: `it is too large to read: ${problem}` };
  }
  // Decoded one frame at a time, so only one page's pixels are held at once.
  function* pages() {
    for (const frame of frames) {
      UTIF.decodeImage(buffer, frame);
      const rgba = UTIF.toRGBA8(frame);
      const { width, height } = frame;
      frame.data = null;
      yield pnmOfGray(width, height, grayOf({ width, height, data: rgba, channels: 4 }));
    }
  }
  try {
    const { texts, confidence } = await recognizePages(pages());
    return result(texts, confidence, frames.length);
  } catch (error) {
    if (error instanceof OcrUnavailable) return { ok: false, problem: error.problem };
    return { ok: false, problem: 'it is a damaged TIFF image and could not be read.' };
  }
}
