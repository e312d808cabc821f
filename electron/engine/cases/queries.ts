// SQL for cases and the rows the case list shows.
import type { Database } from 'better-sqlite3';
import type { Case, CaseList, CaseStatus, CaseSummary } from '../../contract/case';
import { caseInput } from '../../contract/case';
import { defineTable, fromRow } from '../db/table';
import { caseSearchQueries } from '../search/queries';

/** The case-list row; `nextDueOn` is the earliest open deadline or task. */
export const CASE_SUMMARY_SQL = `
  SELECT k.id, k.client_id, cl.first_name || ' ' || cl.last_name AS client_name,
         k.requested_treatment, k.status, k.insurer_name, k.member_id, k.updated_at,
         (SELECT min(due_on) FROM deadlines d WHERE d.case_id = k.id AND d.completed_on IS NULL) AS next_due_on
  FROM cases k JOIN clients cl ON cl.id = k.client_id`;

const NEWEST_FIRST = 'ORDER BY k.updated_at DESC, k.id DESC LIMIT @limit OFFSET @offset';

export interface CaseListArgs {
  query?: string | undefined;
  status?: CaseStatus | undefined;
  clientId?: number | undefined;
  limit: number;
  offset: number;
}

export function caseQueries(db: Database) {
  const table = defineTable<Case>(db, 'cases', Object.keys(caseInput.shape), 'case');
  // One statement per filter, each walking its own index newest first and stopping at the page
  // (a filter written as "@status IS NULL OR …" would keep SQLite from choosing the index).
  const pages = {
    all: db.prepare(`${CASE_SUMMARY_SQL} ${NEWEST_FIRST}`),
    status: db.prepare(`${CASE_SUMMARY_SQL} WHERE k.status = @status ${NEWEST_FIRST}`),
    client: db.prepare(`${CASE_SUMMARY_SQL} WHERE k.client_id = @clientId ${NEWEST_FIRST}`),
    both: db.prepare(
      `${CASE_SUMMARY_SQL} WHERE k.client_id = @clientId AND k.status = @status ${NEWEST_FIRST}`,
    ),
  };
  // Counts by stage are kept by triggers (list_counts); a client's cases are few and indexed.
  const counts = {
    all: db.prepare("SELECT coalesce(sum(count), 0) FROM list_counts WHERE list = 'cases'").pluck(),
    status: db
      .prepare(
        "SELECT coalesce(max(count), 0) FROM list_counts WHERE list = 'cases' AND key = @status",
      )
      .pluck(),
    client: db.prepare('SELECT count(*) FROM cases WHERE client_id = @clientId').pluck(),
    both: db
      .prepare('SELECT count(*) FROM cases WHERE client_id = @clientId AND status = @status')
      .pluck(),
  };
  const byIds = db.prepare(`${CASE_SUMMARY_SQL} WHERE k.id IN (SELECT value FROM json_each(@ids))`);
  const clientExists = db.prepare('SELECT 1 FROM clients WHERE id = ?').pluck();
  const search = caseSearchQueries(db);

  /** The case-list rows of `ids`, in that order. */
  const summaries = (ids: number[]) => {
    const rows = byIds.all({ ids: JSON.stringify(ids) }).map((r) => fromRow<CaseSummary>(r));
    const order = new Map(ids.map((id, i) => [id, i]));
    return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  };

  return {
    ...table,
    clientExists: (id: number) => clientExists.get(id) === 1,
    summaries,
    /**
     * One page of cases: with a query, the best matches first (counted up to SEARCH_WINDOW);
     * without one, the most recently changed first.
     */
    list(args: CaseListArgs): CaseList {
      const status = args.status ?? null;
      const clientId = args.clientId ?? null;
      if (args.query) {
        const hits = search.hits(args.query, { ...args, status, clientId });
        return { total: hits.total, capped: hits.capped, items: summaries(hits.ids) };
      }
      const which =
        status === null
          ? clientId === null
            ? 'all'
            : 'client'
          : clientId === null
            ? 'status'
            : 'both';
      const params = {
        ...(status === null ? {} : { status }),
        ...(clientId === null ? {} : { clientId }),
      };
      const items = pages[which].all({ ...params, limit: args.limit, offset: args.offset });
      return {
        total: counts[which].get(params) as number,
        capped: false,
        items: items.map((r) => fromRow<CaseSummary>(r)),
      };
    },
  };
}
