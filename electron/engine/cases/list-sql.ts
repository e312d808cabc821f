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
}

/**
 * The cases with an open deadline or task, soonest first, from the table that keeps the date
 * (CROSS JOIN keeps SQLite from starting at the far larger cases table).
 */
const DUE_FROM = `
  FROM case_next_due n CROSS JOIN cases k ON k.id = n.case_id
  JOIN clients cl ON cl.id = k.client_id`;

/** The runs a sort reads, in order. */
export function segments(sort: CaseSort, d: Direction, status: CaseStatus | null): Segment[] {
  switch (sort) {
    case 'activity':
      return [{ where: null, order: `k.updated_at ${d}, k.id ${d}` }];
    case 'client':
      return [
        {
          where: null,
          order: `cl.last_name COLLATE NOCASE ${d}, cl.first_name COLLATE NOCASE ${d}, cl.id ${d}, k.updated_at DESC`,
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
          order: `k.insurer_name COLLATE NOCASE ${d}, k.updated_at ${d}`,
        },
        { where: 'k.insurer_name IS NULL', order: 'k.insurer_name, k.updated_at DESC' },
      ];
    case 'treatment':
      return [
        { where: null, order: `k.requested_treatment COLLATE NOCASE ${d}, k.updated_at ${d}` },
      ];
    case 'due':
      return [
        { where: null, order: `n.due_on ${d}, n.case_id ${d}`, from: DUE_FROM },
        { where: 'n.case_id IS NULL', order: 'k.updated_at DESC, k.id DESC' },
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

export function listStatements(db: Database) {
  const cache = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
  const where = (used: Condition[], extra: string | null = null) => {
    const all = [...used.map((c) => CONDITIONS[c]), ...(extra ? [extra] : [])];
    return all.length ? `WHERE ${all.join(' AND ')}` : '';
  };
  return {
    /** Rows of one run, in its order. */
    page(used: Condition[], segment: Segment): Statement {
      return prepared(
        `${LIST_COLUMNS} ${segment.from ?? LIST_FROM} ${where(used, segment.where)} ORDER BY ${segment.order} LIMIT @limit OFFSET @offset`,
      );
    },
    /** How many rows the filters let through (in one run, when given). */
    count(used: Condition[], segment: Segment | null = null): Statement {
      return prepared(
        `SELECT count(*) ${segment?.from ?? LIST_FROM} ${where(used, segment?.where)}`,
      ).pluck();
    },
  };
}
