// Full-text search: the cases where every typed word appears, read from one index row per case
// (its client, its own fields, its records and its documents' text; see migration 0009).
import type { Database, Statement } from 'better-sqlite3';
import type { CaseStatus } from '../../contract/case';
import { ftsQuery } from './fts-query';

/**
 * How many matching cases are counted and ranked: the newest this many. A query that matches more
 * says so ("more than 1,000") instead of walking every match of a common word.
 */
export const SEARCH_WINDOW = 1000;

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
 * FTS5 walks the matches newest case first and stops after the window; only that window is
 * ranked (bm25, a name above a word deep in a document), so a word in every case costs the same
 * as a rare one.
 */
const hitsSql = (join: string, where: string) => `
  SELECT id FROM (
    SELECT s.rowid AS id, s.rank AS rank FROM case_search s ${join}
    WHERE case_search MATCH @match ${where}
    ORDER BY s.rowid DESC LIMIT @window)
  ORDER BY rank, id DESC`;

export function caseSearchQueries(db: Database) {
  const plain = db.prepare(hitsSql('', '')).pluck();
  const filtered = db
    .prepare(
      hitsSql(
        'JOIN cases k ON k.id = s.rowid',
        'AND (@status IS NULL OR k.status = @status) AND (@clientId IS NULL OR k.client_id = @clientId)',
      ),
    )
    .pluck();

  return {
    /** The matching cases' ids for one page, best first, and how many match. */
    hits(typed: string, filter: HitFilter): CaseHits {
      const match = ftsQuery(typed);
      if (!match) return { ids: [], total: 0, capped: false };
      const status = filter.status ?? null;
      const clientId = filter.clientId ?? null;
      const stmt: Statement = status === null && clientId === null ? plain : filtered;
      const all = stmt.all({
        match,
        window: SEARCH_WINDOW + 1,
        ...(stmt === filtered ? { status, clientId } : {}),
      }) as number[];
      const capped = all.length > SEARCH_WINDOW;
      return {
        ids: all.slice(filter.offset, Math.min(filter.offset + filter.limit, SEARCH_WINDOW)),
        total: Math.min(all.length, SEARCH_WINDOW),
        capped,
      };
    },
  };
}
