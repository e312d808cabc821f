// Saves a case's original documents into a folder the user chose, under names made safe: a
// document's name can never place a file outside that folder or replace a file already there.
import type { Database } from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../contract/errors';
import type { SavedOriginals } from '../../contract/safety';
import { numbered, pathInside } from '../../security/safe-file-name';

export function saveOriginals(db: Database, caseId: number, folder: string): SavedOriginals {
  if (db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) === undefined) {
    throw new AppError('not-found', `No case with id ${caseId}; it may have been deleted.`);
  }
  const root = resolve(folder);
  try {
    mkdirSync(root, { recursive: true });
  } catch (error) {
    throw new AppError(
      'invalid-input',
      `Cannot use ${root} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose a folder you may write to.`,
      'folder',
    );
  }
  const docs = db
    .prepare(
      `SELECT d.file_name AS fileName, c.bytes FROM documents d
       JOIN document_contents c ON c.document_id = d.id WHERE d.case_id = ? ORDER BY d.id`,
    )
    .all(caseId) as { fileName: string; bytes: Buffer }[];
  const files: string[] = [];
  for (const doc of docs) {
    for (let n = 1; ; n++) {
      const target = pathInside(root, n === 1 ? doc.fileName : numbered(doc.fileName, n));
      try {
        // "wx": never replace an existing file, and never follow a link planted in its place.
        writeFileSync(target, doc.bytes, { flag: 'wx', mode: 0o600 });
        files.push(target);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }
  return { folder: root, files };
}
