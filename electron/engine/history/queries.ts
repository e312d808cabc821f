// SQL for each case's history (rows written by the triggers of migration 0004).
import type { Database } from 'better-sqlite3';
import type { HistoryEntry } from '../../contract/safety';
import { fromRow } from '../db/table';

/** The newest changes shown on a case page; older ones stay in the file and the archive. */
export const HISTORY_LIMIT = 2000;

export function historyQueries(db: Database) {
  const caseExists = db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck();
  const forCase = db.prepare(
    `SELECT id, table_name, record_id, action, field, old_value, new_value, changed_at, actor
     FROM case_history WHERE case_id = ? ORDER BY id DESC LIMIT ${HISTORY_LIMIT}`,
  );
  return {
    caseExists: (caseId: number) => caseExists.get(caseId) !== undefined,
    forCase: (caseId: number) => forCase.all(caseId).map((r) => fromRow<HistoryEntry>(r)),
  };
}
