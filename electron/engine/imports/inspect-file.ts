// Decides, from its bytes alone, which reader a file goes to (.docx, Word 97–2003 .doc, PDF, a
// picture of a page: PNG, JPEG, TIFF) and
// whether it is safe to hand over, and if not, says exactly what it is: mammoth reports every
// non-zip the same way ("end of central directory").
import CFB from 'cfb';
import { zipSync } from 'fflate';
import { boundedUnzip, UnzipRefused } from './bounded-unzip';
import type { UnzipRefusal } from './bounded-unzip';
import type { ConvertFormat } from './convert-pool';
import { legacyWordProblem } from './legacy-word';
import { DOCX_UNZIP_LIMITS, IMPORT_LIMITS, MB } from './limits';

/**
 * Which reader may have a file. For a .docx, `verified` is the same document rebuilt from
 * contents unpacked within the limits: hand that, not the original bytes, to mammoth or docx.js.
 */
export type Inspection =
  | { ok: true; format: ConvertFormat; verified?: Buffer }
  | { ok: false; problem: string; code?: 'password-required' };

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Pictures of pages (scans, faxes, phone photos), read by OCR. */
const IMAGE_SIGNATURES: { format: ConvertFormat; signature: Buffer }[] = [
  { format: 'png', signature: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { format: 'jpeg', signature: Buffer.from([0xff, 0xd8, 0xff]) },
  { format: 'tiff', signature: Buffer.from([0x49, 0x49, 0x2a, 0x00]) },
  { format: 'tiff', signature: Buffer.from([0x4d, 0x4d, 0x00, 0x2a]) },
];

function inspectOle(bytes: Buffer, password: string | undefined): Inspection {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch {
    return { ok: false, problem: 'it is a damaged Office file and cannot be read.' };
  }
  // Stream names in an OLE file are case-insensitive; some writers spell them in capitals.
  const streams = new Map(container.FileIndex.map((e, i) => [e.name.toLowerCase(), i]));
  if (streams.has('encryptedpackage') || streams.has('encryptioninfo')) {
    // With a password the worker decrypts it in memory and reads the .docx inside.
    if (password) return { ok: true, format: 'docx' };
    return {
      ok: false,
      code: 'password-required',
      problem:
        'it is protected with a password. Import it again and give its password (it is used only to open the file and never kept).',
    };
  }
  const word = streams.get('worddocument');
  if (word !== undefined) {
    const content = container.FileIndex[word]!.content;
    const problem = legacyWordProblem(Buffer.from(content ?? []));
    return problem ? { ok: false, problem } : { ok: true, format: 'doc' };
  }
  return { ok: false, problem: 'it is an Office file but not a Word document.' };
}

const DOCUMENT_PART = /^word\/document\d*\.xml$/;

/** The sentence for a refused zip, following the file's name. */
function zipProblem(refusal: UnzipRefusal): string {
  switch (refusal.kind) {
    case 'too-many-entries':
    case 'total-too-large':
      return `it would unpack to more than ${IMPORT_LIMITS.maxUnzippedBytes / MB} MB or ${IMPORT_LIMITS.maxEntries} parts, far beyond any real letter; it was not opened.`;
    case 'entry-too-large':
      return `part ${refusal.entry} would unpack to more than ${refusal.limit / MB} MB, far beyond any real letter; it was not opened.`;
    case 'ratio':
      return `part ${refusal.entry} inflates ${refusal.ratio} times (a "zip bomb"); it was not opened.`;
    case 'lies':
      return `part ${refusal.entry} unpacks to more than the ${refusal.declared} bytes its zip declares (a "zip bomb"); unpacking was stopped and nothing was imported.`;
    case 'duplicate':
      return `it holds two parts named ${refusal.entry}, so what it contains is ambiguous; it was not opened.`;
    case 'encrypted':
      return `part ${refusal.entry} is encrypted; it cannot be read.`;
    default:
      return 'it is damaged or incomplete (the zip inside a .docx could not be read). Try saving it again in Word.';
  }
}

/**
 * Unpacks the zip within the limits, counting the bytes that really come out, and rebuilds it
 * from what was verified: mammoth and docx.js (JSZip) then read only content already measured,
 * never the original headers, which may lie.
 */
async function inspectZip(bytes: Buffer): Promise<Inspection> {
  let unzipped;
  try {
    unzipped = await boundedUnzip(bytes, { limits: DOCX_UNZIP_LIMITS });
  } catch (error) {
    if (error instanceof UnzipRefused) return { ok: false, problem: zipProblem(error.refusal) };
    throw error;
  }
  if (!unzipped.names.some((name) => DOCUMENT_PART.test(name))) {
    return {
      ok: false,
      problem:
        'it is a zip file but not a Word document (no word/document.xml inside): Excel, PowerPoint and other files cannot be imported.',
    };
  }
  // Stored, not compressed again: it lives only as long as one conversion.
  const verified = Buffer.from(zipSync(Object.fromEntries(unzipped.entries), { level: 0 }));
  return { ok: true, format: 'docx', verified };
}

/** Which reader may have `bytes`, or why none may (a sentence that follows the file's name). */
export async function inspectFile(
  bytes: Buffer,
  { password }: { password?: string | undefined } = {},
): Promise<Inspection> {
  if (bytes.length === 0) return { ok: false, problem: 'the file is empty.' };
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    return {
      ok: false,
      problem: `it is ${(bytes.length / MB).toFixed(1)} MB; the limit is ${IMPORT_LIMITS.maxFileBytes / MB} MB.`,
    };
  }
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) return inspectOle(bytes, password);
  if (bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) return inspectZip(bytes);
  const earlyWord = legacyWordProblem(bytes, { container: false });
  if (earlyWord) return { ok: false, problem: earlyWord };
  if (/^\s*\{\\rtf/.test(bytes.subarray(0, 16).toString('latin1'))) {
    return {
      ok: false,
      problem:
        'it is a Rich Text (.rtf) file. Open it in Word and save it as .docx, then import that.',
    };
  }
  // The header may follow a little junk (some fax gateways prepend a line); readers accept that.
  if (bytes.subarray(0, 1024).includes('%PDF-')) return { ok: true, format: 'pdf' };
  const image = IMAGE_SIGNATURES.find(({ signature }) =>
    bytes.subarray(0, signature.length).equals(signature),
  );
  if (image) return { ok: true, format: image.format };
  return {
    ok: false,
    problem: 'it is not a Word document, a PDF or a scanned image (PNG, JPEG, TIFF).',
  };
}
