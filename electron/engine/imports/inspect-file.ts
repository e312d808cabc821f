// Decides, from its bytes alone, whether a file is a .docx we can safely convert, and if not, says
// exactly what it is: mammoth reports every non-zip the same way ("end of central directory").
import CFB from 'cfb';
import yauzl from 'yauzl';
import { IMPORT_LIMITS, MB } from './limits';

export type Inspection = { ok: true } | { ok: false; problem: string };

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function inspectOle(bytes: Buffer): Inspection {
  let names: string[] = [];
  try {
    names = CFB.read(bytes, { type: 'buffer' }).FullPaths.map(
      (p) => p.split('/').filter(Boolean).pop() ?? '',
    );
  } catch {
    return { ok: false, problem: 'it is a damaged Office file and cannot be read.' };
  }
  if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) {
    return {
      ok: false,
      problem:
        'it is protected with a password. Open it in Word, remove the password (File › Info › Protect Document), save, and import it again.',
    };
  }
  if (names.includes('WordDocument')) {
    return {
      ok: false,
      problem:
        'it is an old Word 97–2003 document (.doc). Open it in Word and save it as .docx (File › Save As › Word Document), then import that.',
    };
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
            ? { ok: true }
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

/** Whether `bytes` may be handed to mammoth, or why not (a sentence that follows the file's name). */
export async function inspectFile(bytes: Buffer): Promise<Inspection> {
  if (bytes.length === 0) return { ok: false, problem: 'the file is empty.' };
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    return {
      ok: false,
      problem: `it is ${(bytes.length / MB).toFixed(1)} MB; the limit is ${IMPORT_LIMITS.maxFileBytes / MB} MB.`,
    };
  }
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) return inspectOle(bytes);
  if (bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) return inspectZip(bytes);
  if (/^\s*\{\\rtf/.test(bytes.subarray(0, 16).toString('latin1'))) {
    return {
      ok: false,
      problem:
        'it is a Rich Text (.rtf) file. Open it in Word and save it as .docx, then import that.',
    };
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    return {
      ok: false,
      problem: 'it is a PDF, not a Word document. Only .docx files can be imported for now.',
    };
  }
  return { ok: false, problem: 'it is not a Word document (.docx).' };
}
