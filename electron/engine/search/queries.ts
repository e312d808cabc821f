// Full-text search across clients, cases, records, the communication log and document text.
import type { Database, Statement } from 'better-sqlite3';
import { ftsTerms } from './fts-query';

/** For one term: every case it hits, through whichever record matched, with its best rank. */
const CASES_FOR_TERM = `
  SELECT case_id, min(rank) AS rank FROM (
    SELECT CASE h.entity
             WHEN 'case' THEN h.entity_id
             WHEN 'communication' THEN (SELECT case_id FROM communications WHERE id = h.entity_id)
             WHEN 'document' THEN (SELECT case_id FROM documents WHERE id = h.entity_id)
             WHEN 'diagnosis' THEN (SELECT case_id FROM diagnoses WHERE id = h.entity_id)
             WHEN 'treatment' THEN (SELECT case_id FROM treatments WHERE id = h.entity_id)
           END AS case_id, h.rank
    FROM (SELECT entity, entity_id, rank FROM search_fts WHERE search_fts MATCH ?) h
    WHERE h.entity <> 'client'
    UNION ALL
    SELECT k.id, h.rank
    FROM (SELECT entity_id, rank FROM search_fts WHERE search_fts MATCH ? AND entity = 'client') h
    JOIN cases k ON k.client_id = h.entity_id
  ) GROUP BY case_id`;

const cache = new WeakMap<Database, Map<number, Statement>>();

/**
 * A case matches when every typed word hits it somewhere (a client's name and a treatment may
 * be in different records), best matches first.
 */
export function caseIdsMatching(db: Database, typed: string, limit: number): number[] {
  const terms = ftsTerms(typed);
  if (terms.length === 0) return [];
  let byCount = cache.get(db);
  if (!byCount) cache.set(db, (byCount = new Map()));
  let stmt = byCount.get(terms.length);
  if (!stmt) {
    const perTerm = terms.map(() => CASES_FOR_TERM).join(' UNION ALL ');
    stmt = db
      .prepare(
        `SELECT case_id FROM (${perTerm}) WHERE case_id IS NOT NULL
         GROUP BY case_id HAVING count(*) = ${terms.length} ORDER BY sum(rank), case_id DESC LIMIT ?`,
      )
      .pluck();
    byCount.set(terms.length, stmt);
  }
  return stmt.all(...terms.flatMap((t) => [t, t]), limit) as number[];
}
