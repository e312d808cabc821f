// The case list's SQL, built from the filters and order asked for. Only fixed fragments are ever
// joined (never input): the values travel as bound parameters. Each statement is prepared once.
import type { Database, Statement } from 'better-sqlite3';
import type { CaseSort, CaseStatus } from '../../contract/case';
import { CASE_STATUS } from '../../contract/choices';

/** The case-list row; `nextDueOn` is the earliest open deadline or task (kept by migration 0016). */
export const LIST_FROM = `
  FROM cases k JOIN clients cl ON cl.id = k.client_id
  LEFT JOIN case_next_due n ON n.case_id = k.id`;
export const LIST_COLUMNS = `
  SELECT k.id, k.client_id, cl.first_name || ' ' || cl.last_name AS client_name,
         k.requested_treatment, k.status, k.insurer_name, k.member_id, k.updated_at,
         n.due_on AS next_due_on,
         (SELECT group_concat(tag, '|') FROM case_tags t WHERE t.case_id = k.id) AS tags`;

export type Direction = 'asc' | 'desc';

/**
 * A run of the list read straight from one index in its order: a sort is one or more of them in
 * turn (stages in the order coverage is won; cases with an insurer or something due before those
 * without), so no order ever sorts the whole library. `where` narrows the run.
 */
export interface Segment {
  where: string | null;
  order: string;
  /** Counted as what the runs after it leave of the total (its own count would read it all). */
  countAsRest?: boolean;
  /** Read from another table first (the cases with something due, by their date). */
  from?: string;
  /** The run is the cases with (or without) something due: counted from that table. */
  due?: 'with' | 'without';
}

/**
 * The cases with an open deadline or task, soonest first, from the table that keeps the date
 * (CROSS JOIN keeps SQLite from starting at the far larger cases table).
 */
const DUE_FROM = `
  FROM case_next_due n CROSS JOIN cases k ON k.id = n.case_id
  JOIN clients cl ON cl.id = k.client_id`;

/**
 * The runs a sort reads, in order. Every order ends at the case's id, the last key of every index
 * (cases made in the same millisecond tie on everything else), so a page walked from an index and
 * the same page sorted from the matches hold the same cases.
 */
export function segments(sort: CaseSort, d: Direction, status: CaseStatus | null): Segment[] {
  switch (sort) {
    case 'activity':
      return [{ where: null, order: `k.updated_at ${d}, k.id ${d}` }];
    case 'client':
      return [
        {
          where: null,
          order: `cl.last_name COLLATE NOCASE ${d}, cl.first_name COLLATE NOCASE ${d}, cl.id ${d}, k.updated_at DESC, k.id DESC`,
        },
      ];
    case 'stage': {
      const stages = status ? [status] : [...CASE_STATUS.values];
      if (d === 'desc') stages.reverse();
      return stages.map((v) => ({
        where: `k.status = '${v}'`,
        order: 'k.updated_at DESC, k.id DESC',
      }));
    }
    case 'insurer':
      return [
        {
          where: 'k.insurer_name IS NOT NULL',
          countAsRest: true,
          order: `k.insurer_name COLLATE NOCASE ${d}, k.updated_at ${d}, k.id ${d}`,
        },
        { where: 'k.insurer_name IS NULL', order: 'k.insurer_name, k.updated_at DESC, k.id DESC' },
      ];
    case 'treatment':
      return [
        {
          where: null,
          order: `k.requested_treatment COLLATE NOCASE ${d}, k.updated_at ${d}, k.id ${d}`,
        },
      ];
    case 'due':
      return [
        {
          where: null,
          order: `n.due_on ${d}, n.case_id ${d}`,
          from: DUE_FROM,
          due: 'with',
        },
        {
          where: 'n.case_id IS NULL',
          order: 'k.updated_at DESC, k.id DESC',
          due: 'without',
        },
      ];
  }
}

/** The filters a list may carry, each a fixed SQL condition over its bound parameter. */
export const CONDITIONS = {
  ids: 'k.id IN (SELECT value FROM json_each(@ids))',
  status: 'k.status = @status',
  clientId: 'k.client_id = @clientId',
  insurer: 'k.insurer_name = @insurer COLLATE NOCASE',
  treatment: 'k.requested_treatment = @treatment COLLATE NOCASE',
  planType: 'k.plan_type = @planType',
  dueBy: 'n.due_on <= @dueBy',
  tag: 'k.id IN (SELECT case_id FROM case_tags WHERE tag = @tag)',
  caseIds: 'k.id IN (SELECT value FROM json_each(@caseIds))',
} as const;
export type Condition = keyof typeof CONDITIONS;

/**
 * The same filters where the order's index is to be walked: a filter that lets through a large
 * share of the library (an insurer with a quarter of the cases) finds a page within a few rows
 * of that index, while reading its own index would fetch and sort every match. The unary "+"
 * keeps SQLite from starting at the filter's index; the value compared is unchanged.
 */
const WALKED: Record<Condition, string> = {
  ...CONDITIONS,
  status: '+k.status = @status',
  insurer: '+k.insurer_name = @insurer COLLATE NOCASE',
  treatment: '+k.requested_treatment = @treatment COLLATE NOCASE',
  planType: '+k.plan_type = @planType',
  // A set of case ids looked up from the walked index alone, without fetching each case's row:
  // cases due soon are seldom spread evenly through an order (long-quiet cases have none).
  dueBy: '+k.id IN (SELECT case_id FROM case_next_due WHERE due_on <= @dueBy)',
  tag: '+k.id IN (SELECT case_id FROM case_tags WHERE tag = @tag)',
};

/**
 * Whether a page is found faster by walking the order's index than by sorting the matches:
 * walking reads about (offset + limit) × library ÷ matches rows, sorting reads every match. Either
 * way no page reads more than about √((offset + limit) × library) rows.
 */
export function walkOrder(matches: number, library: number, offset: number, limit: number) {
  return matches * matches > (offset + limit) * library;
}

export function listStatements(db: Database) {
  const cache = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
  const where = (conditions: string[]) =>
    conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return {
    /** Rows of one run, in its order; `walk`: from the order's index (see walkOrder). */
    page(used: Condition[], segment: Segment, walk = false): Statement {
      // Read from what is due, the date range is the walked index itself.
      const filters = used.map((c) =>
        walk && !(c === 'dueBy' && segment.from) ? WALKED[c] : CONDITIONS[c],
      );
      return prepared(
        `${LIST_COLUMNS} ${segment.from ?? LIST_FROM} ${where([...filters, ...(segment.where ? [segment.where] : [])])} ORDER BY ${segment.order} LIMIT @limit OFFSET @offset`,
      );
    },
    /**
     * How many cases the filters let through (in one run, when given), never fetching a case's
     * row or its client: the cases' conditions are read from their indexes, and what is due
     * from its own small table, which is where a count by due date starts.
     */
    count(used: Condition[], segment: Segment | null = null): Statement {
      const own: string[] = used.filter((c) => c !== 'dueBy').map((c) => CONDITIONS[c]);
      const dueBy = used.includes('dueBy');
      if (segment?.due === 'without') {
        if (dueBy) return prepared('SELECT 0').pluck();
        own.push('k.id NOT IN (SELECT case_id FROM case_next_due)');
      } else if (segment?.where) own.push(segment.where);
      const sql =
        dueBy || segment?.due === 'with'
          ? `SELECT count(*) FROM case_next_due n ${where([
              ...(dueBy ? ['n.due_on <= @dueBy'] : []),
              ...(own.length ? [`n.case_id IN (SELECT k.id FROM cases k ${where(own)})`] : []),
            ])}`
          : `SELECT count(*) FROM cases k ${where(own)}`;
      return prepared(sql).pluck();
    },
  };
}
