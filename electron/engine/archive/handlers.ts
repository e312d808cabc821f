// Calls for moving a whole library to another computer: export it to one archive, import one.
import { resolve } from 'node:path';
import type { EngineContext, HandlerSet } from '../context';
import { saveOriginals } from '../documents/save-originals';
import { exportArchive } from './export';
import { readArchive, writeArchive } from './import';

export function archiveHandlers({
  db,
  appVersion,
}: EngineContext): HandlerSet<'archive.export' | 'archive.import' | 'documents.saveOriginals'> {
  return {
    // Runs in the engine's read transaction: one consistent snapshot of the library.
    'archive.export': ({ out }) => exportArchive(db, resolve(out), appVersion),
    // Checked in full first, then written in one transaction (the engine leaves this call to us
    // so that reading and checking a large archive never holds the write lock).
    'archive.import': ({ file }) => {
      const archive = readArchive(resolve(file));
      return db.transaction(() => writeArchive(db, archive)).immediate();
    },
    // Getting a case's originals out (to attach to an appeal), under safe names.
    'documents.saveOriginals': ({ caseId, folder }) => saveOriginals(db, caseId, folder),
  };
}
