// Marks a case as changed when any of its records change, so "recently updated" means it.
import type { Database } from 'better-sqlite3';
import { AppError } from '../../contract/errors';

export function touchCase(db: Database): (caseId: number) => void {
  const stmt = db.prepare(
    `UPDATE cases SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  );
  return (caseId) => {
    if (stmt.run(caseId).changes === 0) {
      throw new AppError('not-found', `No case with id ${caseId}; it may have been deleted.`);
    }
  };
}
