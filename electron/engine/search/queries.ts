// Full-text search: the cases where every typed word appears, read from one index row per case
// (its client, its own fields, its records and its documents' text; see migration 0010), or in
// one of the letters written for it (a row per letter; migration 0011).
import type { Database, Statement } from 'better-sqlite3';
import type { CaseStatus } from '../../contract/case';
import { ftsSearches } from './fts-query';

/**
 * How many matching cases are counted and ordered: the newest this many. A query that matches
 * more says so ("more than 1,000") instead of walking every match of a common word.
 */
export const SEARCH_WINDOW = 1000;

/**
 * The index columns that say what a case is (its client, its own fields, its records): a case
 * whose every word is found there comes before one that only mentions them in a document.
 */
const DESCRIBING = '{client kase records}';

export interface CaseHits {
  /** The page's case ids, best match first. */
  ids: number[];
  /** How many cases match, up to SEARCH_WINDOW. */
  total: number;
  /** More cases match than `total` counts. */
  capped: boolean;
}

export interface HitFilter {
  status?: CaseStatus | null;
  clientId?: number | null;
  offset: number;
  limit: number;
}

/**
 * FTS5 walks the matches newest case first and stops after the window: a word found in every
 * case costs no more than a rare one. (bm25 would need each word's count over every matching
 * row first — the whole library for a common word — so the order is by where the words are.)
 */
const windowSql = (join: string, where: string) => `
  SELECT s.rowid FROM case_search s ${join}
  WHERE case_search MATCH @match ${where}
  ORDER BY s.rowid DESC LIMIT ${SEARCH_WINDOW + 1}`;

/**
 * The letters the app wrote have an index of their own (migration 0011), a row per letter: the
 * newest matching letters, each with its case, stopping after the window as above.
 */
const lettersSql = (where: string) => `
  SELECT d.case_id FROM letter_search l JOIN documents d ON d.id = l.rowid ${where ? 'JOIN cases k ON k.id = d.case_id' : ''}
  WHERE letter_search MATCH @match ${where}
  ORDER BY l.rowid DESC LIMIT ${SEARCH_WINDOW + 1}`;

const FILTERS =
  'AND (@status IS NULL OR k.status = @status) AND (@clientId IS NULL OR k.client_id = @clientId)';

/** The cases found by their own row and by their letters: newest first, each once, a window. */
function newestFirst(cases: number[], byLetters: number[]): number[] {
  if (byLetters.length === 0) return cases;
  const ids = [...new Set([...cases, ...byLetters])].sort((a, b) => b - a);
  return ids.slice(0, SEARCH_WINDOW + 1);
}

export function caseSearchQueries(db: Database) {
  const plain = db.prepare(windowSql('', '')).pluck();
  const filtered = db.prepare(windowSql('JOIN cases k ON k.id = s.rowid', FILTERS)).pluck();
  const letters = db.prepare(lettersSql('')).pluck();
  const filteredLetters = db.prepare(lettersSql(FILTERS)).pluck();

  /** The matches of one query, those found in the describing columns first. */
  const ordered = (match: string, filter: HitFilter): number[] => {
    const status = filter.status ?? null;
    const clientId = filter.clientId ?? null;
    const unfiltered = status === null && clientId === null;
    const run = (stmt: Statement, m: string) =>
      stmt.all(unfiltered ? { match: m } : { match: m, status, clientId }) as number[];
    const cases = unfiltered ? plain : filtered;
    // A case is found by its own index row or by any of its letters.
    const all = newestFirst(run(cases, match), run(unfiltered ? letters : filteredLetters, match));
    if (all.length === 0) return all;
    const first = run(cases, `${DESCRIBING} : (${match})`);
    const seen = new Set(first);
    return [...first, ...all.filter((id) => !seen.has(id))].slice(0, all.length);
  };

  return {
    /** The matching cases' ids for one page, best first, and how many match. */
    hits(typed: string, filter: HitFilter): CaseHits {
      const searches = ftsSearches(typed);
      if (!searches) return { ids: [], total: 0, capped: false };
      // Whole words first: when they already fill the window, the last word was a whole word
      // and its prefix would only add more of what cannot be shown.
      let found = ordered(searches.whole, filter);
      if (found.length <= SEARCH_WINDOW && searches.prefix) {
        found = ordered(searches.prefix, filter);
      }
      const capped = found.length > SEARCH_WINDOW;
      const counted = found.slice(0, SEARCH_WINDOW);
      return {
        ids: counted.slice(filter.offset, filter.offset + filter.limit),
        total: counted.length,
        capped,
      };
    },
  };
}
