// SQL for cases and the rows the case list shows.
import type { Database } from 'better-sqlite3';
import type { Case, CaseList, CaseListFilters, CaseSummary } from '../../contract/case';
import { caseInput } from '../../contract/case';
import { defineTable, fromRow } from '../db/table';
import { SEARCH_WINDOW, caseSearchQueries } from '../search/queries';
import { addDays, localTimeZone, todayIn } from '../deadlines/plain-date';
import { LIST_COLUMNS, LIST_FROM, listStatements, segments, walkOrder } from './list-sql';
import { NATURAL_DIRECTION } from '../../contract/case';
import type { Condition, Segment } from './list-sql';

/** A case-list row, its tags as a list. */
function summaryOf(row: unknown): CaseSummary {
  const r = fromRow<Omit<CaseSummary, 'tags'> & { tags: string | null }>(row);
  return { ...r, tags: r.tags ? r.tags.split('|').sort((a, b) => a.localeCompare(b)) : [] };
}

/** Insurers (and treatments) a filter offers at most; a library with more is typed into search. */
const FILTER_CHOICES = 500;

export type CaseListArgs = Omit<CaseListFilters, 'today'> & {
  today?: string | undefined;
  limit: number;
  offset: number;
};

export function caseQueries(db: Database) {
  const table = defineTable<Case>(db, 'cases', Object.keys(caseInput.shape), 'case');
  const lists = listStatements(db);
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
  const byIds = db.prepare(
    `${LIST_COLUMNS} ${LIST_FROM} WHERE k.id IN (SELECT value FROM json_each(@ids))`,
  );
  const clientExists = db.prepare('SELECT 1 FROM clients WHERE id = ?').pluck();
  // Each insurer and treatment once, however it is capitalized, read in index order.
  const distinct = (column: string) =>
    db
      .prepare(
        `SELECT ${column} FROM cases WHERE ${column} IS NOT NULL GROUP BY ${column} COLLATE NOCASE LIMIT ${FILTER_CHOICES}`,
      )
      .pluck();
  const insurers = distinct('insurer_name');
  const treatments = distinct('requested_treatment');
  const search = caseSearchQueries(db);

  /** The case-list rows of `ids`, in that order. */
  const summaries = (ids: number[]) => {
    const rows = byIds.all({ ids: JSON.stringify(ids) }).map((r) => summaryOf(r));
    const order = new Map(ids.map((id, i) => [id, i]));
    return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  };

  /** One page across a sort's runs: earlier runs are counted only to skip past them. */
  const pageOf = (
    used: Condition[],
    runs: Segment[],
    params: Record<string, string | number>,
    limit: number,
    offset: number,
    total: number,
  ): CaseSummary[] => {
    const walk = walkOrder(total, counts.all.get() as number, offset, limit);
    const items: CaseSummary[] = [];
    let skip = offset;
    for (const [i, run] of runs.entries()) {
      if (items.length >= limit) break;
      if (skip > 0 && i < runs.length - 1) {
        const inRun = run.countAsRest
          ? total -
            runs
              .slice(i + 1)
              .reduce((sum, r) => sum + (lists.count(used, r).get(params) as number), 0)
          : (lists.count(used, run).get(params) as number);
        if (inRun <= skip) {
          skip -= inRun;
          continue;
        }
      }
      const rows = lists
        .page(used, run, walk)
        .all({ ...params, limit: limit - items.length, offset: skip });
      items.push(...rows.map((r) => summaryOf(r)));
      skip = 0;
    }
    return items;
  };

  return {
    ...table,
    /** The insurers and treatments the case list can be filtered by. */
    choices: () => ({
      insurers: insurers.all() as string[],
      treatments: treatments.all() as string[],
    }),
    clientExists: (id: number) => clientExists.get(id) === 1,
    summaries,
    /**
     * One page of cases: with a query, the best matches first (counted up to SEARCH_WINDOW)
     * unless another order is asked; without one, the most recently changed first. Filters and
     * orders beyond stage and client read their own indexes (migration 0016).
     */
    list(args: CaseListArgs): CaseList {
      const status = args.status ?? null;
      const clientId = args.clientId ?? null;
      const extra: Condition[] = [];
      const params: Record<string, string | number> = {};
      if (args.insurer) {
        extra.push('insurer');
        params.insurer = args.insurer;
      }
      if (args.treatment) {
        extra.push('treatment');
        params.treatment = args.treatment;
      }
      if (args.tag) {
        extra.push('tag');
        params.tag = args.tag;
      }
      if (args.caseIds) {
        extra.push('caseIds');
        params.caseIds = JSON.stringify(args.caseIds);
      }
      if (args.planType) {
        extra.push('planType');
        params.planType = args.planType;
      }
      if (args.dueWithinDays !== undefined) {
        extra.push('dueBy');
        params.dueBy = addDays(args.today ?? todayIn(localTimeZone()), args.dueWithinDays);
      }
      const ordered = args.sort !== undefined || args.direction !== undefined;
      const sort = args.sort ?? 'activity';
      const runs = segments(sort, args.direction ?? NATURAL_DIRECTION[sort], status);
      const base: Condition[] = [];
      if (status !== null) {
        base.push('status');
        params.status = status;
      }
      if (clientId !== null) {
        base.push('clientId');
        params.clientId = clientId;
      }

      if (args.query) {
        if (extra.length === 0 && !ordered) {
          const hits = search.hits(args.query, { ...args, status, clientId });
          return { total: hits.total, capped: hits.capped, items: summaries(hits.ids) };
        }
        // The matches (a window of them), filtered and ordered as asked.
        const hits = search.hits(args.query, { status, clientId, offset: 0, limit: SEARCH_WINDOW });
        const used: Condition[] = ['ids', ...extra];
        params.ids = JSON.stringify(hits.ids);
        const total = lists.count(used).get(params) as number;
        return {
          total,
          capped: hits.capped,
          items: pageOf(used, runs, params, args.limit, args.offset, total),
        };
      }
      const used = [...base, ...extra];
      // Counts by stage and client alone are kept or indexed; other filters count their matches.
      const which =
        status === null
          ? clientId === null
            ? 'all'
            : 'client'
          : clientId === null
            ? 'status'
            : 'both';
      const total =
        extra.length === 0
          ? (counts[which].get({
              ...(status === null ? {} : { status }),
              ...(clientId === null ? {} : { clientId }),
            }) as number)
          : (lists.count(used).get(params) as number);
      return {
        total,
        capped: false,
        items: pageOf(used, runs, params, args.limit, args.offset, total),
      };
    },
  };
}
