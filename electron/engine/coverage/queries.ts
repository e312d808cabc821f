// What the coverage letters read from other domains' tables: the case's parity requests sent.
import type { Database } from 'better-sqlite3';
import { fromRow } from '../db/table';

export interface SentRequest {
  sentOn: string;
  responseDueOn: string | null;
  responseReceivedOn: string | null;
}

export function coverageQueries(db: Database) {
  const sentOfKind = db.prepare(`
    SELECT l.sent_on, l.response_due_on, l.response_received_on
    FROM documents d JOIN letters l ON l.document_id = d.id
    WHERE d.case_id = ? AND l.kind = ? AND l.sent_on IS NOT NULL
    ORDER BY l.sent_on DESC, d.id DESC LIMIT 1`);
  return {
    /** The latest letter of `kind` the case sent, with its response clock. */
    latestSent: (caseId: number, kind: string): SentRequest | null => {
      const row = sentOfKind.get(caseId, kind);
      return row ? fromRow<SentRequest>(row) : null;
    },
  };
}
