// Writes converted files into a case, several to a transaction. A commit waits for the disk
// (synchronous = FULL), and every document added on its own rewrites the case's whole search
// row; files that finish converting together are therefore written together, each in its own
// savepoint, and the case's search row once at the end. A file refused while being written (its
// content already in the case, the case deleted) leaves nothing of itself; the others are kept.
import type { Database } from 'better-sqlite3';
import type { DocumentInfo } from '../../contract/document';
import { AppError } from '../../contract/errors';
import { touchCase } from '../cases/touch';
import { retryWhileBusy } from '../db/busy';
import { documentQueries, type NewDocument } from '../documents/queries';
import { withCaseIndexHeld } from '../search/held-index';

/** A converted file as it will be stored. */
export type ConvertedDocument = Omit<NewDocument, 'caseId' | 'origin' | 'note'>;

/** Why a file was refused while being written. */
export interface StoreRefusal {
  problem: string;
}

export function documentStore(db: Database) {
  const documents = documentQueries(db);
  const touch = touchCase(db);

  // Nested inside the batch's transaction, better-sqlite3 runs this in a savepoint: a file that
  // throws rolls back its own rows only.
  const addOne = db.transaction((caseId: number, doc: ConvertedDocument) => {
    touch(caseId);
    return documents.add({ ...doc, caseId, origin: 'imported', note: null });
  });

  const writeAll = db.transaction((caseId: number, docs: ConvertedDocument[]) =>
    withCaseIndexHeld(
      db,
      () =>
        docs.map((doc): DocumentInfo | StoreRefusal => {
          try {
            return addOne(caseId, doc);
          } catch (error) {
            if (error instanceof AppError) return { problem: error.message };
            throw error;
          }
        }),
      () => [caseId],
    ),
  );

  return {
    /**
     * Stores `docs` in `caseId` in one transaction, in order: each one's document, or why it was
     * refused. Another process's lock is waited for on timers; any other failure writes nothing
     * of the batch and is thrown.
     */
    storeAll: (caseId: number, docs: ConvertedDocument[]) =>
      retryWhileBusy(() => writeAll.immediate(caseId, docs)),
  };
}
