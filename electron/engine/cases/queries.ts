// SQL for cases and the rows the case list shows.
import type { Database } from 'better-sqlite3';
import type { Case, CaseList, CaseStatus, CaseSummary } from '../../contract/case';
import { caseInput } from '../../contract/case';
import { defineTable, fromRow } from '../db/table';
import { caseIdsMatching } from '../search/queries';

/** The case-list row; `nextDueOn` is the earliest open deadline or task. */
export const CASE_SUMMARY_SQL = `
  SELECT k.id, k.client_id, cl.first_name || ' ' || cl.last_name AS client_name,
         k.requested_treatment, k.status, k.insurer_name, k.member_id, k.updated_at,
         (SELECT min(due_on) FROM deadlines d WHERE d.case_id = k.id AND d.completed_on IS NULL) AS next_due_on
  FROM cases k JOIN clients cl ON cl.id = k.client_id`;

export function caseQueries(db: Database) {
  const table = defineTable<Case>(db, 'cases', Object.keys(caseInput.shape), 'case');
  const page = db.prepare(`${CASE_SUMMARY_SQL}
    WHERE (@status IS NULL OR k.status = @status) AND (@clientId IS NULL OR k.client_id = @clientId)
    ORDER BY k.updated_at DESC, k.id DESC LIMIT @limit OFFSET @offset`);
  const count = db
    .prepare(
      `SELECT count(*) FROM cases
       WHERE (@status IS NULL OR status = @status) AND (@clientId IS NULL OR client_id = @clientId)`,
    )
    .pluck();
  const byIds = db.prepare(`${CASE_SUMMARY_SQL}
    WHERE k.id IN (SELECT value FROM json_each(@ids)) AND (@status IS NULL OR k.status = @status)`);
  const clientExists = db.prepare('SELECT 1 FROM clients WHERE id = ?').pluck();

  const summaries = (ids: number[], status: CaseStatus | null) => {
    const rows = byIds
      .all({ ids: JSON.stringify(ids), status })
      .map((r) => fromRow<CaseSummary>(r));
    const order = new Map(ids.map((id, i) => [id, i]));
    return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  };

  return {
    ...table,
    clientExists: (id: number) => clientExists.get(id) === 1,
    summaries,
    list(args: {
      query?: string;
      status?: CaseStatus;
      clientId?: number;
      limit: number;
      offset: number;
    }): CaseList {
      const status = args.status ?? null;
      const clientId = args.clientId ?? null;
      if (args.query) {
        const all = summaries(caseIdsMatching(db, args.query, 5000), status).filter(
          (c) => clientId === null || c.clientId === clientId,
        );
        return { total: all.length, items: all.slice(args.offset, args.offset + args.limit) };
      }
      const items = page.all({ status, clientId, limit: args.limit, offset: args.offset });
      return {
        total: count.get({ status, clientId }) as number,
        items: items.map((r) => fromRow<CaseSummary>(r)),
      };
    },
  };
}
