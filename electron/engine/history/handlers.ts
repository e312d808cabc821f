// Each case's history: a row per change, written by the triggers of migration 0004.
import type { HistoryEntry } from '../../contract/safety';
import { AppError } from '../../contract/errors';
import type { EngineContext, HandlerSet } from '../context';
import { fromRow } from '../db/table';

export function historyHandlers({ db }: EngineContext): HandlerSet<'cases.history'> {
  const caseExists = db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck();
  const forCase = db.prepare(
    `SELECT id, table_name, record_id, action, field, old_value, new_value, changed_at, actor
     FROM case_history WHERE case_id = ? ORDER BY id DESC LIMIT 2000`,
  );
  return {
    'cases.history': ({ caseId }) => {
      if (caseExists.get(caseId) === undefined) {
        throw new AppError('not-found', `No case with id ${caseId}; it may have been deleted.`);
      }
      return forCase.all(caseId).map((r) => fromRow<HistoryEntry>(r));
    },
  };
}
