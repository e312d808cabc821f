// Imports Word files into a case: check each file, convert it off the main thread, then store
// it (bytes, HTML, text, warnings) in one short transaction. A refused file writes nothing; the
// others go on.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { DocumentInfo, RefusedFile } from '../../contract/document';
import { AppError } from '../../contract/errors';
import { readRegularFile } from '../../security/regular-file';
import type { EngineContext, HandlerSet } from '../context';
import { touchCase } from '../cases/touch';
import { retryWhileBusy } from '../db/busy';
import { documentQueries } from '../documents/queries';
import { proposeFacts } from '../facts/extract';
import { collectFiles } from './collect-files';
import { convertDocx } from './convert-docx';
import { inspectFile } from './inspect-file';
import { IMPORT_LIMITS, MB } from './limits';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function importHandlers({
  db,
}: EngineContext): HandlerSet<
  'documents.get' | 'documents.import' | 'documents.importFile' | 'documents.proposeFacts'
> {
  const documents = documentQueries(db);
  const touch = touchCase(db);
  const caseExists = db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck();

  const requireCase = (caseId: number) => {
    if (caseExists.get(caseId) === undefined) {
      throw new AppError('not-found', `No case with id ${caseId}; it may have been deleted.`);
    }
  };

  /** Checks and converts one file's bytes, then stores them; the document, or why it was refused. */
  const importBytes = async (
    caseId: number,
    fileName: string,
    bytes: Buffer,
  ): Promise<DocumentInfo | string> => {
    const inspection = await inspectFile(bytes);
    if (!inspection.ok) return inspection.problem;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (documents.hasChecksum(caseId, sha256)) return 'it is already in this case (same content).';
    const converted = await convertDocx(inspection.verified ?? bytes);
    if (!converted.ok) return converted.problem;
    try {
      // Another process's lock is waited for on timers, file by file.
      return await retryWhileBusy(() =>
        db
          .transaction(() => {
            touch(caseId);
            return documents.add({
              caseId,
              fileName,
              mediaType: DOCX,
              origin: 'imported',
              text: converted.text,
              html: converted.html,
              warnings: converted.warnings,
              note: null,
              bytes,
            });
          })
          .immediate(),
      );
    } catch (error) {
      if (error instanceof AppError) return error.message;
      throw error;
    }
  };

  /** Reads a plain file from disk within the size limit; its bytes, or why it cannot be imported. */
  const readWithin = (path: string): Buffer | string => {
    const read = readRegularFile(
      path,
      IMPORT_LIMITS.maxFileBytes,
      (size) =>
        `it is ${(size / MB).toFixed(1)} MB; the limit is ${IMPORT_LIMITS.maxFileBytes / MB} MB.`,
    );
    return read.ok ? read.bytes : read.problem;
  };

  return {
    'documents.get': ({ id }) => documents.view(id),
    // Offsets are into the document's stored text, which the preview shows beside the proposals.
    'documents.proposeFacts': ({ id }) => proposeFacts(documents.view(id).text ?? ''),
    'documents.import': async ({ caseId, paths }) => {
      requireCase(caseId);
      const { files, refused } = collectFiles(paths);
      const imported: DocumentInfo[] = [];
      const problems: RefusedFile[] = [...refused];
      for (const path of files) {
        const bytes = readWithin(path);
        const result =
          typeof bytes === 'string' ? bytes : await importBytes(caseId, basename(path), bytes);
        if (typeof result === 'string') problems.push({ path, problem: result });
        else imported.push(result);
      }
      return { imported, refused: problems };
    },
    'documents.importFile': async ({ caseId, fileName, contentBase64 }) => {
      requireCase(caseId);
      const bytes = Buffer.from(contentBase64, 'base64');
      const result = await importBytes(caseId, fileName, bytes);
      return typeof result === 'string'
        ? { ok: false, fileName, problem: result }
        : { ok: true, document: result };
    },
  };
}
