// SQL for the appeal workflow: stage history, denials, and the rows the dashboard and readiness
// meter are built from. Every value is a bound parameter.
import type { Database } from 'better-sqlite3';
import type { CaseStatus, PlanType } from '../../contract/case';
import type { Deadline } from '../../contract/case-records';
import type { DocumentType } from '../../contract/document';
import { AppError } from '../../contract/errors';
import type { ClaimType, Denial, StageMove } from '../../contract/workflow';
import { denialFields } from '../../contract/workflow';
import { defineTable, fromRow } from '../db/table';

/** A case with what every workflow rule needs: its plan, stage and client's state. */
export interface CaseFacts {
  id: number;
  status: CaseStatus;
  planType: PlanType | null;
  state: string | null;
  clientName: string;
  requestedTreatment: string;
  insurerName: string | null;
  notes: string | null;
}

const CASE_FACTS = `
  SELECT k.id, k.status, k.plan_type, cl.state, cl.first_name || ' ' || cl.last_name AS client_name,
         k.requested_treatment, k.insurer_name, k.notes
  FROM cases k JOIN clients cl ON cl.id = k.client_id`;

export interface OpenDeadlineRow extends Deadline {
  clientName: string;
  requestedTreatment: string;
  insurerName: string | null;
  state: string | null;
}

export interface WaitingRow {
  caseId: number;
  status: CaseStatus;
  planType: PlanType | null;
  state: string | null;
  clientName: string;
  requestedTreatment: string;
  insurerName: string | null;
  submittedOn: string;
  claimType: ClaimType | null;
  denialClaimType: ClaimType | null;
}

export function stageQueries(db: Database) {
  const insert = db.prepare(
    `INSERT INTO stage_moves (case_id, from_stage, to_stage, moved_on, note, claim_type)
     VALUES (@caseId, @fromStage, @toStage, @movedOn, @note, @claimType) RETURNING *`,
  );
  const forCase = db.prepare('SELECT * FROM stage_moves WHERE case_id = ? ORDER BY moved_on, id');
  const last = db.prepare(
    'SELECT * FROM stage_moves WHERE case_id = ? ORDER BY moved_on DESC, id DESC LIMIT 1',
  );
  const setStatus = db.prepare(
    `UPDATE cases SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  );
  return {
    record: (move: Omit<StageMove, 'id' | 'createdAt'>) => fromRow<StageMove>(insert.get(move)),
    forCase: (caseId: number) => forCase.all(caseId).map((r) => fromRow<StageMove>(r)),
    last: (caseId: number) => {
      const row = last.get(caseId);
      return row === undefined ? undefined : fromRow<StageMove>(row);
    },
    setStatus: (caseId: number, status: CaseStatus) => setStatus.run(status, caseId),
  };
}

const DENIAL_COLUMNS = [
  'caseId',
  ...Object.keys(denialFields.shape),
  'computedOn',
  'rule',
  'deadlineId',
];

export function denialQueries(db: Database) {
  const table = defineTable<Denial>(db, 'denials', DENIAL_COLUMNS, 'denial');
  const forCase = db.prepare(
    'SELECT * FROM denials WHERE case_id = ? ORDER BY denied_on DESC, id DESC',
  );
  const latestClaimType = db
    .prepare(
      'SELECT claim_type FROM denials WHERE case_id = ? ORDER BY denied_on DESC, id DESC LIMIT 1',
    )
    .pluck();
  return {
    ...table,
    forCase: (caseId: number) => forCase.all(caseId).map((r) => fromRow<Denial>(r)),
    latestClaimType: (caseId: number) =>
      (latestClaimType.get(caseId) as ClaimType | undefined) ?? null,
  };
}

export function workflowQueries(db: Database) {
  const facts = db.prepare(`${CASE_FACTS} WHERE k.id = ?`);
  const openDeadlines = db.prepare(`
    SELECT d.*, cl.first_name || ' ' || cl.last_name AS client_name, k.requested_treatment,
           k.insurer_name, cl.state
    FROM deadlines d JOIN cases k ON k.id = d.case_id JOIN clients cl ON cl.id = k.client_id
    WHERE d.completed_on IS NULL AND d.due_on <= @until
      AND (@caseId IS NULL OR d.case_id = @caseId)
    ORDER BY d.due_on, d.id`);
  // The row the triggers keep for each waiting case (migration 0010), with who it is about.
  const waitingCase = db.prepare(`
    SELECT w.case_id, w.status, w.plan_type, w.state,
           cl.first_name || ' ' || cl.last_name AS client_name, k.requested_treatment, k.insurer_name,
           w.submitted_on, w.claim_type, w.denial_claim_type
    FROM case_waits w JOIN cases k ON k.id = w.case_id JOIN clients cl ON cl.id = k.client_id
    WHERE w.case_id = @caseId`);
  const documentHits = db.prepare(`
    SELECT d.id, d.file_name, d.origin, d.document_type, l.kind AS letter_kind,
      (lower(coalesce(text, '')) LIKE '%functional%' OR lower(coalesce(text, '')) LIKE '%unable to work%'
        OR lower(coalesce(text, '')) LIKE '%activities of daily living%'
        OR lower(coalesce(text, '')) LIKE '%whodas%' OR lower(coalesce(text, '')) LIKE '%sheehan%')
        AS functional
    FROM documents d LEFT JOIN letters l ON l.document_id = d.id WHERE d.case_id = ? ORDER BY d.id`);

  return {
    caseFacts(caseId: number): CaseFacts {
      const row = facts.get(caseId);
      if (row === undefined) {
        throw new AppError('not-found', `No case with id ${caseId}; it may have been deleted.`);
      }
      return fromRow<CaseFacts>(row);
    },
    openDeadlines: (until: string, caseId: number | null = null) =>
      openDeadlines.all({ until, caseId }).map((r) => fromRow<OpenDeadlineRow>(r)),
    /** The case's wait for a decision, when it is at a waiting stage. */
    waitingCase: (caseId: number) => {
      const row = waitingCase.get({ caseId });
      return row === undefined ? undefined : fromRow<WaitingRow>(row);
    },
    documentHits: (caseId: number) =>
      documentHits.all(caseId).map((r) =>
        fromRow<{
          id: number;
          fileName: string;
          origin: string;
          documentType: DocumentType;
          letterKind: string | null;
          functional: number;
        }>(r),
      ),
  };
}
