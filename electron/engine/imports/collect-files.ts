// Turns what the user picked (files and folders) into the list of files to import.
import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { RefusedFile } from '../../contract/document';

/** What a folder is searched for: every format the importer reads. */
const RECORD_EXTENSIONS = new Set(['.docx', '.doc', '.docm', '.dotx', '.pdf']);

/** Files named directly, and the Word and PDF files directly inside named folders (sorted by name). */
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
          refused.push({ path, problem: 'this folder holds no Word or PDF files.' });
        files.push(...inside);
      } else {
        files.push(path);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      const why =
        code === 'ENOENT'
          ? 'no such file or folder'
          : code === 'EACCES'
            ? 'permission denied'
            : code;
      refused.push({ path, problem: `it cannot be read (${why}).` });
    }
  }
  return { files: [...new Set(files)], refused };
}
