// Imports records into a case: check each file, convert it in the import pool, then store it
// (bytes, HTML, text, warnings). A refused file writes nothing; the others go on. Several files
// convert at once while the finished ones are stored in order, those that finished together in
// one short transaction (store-documents.ts).
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { DocumentInfo, RefusalCode, RefusedFile } from '../../contract/document';
import { AppError } from '../../contract/errors';
import { readRegularFile } from '../../security/regular-file';
import type { EngineContext, HandlerSet } from '../context';
import { documentQueries } from '../documents/queries';
import { proposeFacts } from '../facts/extract';
import { collectFiles } from './collect-files';
import { convertInPool, type ConvertFormat, type Converted } from './convert-pool';
import { inspectFile } from './inspect-file';
import { IMPORT_LIMITS, MB } from './limits';
import { inOrderedBatches, type BatchLimits } from './ordered-batches';
import { documentStore } from './store-documents';

const MEDIA_TYPES: Record<ConvertFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
};

/**
 * Files read, checked and converting at once: as many as the pool has workers, and one more read
 * ahead. Files that have converted wait up to a quarter of a second for others to join their
 * write, which waits for the disk and rewrites the case's search row: a write for many files
 * costs hardly more than one.
 */
const BATCHES: BatchLimits = {
  concurrency: 3,
  maxItems: 32,
  maxBytes: 64 * MB,
  maxWaitMs: 250,
};

interface Refusal {
  problem: string;
  code?: RefusalCode | undefined;
}

interface Ready {
  fileName: string;
  bytes: Buffer;
  format: ConvertFormat;
  converted: Converted;
}

const refusal = (problem: string, code?: string): Refusal =>
  code === 'password-required' || code === 'wrong-password' ? { problem, code } : { problem };

export function importHandlers({
  db,
}: EngineContext): HandlerSet<
  'documents.get' | 'documents.import' | 'documents.importFile' | 'documents.proposeFacts'
> {
  const documents = documentQueries(db);
  const { storeAll } = documentStore(db);
  const caseExists = db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck();

  const requireCase = (caseId: number) => {
    if (caseExists.get(caseId) === undefined) {
      throw new AppError('not-found', `No case with id ${caseId}; it may have been deleted.`);
    }
  };

  /**
   * Checks and converts one file's bytes, writing nothing. `seen` holds the checksums earlier
   * files of the same batch carry, so a file given twice is read once.
   */
  const prepare = async (
    caseId: number,
    fileName: string,
    bytes: Buffer,
    seen: Set<string>,
    password?: string,
  ): Promise<Ready | Refusal> => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (seen.has(sha256) || documents.hasChecksum(caseId, sha256)) {
      return { problem: 'it is already in this case (same content).' };
    }
    seen.add(sha256);
    const inspection = await inspectFile(bytes, { password });
    if (!inspection.ok) return refusal(inspection.problem, inspection.code);
    const converted = await convertInPool(inspection.format, inspection.verified ?? bytes, {
      password,
    });
    if (!converted.ok) return refusal(converted.problem, converted.code);
    return { fileName, bytes, format: inspection.format, converted };
  };

  /** Stores converted files in one short transaction: each one's document, or why it was refused. */
  const store = (caseId: number, batch: Ready[]): Promise<(DocumentInfo | Refusal)[]> =>
    storeAll(
      caseId,
      batch.map(({ fileName, format, bytes, converted }) => ({
        fileName,
        mediaType: MEDIA_TYPES[format],
        text: converted.text,
        html: converted.html,
        warnings: converted.warnings,
        bytes,
      })),
    );

  /** Reads a plain file from disk within the size limit; its bytes, or why it cannot be imported. */
  const readWithin = (path: string): Buffer | Refusal => {
    const read = readRegularFile(
      path,
      IMPORT_LIMITS.maxFileBytes,
      (size) =>
        `it is ${(size / MB).toFixed(1)} MB; the limit is ${IMPORT_LIMITS.maxFileBytes / MB} MB.`,
    );
    return read.ok ? read.bytes : { problem: read.problem };
  };

  const isRefusal = (value: unknown): value is Refusal =>
    typeof value === 'object' && value !== null && 'problem' in value;

  return {
    'documents.get': ({ id }) => documents.view(id),
    // Offsets are into the document's stored text, which the preview shows beside the proposals.
    'documents.proposeFacts': ({ id }) => proposeFacts(documents.view(id).text ?? ''),
    'documents.import': async ({ caseId, paths, password }) => {
      requireCase(caseId);
      const { files, refused } = collectFiles(paths);
      const imported: DocumentInfo[] = [];
      const problems: RefusedFile[] = [...refused];
      const seen = new Set<string>();
      const outcomes = await inOrderedBatches(
        files.length,
        async (index) => {
          const path = files[index]!;
          const bytes = readWithin(path);
          return isRefusal(bytes) ? bytes : prepare(caseId, basename(path), bytes, seen, password);
        },
        (outcome) =>
          isRefusal(outcome)
            ? 0
            : outcome.bytes.length + outcome.converted.html.length + outcome.converted.text.length,
        async (batch) => {
          const ready = batch.filter((outcome): outcome is Ready => !isRefusal(outcome));
          const stored = ready.length ? await store(caseId, ready) : [];
          let next = 0;
          return batch.map((outcome) => (isRefusal(outcome) ? outcome : stored[next++]!));
        },
        BATCHES,
      );
      for (const [i, result] of outcomes.entries()) {
        if (isRefusal(result)) problems.push({ path: files[i]!, ...result });
        else imported.push(result);
      }
      return { imported, refused: problems };
    },
    'documents.importFile': async ({ caseId, fileName, contentBase64, password }) => {
      requireCase(caseId);
      const bytes = Buffer.from(contentBase64, 'base64');
      const ready = await prepare(caseId, fileName, bytes, new Set(), password);
      const result = isRefusal(ready) ? ready : (await store(caseId, [ready]))[0]!;
      return isRefusal(result)
        ? { ok: false, fileName, ...result }
        : { ok: true, document: result };
    },
  };
}
