// SQL for the dashboard: every list read through an index a page at a time, every count from an
// index range or a table that triggers keep (migration 0010). Bounds are half-open date ranges.
import type { Database } from 'better-sqlite3';
import type { CaseStatus, PlanType } from '../../contract/case';
import type { Deadline } from '../../contract/case-records';
import type { ClaimType, OutcomeCount } from '../../contract/workflow';
import { fromRow } from '../db/table';

/** Before every date, and after every date, as bounds of a range. */
export const EARLIEST = '';
export const LATEST = '9999-12-31';

export interface LateLetterRow {
  documentId: number;
  caseId: number;
  templateName: string;
  kind: string;
  sentOn: string;
  responseDueOn: string;
  clientName: string;
  insurerName: string | null;
}

export interface DueRow {
  id: number;
  caseId: number;
  kind: Deadline['kind'];
  title: string;
  dueOn: string;
  notes: string | null;
  clientName: string;
  requestedTreatment: string;
  insurerName: string | null;
  state: string | null;
}

/**
 * What decides a waiting case's decision date, and the date (migration 0010 keeps one row per
 * case, 0020 the date beside it).
 */
export interface WaitRow {
  caseId: number;
  status: CaseStatus;
  planType: PlanType | null;
  state: string | null;
  submittedOn: string;
  claimType: ClaimType | null;
  denialClaimType: ClaimType | null;
  decisionDueOn: string;
}

export interface CaseNames {
  caseId: number;
  clientName: string;
  requestedTreatment: string;
  insurerName: string | null;
}

export interface QuietRow {
  caseId: number;
  lastActivityOn: string;
  status: CaseStatus;
  clientName: string;
  requestedTreatment: string;
  state: string | null;
}

const OPEN_DUE = 'd.completed_on IS NULL AND d.due_on >= @from AND d.due_on < @to';
const QUIET = 'a.open = 1 AND a.last_on >= @from AND a.last_on < @to';
const withCase = (row: string) =>
  `JOIN cases k ON k.id = ${row}.case_id JOIN clients cl ON cl.id = k.client_id`;

export function dashboardQueries(db: Database) {
  const dueRows = db.prepare(`
    SELECT d.id, d.case_id, d.kind, d.title, d.due_on, d.notes,
           cl.first_name || ' ' || cl.last_name AS client_name, k.requested_treatment,
           k.insurer_name, cl.state
    FROM deadlines d ${withCase('d')}
    WHERE ${OPEN_DUE} ORDER BY d.due_on, d.id LIMIT @limit`);
  const dueCount = db.prepare(`SELECT count(*) FROM deadlines d WHERE ${OPEN_DUE}`).pluck();
  const quietRows = db.prepare(`
    SELECT a.case_id, a.last_on AS last_activity_on, k.status,
           cl.first_name || ' ' || cl.last_name AS client_name, k.requested_treatment, cl.state
    FROM case_activity a ${withCase('a')}
    WHERE ${QUIET} ORDER BY a.last_on, a.case_id LIMIT @limit`);
  const quietCount = db.prepare(`SELECT count(*) FROM case_activity a WHERE ${QUIET}`).pluck();
  const DECIDED = 'w.decision_due_on >= @from AND w.decision_due_on < @to';
  const waitRows = db.prepare(`
    SELECT w.case_id, w.status, w.plan_type, w.state, w.submitted_on, w.claim_type,
           w.denial_claim_type, w.decision_due_on
    FROM case_waits w WHERE ${DECIDED} ORDER BY w.decision_due_on, w.case_id LIMIT @limit`);
  const waitCount = db.prepare(`SELECT count(*) FROM case_waits w WHERE ${DECIDED}`).pluck();
  const names = db.prepare(`
    SELECT k.id AS case_id, cl.first_name || ' ' || cl.last_name AS client_name,
           k.requested_treatment, k.insurer_name
    FROM cases k JOIN clients cl ON cl.id = k.client_id
    WHERE k.id IN (SELECT value FROM json_each(?))`);
  const byStage = db.prepare(
    "SELECT key AS status, count FROM list_counts WHERE list = 'cases' AND count > 0",
  );
  const outcomes = db.prepare(
    `SELECT label, won, lost FROM outcome_counts WHERE dimension = ? AND won + lost > 0
     ORDER BY won + lost DESC, label COLLATE NOCASE LIMIT 12`,
  );
  const AWAITING = `l.sent_on IS NOT NULL AND l.response_received_on IS NULL
    AND l.response_due_on IS NOT NULL AND l.response_due_on < @before`;
  const lateLetters = db.prepare(`
    SELECT l.document_id, d.case_id, l.template_name, l.kind, l.sent_on, l.response_due_on,
           cl.first_name || ' ' || cl.last_name AS client_name, k.insurer_name
    FROM letters l JOIN documents d ON d.id = l.document_id ${withCase('d')}
    WHERE ${AWAITING} ORDER BY l.response_due_on, l.document_id LIMIT @limit`);
  const lateLetterCount = db.prepare(`SELECT count(*) FROM letters l WHERE ${AWAITING}`).pluck();
  type Range = { from: string; to: string };
  return {
    /** Open deadlines and tasks due in [from, to), soonest first, at most `limit`. */
    due: (range: Range, limit: number) =>
      dueRows.all({ ...range, limit }).map((r) => fromRow<DueRow>(r)),
    dueCount: (range: Range) => dueCount.get(range) as number,
    /** Open cases last active in [from, to), quiet longest first, at most `limit`. */
    quiet: (range: Range, limit: number) =>
      quietRows.all({ ...range, limit }).map((r) => fromRow<QuietRow>(r)),
    quietCount: (range: Range) => quietCount.get(range) as number,
    /** Waiting cases whose decision was due in [from, to), longest due first, at most `limit`. */
    waits: (range: Range, limit: number) =>
      waitRows.all({ ...range, limit }).map((r) => fromRow<WaitRow>(r)),
    waitCount: (range: Range) => waitCount.get(range) as number,
    /** Who and what the cases `ids` are about, by case id. */
    names: (ids: number[]) =>
      new Map(
        names
          .all(JSON.stringify(ids))
          .map((r) => fromRow<CaseNames>(r))
          .map((n) => [n.caseId, n]),
      ),
    /** Letters whose answer was due before `before` and has not come, longest late first. */
    lateLetters: (before: string, limit: number) =>
      lateLetters.all({ before, limit }).map((r) => fromRow<LateLetterRow>(r)),
    lateLetterCount: (before: string) => lateLetterCount.get({ before }) as number,
    byStage: () => byStage.all() as { status: CaseStatus; count: number }[],
    outcomes: (dimension: 'insurer' | 'treatment') => outcomes.all(dimension) as OutcomeCount[],
  };
}
