// Imports Word files into a case: check each file, convert it off the main thread, then store
// it (bytes, HTML, text, warnings) in one short transaction. A refused file writes nothing; the
// others go on.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { DocumentInfo, RefusedFile } from '../../contract/document';
import { AppError } from '../../contract/errors';
import type { EngineContext, HandlerSet } from '../context';
import { touchCase } from '../cases/touch';
import { documentQueries } from '../documents/queries';
import { collectFiles } from './collect-files';
import { convertDocx } from './convert-docx';
import { inspectFile } from './inspect-file';
import { IMPORT_LIMITS, MB } from './limits';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function importHandlers({
  db,
}: EngineContext): HandlerSet<'documents.get' | 'documents.import'> {
  const documents = documentQueries(db);
  const touch = touchCase(db);
  const caseExists = db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck();

  /** Reads, checks and converts one file; the reason it was refused, or the document stored. */
  const importOne = async (caseId: number, path: string): Promise<DocumentInfo | string> => {
    let bytes: Buffer;
    try {
      const size = statSync(path).size;
      if (size > IMPORT_LIMITS.maxFileBytes) {
        return `it is ${(size / MB).toFixed(1)} MB; the limit is ${IMPORT_LIMITS.maxFileBytes / MB} MB.`;
      }
      bytes = readFileSync(path);
    } catch (error) {
      return `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`;
    }
    const inspection = await inspectFile(bytes);
    if (!inspection.ok) return inspection.problem;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (documents.hasChecksum(caseId, sha256)) return 'it is already in this case (same content).';
    const converted = await convertDocx(bytes);
    if (!converted.ok) return converted.problem;
    try {
      return db
        .transaction(() => {
          touch(caseId);
          return documents.add({
            caseId,
            fileName: basename(path),
            mediaType: DOCX,
            origin: 'imported',
            text: converted.text,
            html: converted.html,
            warnings: converted.warnings,
            note: null,
            bytes,
          });
        })
        .immediate();
    } catch (error) {
      if (error instanceof AppError) return error.message;
      throw error;
    }
  };

  return {
    'documents.get': ({ id }) => documents.view(id),
    'documents.import': async ({ caseId, paths }) => {
      if (caseExists.get(caseId) === undefined) {
        throw new AppError('not-found', `No case with id ${caseId}; it may have been deleted.`);
      }
      const { files, refused } = collectFiles(paths);
      const imported: DocumentInfo[] = [];
      const problems: RefusedFile[] = [...refused];
      for (const path of files) {
        const result = await importOne(caseId, path);
        if (typeof result === 'string') problems.push({ path, problem: result });
        else imported.push(result);
      }
      return { imported, refused: problems };
    },
  };
}
