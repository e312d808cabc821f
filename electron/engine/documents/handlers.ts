// A case's documents a page at a time, and a document's bytes: for a download, for an app that
// opens it, or written to a chosen file.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../contract/errors';
import type { DocumentFile } from '../../contract/letter';
import type { EngineContext, HandlerSet } from '../context';
import { openDocumentCopy } from './open-document';
import { documentQueries } from './queries';

type FileCalls = 'documents.list' | 'documents.file' | 'documents.saveTo' | 'documents.open';

export function documentFileHandlers({ db, openFile }: EngineContext): HandlerSet<FileCalls> {
  const read = db.prepare(
    `SELECT d.file_name AS fileName, d.media_type AS mediaType, c.bytes
     FROM documents d JOIN document_contents c ON c.document_id = d.id WHERE d.id = ?`,
  );
  const file = (id: number) => {
    const row = read.get(id) as { fileName: string; mediaType: string; bytes: Buffer } | undefined;
    if (!row)
      throw new AppError('not-found', `No document with id ${id}; it may have been deleted.`);
    return row;
  };
  const documents = documentQueries(db);
  const caseExists = db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck();
  return {
    'documents.list': ({ caseId, limit, offset }) => {
      if (caseExists.get(caseId) === undefined) {
        throw new AppError('not-found', `No case with id ${caseId}; it may have been deleted.`);
      }
      return {
        total: documents.countForCase(caseId),
        items: documents.forCase(caseId, limit, offset),
      };
    },
    'documents.file': ({ id }): DocumentFile => {
      const { bytes, ...rest } = file(id);
      return { ...rest, contentBase64: bytes.toString('base64') };
    },
    'documents.saveTo': ({ id, path }) => {
      const { bytes } = file(id);
      const target = resolve(path);
      try {
        // A new file is readable by its owner only; a file the user chose to replace keeps its mode.
        writeFileSync(target, bytes, { mode: 0o600 });
      } catch (error) {
        const reason =
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'its folder does not exist'
            : (error as Error).message;
        throw new AppError('invalid-input', `Could not save to ${target}: ${reason}.`, 'path');
      }
      return { path: target };
    },
    // Self-transacted: the bytes are read in one statement, and the app opening them is slow.
    'documents.open': async ({ id }) => {
      const { fileName, bytes } = file(id);
      try {
        return { path: await openDocumentCopy(id, fileName, bytes, openFile) };
      } catch (error) {
        throw new AppError('internal', `Could not open ${fileName}: ${(error as Error).message}.`);
      }
    },
  };
}
