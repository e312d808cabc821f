// Each case's history: a row per change, written by the triggers of migration 0004.
import { AppError } from '../../contract/errors';
import type { EngineContext, HandlerSet } from '../context';
import { historyQueries } from './queries';

export function historyHandlers({ db }: EngineContext): HandlerSet<'cases.history'> {
  const q = historyQueries(db);
  return {
    'cases.history': ({ caseId }) => {
      if (!q.caseExists(caseId)) {
        throw new AppError('not-found', `No case with id ${caseId}; it may have been deleted.`);
      }
      return q.forCase(caseId);
    },
  };
}
