// The search call: cases matching every typed word, best first.
import type { EngineContext, HandlerSet } from '../context';
import { caseQueries } from '../cases/queries';
import { caseIdsMatching } from './queries';

export function searchHandlers({ db }: EngineContext): HandlerSet<'search'> {
  const cases = caseQueries(db);
  return {
    search: ({ query, limit }) => cases.summaries(caseIdsMatching(db, query, limit), null),
  };
}
