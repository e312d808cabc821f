// SQL for documents: their facts apart from their bytes, which only export and open read.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { DocumentInfo, DocumentType, DocumentView } from '../../contract/document';
import { AppError } from '../../contract/errors';
import { factDecisions } from '../../contract/facts';
import type { FactDecisions } from '../../contract/facts';
import { fromRow } from '../db/table';
import { changeLog, conflictError, conflictingFields } from '../db/versions';
import { proposeDocumentType } from './document-type';

const INFO = `id, case_id, file_name, media_type, origin, sha256, size_bytes, note, document_type, version, created_at`;

export interface NewDocument {
  caseId: number;
  fileName: string;
  mediaType: string;
  origin: 'imported' | 'generated';
  text: string | null;
  html?: string | null;
  warnings?: string[];
  note: string | null;
  bytes: Uint8Array;
  createdAt?: string | undefined;
  /** Proposed from the text when not given. */
  documentType?: DocumentType | null | undefined;
  /** What was decided about its facts (an archive carries it). */
  factDecisions?: FactDecisions | undefined;
}

export function documentQueries(db: Database) {
  const forCase = db.prepare(
    `SELECT ${INFO} FROM documents WHERE case_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?`,
  );
  const countForCase = db.prepare('SELECT count(*) FROM documents WHERE case_id = ?').pluck();
  const ofTypes = db.prepare(
    `SELECT ${INFO} FROM documents
     WHERE case_id = ? AND document_type IN (SELECT value FROM json_each(?))
     ORDER BY created_at, id`,
  );
  const full = db.prepare(
    `SELECT d.*, c.bytes FROM documents d JOIN document_contents c ON c.document_id = d.id
     WHERE d.case_id = ? ORDER BY d.created_at, d.id`,
  );
  const existing = db.prepare('SELECT id FROM documents WHERE case_id = ? AND sha256 = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO documents (case_id, file_name, media_type, origin, sha256, size_bytes, text, html, warnings, note, document_type, fact_decisions, created_at)
     VALUES (@caseId, @fileName, @mediaType, @origin, @sha256, @sizeBytes, @text, @html, @warnings, @note, @documentType, @factDecisions,
             coalesce(@createdAt, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
     RETURNING ${INFO}`,
  );
  const insertBytes = db.prepare(
    'INSERT INTO document_contents (document_id, bytes) VALUES (?, ?)',
  );

  const view = db.prepare(`SELECT ${INFO}, text, html, warnings FROM documents WHERE id = ?`);
  const info = db.prepare(`SELECT ${INFO} FROM documents WHERE id = ?`);
  const decisions = db.prepare('SELECT fact_decisions FROM documents WHERE id = ?').pluck();
  const setDecisions = db.prepare('UPDATE documents SET fact_decisions = ? WHERE id = ?');
  const setFiling = db.prepare(
    'UPDATE documents SET document_type = @documentType, note = @note WHERE id = @id AND version = @version',
  );
  const changes = changeLog(db);
  const notFound = (id: number) =>
    new AppError('not-found', `No document with id ${id}; it may have been deleted.`);
  const infoOf = (id: number) => {
    const row = info.get(id);
    if (row === undefined) throw notFound(id);
    return fromRow<DocumentInfo>(row);
  };
  const hasChecksum = (caseId: number, sha256: string) =>
    existing.get(caseId, sha256) !== undefined;

  return {
    hasChecksum,
    /** One document with its preview, text and warnings. */
    view(id: number): DocumentView {
      const row = view.get(id) as (Record<string, unknown> & { warnings: string }) | undefined;
      if (!row)
        throw new AppError('not-found', `No document with id ${id}; it may have been deleted.`);
      return { ...fromRow<DocumentView>(row), warnings: JSON.parse(row.warnings) as string[] };
    },
    /** A case's documents, oldest first, `limit` of them from `offset`. */
    forCase: (caseId: number, limit = -1, offset = 0) =>
      forCase.all(caseId, limit, offset).map((r) => fromRow<DocumentInfo>(r)),
    countForCase: (caseId: number) => countForCase.get(caseId) as number,
    /** Every document of a case filed as one of `types`, oldest first, however many it has. */
    ofTypes: (caseId: number, types: readonly DocumentType[]) =>
      ofTypes.all(caseId, JSON.stringify(types)).map((r) => fromRow<DocumentInfo>(r)),
    info: infoOf,
    /** What the advocate decided about the facts proposed from this document. */
    decisions(id: number): FactDecisions {
      const json = decisions.get(id) as string | undefined;
      if (json === undefined) throw notFound(id);
      return factDecisions.parse(JSON.parse(json));
    },
    setDecisions: (id: number, d: FactDecisions) =>
      setDecisions.run(
        JSON.stringify({ rejected: [...new Set(d.rejected)].sort(), accepted: d.accepted }),
        id,
      ),
    /**
     * Changes a document's type or note, made from `version`: refused, naming the fields, when
     * another edit changed them since.
     */
    file(
      id: number,
      version: number,
      values: { documentType?: DocumentType | undefined; note?: string | null | undefined },
    ): DocumentInfo {
      const current = infoOf(id);
      const patch = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
      if (version !== current.version) {
        const changed = changes.changedSince('documents', id, version);
        if (conflictingFields(Object.keys(patch), patch, current as never).length) {
          throw conflictError('document', changed, current, current.version);
        }
      }
      const next = { ...current, ...patch };
      setFiling.run({
        id,
        version: current.version,
        documentType: next.documentType,
        note: next.note ?? null,
      });
      return infoOf(id);
    },
    /** Every document of a case with its text and bytes, for export. */
    withContent: (caseId: number) =>
      full
        .all(caseId)
        .map((r) => fromRow<DocumentInfo & { text: string | null; bytes: Buffer }>(r)),
    /** Stores a document and its bytes; the same bytes twice in one case is refused. */
    add(doc: NewDocument): DocumentInfo {
      const sha256 = createHash('sha256').update(doc.bytes).digest('hex');
      if (hasChecksum(doc.caseId, sha256)) {
        throw new AppError('conflict', `${doc.fileName} is already in this case (same content).`);
      }
      const info = fromRow<DocumentInfo>(
        insert.get({
          ...doc,
          html: doc.html ?? null,
          warnings: JSON.stringify(doc.warnings ?? []),
          createdAt: doc.createdAt ?? null,
          documentType: doc.documentType ?? proposeDocumentType(doc.text, doc.origin),
          factDecisions: JSON.stringify(doc.factDecisions ?? { rejected: [], accepted: {} }),
          sha256,
          sizeBytes: doc.bytes.byteLength,
        }),
      );
      insertBytes.run(info.id, doc.bytes);
      return info;
    },
  };
}
