// Decides, from its bytes alone, which reader a file goes to (.docx, Word 97–2003 .doc, PDF) and
// whether it is safe to hand over, and if not, says exactly what it is: mammoth reports every
// non-zip the same way ("end of central directory").
import CFB from 'cfb';
import yauzl from 'yauzl';
import type { ConvertFormat } from './convert-pool';
import { legacyWordProblem } from './legacy-word';
import { IMPORT_LIMITS, MB } from './limits';

export type Inspection =
  { ok: true; format: ConvertFormat } | { ok: false; problem: string; code?: 'password-required' };

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

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

/** Reads the zip's central directory (no inflating) and checks sizes, ratios and the Word part. */
function inspectZip(bytes: Buffer): Promise<Inspection> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) {
        resolve({
          ok: false,
          problem:
            'it is damaged or incomplete (the zip inside a .docx could not be read). Try saving it again in Word.',
        });
        return;
      }
      let entries = 0;
      let total = 0;
      let hasDocument = false;
      const finish = (result: Inspection) => {
        zip.close();
        resolve(result);
      };
      zip.on('error', () =>
        finish({
          ok: false,
          problem:
            'it is damaged or incomplete (the zip inside a .docx is broken). Try saving it again in Word.',
        }),
      );
      zip.on('entry', (entry: yauzl.Entry) => {
        entries += 1;
        total += entry.uncompressedSize;
        if (
          entry.fileName === 'word/document.xml' ||
          /^word\/document\d*\.xml$/.test(entry.fileName)
        )
          hasDocument = true;
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
        if (entries > IMPORT_LIMITS.maxEntries || total > IMPORT_LIMITS.maxUnzippedBytes) {
          finish({
            ok: false,
            problem: `it would unpack to more than ${IMPORT_LIMITS.maxUnzippedBytes / MB} MB or ${IMPORT_LIMITS.maxEntries} parts, far beyond any real letter; it was not opened.`,
          });
        } else if (ratio > IMPORT_LIMITS.maxRatio && entry.uncompressedSize > MB) {
          finish({
            ok: false,
            problem: `part ${entry.fileName} inflates ${Math.round(ratio)} times (a "zip bomb"); it was not opened.`,
          });
        } else {
          zip.readEntry();
        }
      });
      zip.on('end', () =>
        finish(
          hasDocument
            ? { ok: true, format: 'docx' }
            : {
                ok: false,
                problem:
                  'it is a zip file but not a Word document (no word/document.xml inside): Excel, PowerPoint and other files cannot be imported.',
              },
        ),
      );
      zip.readEntry();
    });
  });
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
  return { ok: false, problem: 'it is not a Word document or a PDF.' };
}
