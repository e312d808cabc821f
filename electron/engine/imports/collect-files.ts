// Turns what the user picked (files and folders) into the list of files to import.
import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { RefusedFile } from '../../contract/document';
import { checkRegularFile, readProblem } from '../../security/regular-file';

/** What a folder is searched for: every format the importer reads. */
const RECORD_EXTENSIONS = new Set([
  ...['.docx', '.doc', '.docm', '.dotx', '.pdf'],
  // Scans and faxes, read by OCR.
  ...['.png', '.jpg', '.jpeg', '.tif', '.tiff'],
]);

/** Files named directly, and the records (Word, PDF, scans) directly inside named folders (by name). */
export function collectFiles(paths: readonly string[]): {
  files: string[];
  refused: RefusedFile[];
} {
  const files: string[] = [];
  const refused: RefusedFile[] = [];
  for (const given of paths) {
    const path = resolve(given);
    try {
      if (statSync(path).isDirectory()) {
        const inside = readdirSync(path, { withFileTypes: true })
          .filter(
            (e) =>
              e.isFile() &&
              RECORD_EXTENSIONS.has(extname(e.name).toLowerCase()) &&
              !e.name.startsWith('~$'),
          )
          .map((e) => join(path, e.name))
          .sort((a, b) => a.localeCompare(b));
        if (inside.length === 0)
          refused.push({ path, problem: 'this folder holds no Word, PDF or scanned image files.' });
        files.push(...inside);
      } else {
        // A device, pipe or socket (or a link to one) is refused here, before anything reads it.
        const check = checkRegularFile(path);
        if (check.ok) files.push(path);
        else refused.push({ path, problem: check.problem });
      }
    } catch (error) {
      refused.push({ path, problem: readProblem(error) });
    }
  }
  return { files: [...new Set(files)], refused };
}
