// Calls for moving a whole library to another computer: export it to one archive, import one.
import { resolve } from 'node:path';
import type { EngineContext, HandlerSet } from '../context';
import { saveOriginals } from '../documents/save-originals';
import { exportArchive } from './export';
import { importArchive } from './import';
import { recoverInterruptedImport } from './import-journal';

export function archiveHandlers({
  db,
  appVersion,
}: EngineContext): HandlerSet<'archive.export' | 'archive.import' | 'documents.saveOriginals'> {
  // An import a crash interrupted is removed before anything else sees the library.
  recoverInterruptedImport(db);
  return {
    // Runs in the engine's read transaction: one consistent snapshot of the library.
    'archive.export': ({ out }) => exportArchive(db, resolve(out), appVersion),
    // Checked in full first, then written in short transactions, all or nothing (the engine
    // leaves this call to us so that reading a large archive never holds the write lock).
    'archive.import': ({ file }) => importArchive(db, resolve(file)),
    // Getting a case's originals out (to attach to an appeal), under safe names.
    'documents.saveOriginals': ({ caseId, folder }) => saveOriginals(db, caseId, folder),
  };
}
