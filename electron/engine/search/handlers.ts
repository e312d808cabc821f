// The search call: the best-matching cases for every typed word (the palette, the CLI).
import type { EngineContext, HandlerSet } from '../context';
import { caseQueries } from '../cases/queries';

export function searchHandlers({ db }: EngineContext): HandlerSet<'search'> {
  const cases = caseQueries(db);
  return {
    search: (args) => cases.list(args).items,
  };
}
