// SQL for the records hanging off a case, one table per kind, all shaped alike.
import type { Database } from 'better-sqlite3';
import type { CaseRecordKind, CaseRecordTypes } from '../../contract/case-records';
import { CASE_RECORDS } from '../../contract/case-records';
import { defineTable, fromRow } from '../db/table';

/** How each kind reads in messages and which column orders it on the case page. */
export const RECORD_META: Record<CaseRecordKind, { label: string; orderBy: string }> = {
  diagnoses: { label: 'diagnosis', orderBy: 'diagnosed_on IS NULL, diagnosed_on, id' },
  treatments: { label: 'treatment', orderBy: 'started_on IS NULL, started_on, id' },
  assessments: { label: 'assessment', orderBy: 'assessed_on, id' },
  communications: { label: 'log entry', orderBy: 'occurred_on DESC, id DESC' },
  deadlines: { label: 'deadline or task', orderBy: 'completed_on IS NOT NULL, due_on, id' },
  accessAttempts: { label: 'access log entry', orderBy: 'attempted_on, id' },
  networkRequests: { label: 'network request', orderBy: 'requested_on IS NULL, requested_on, id' },
  peerCalls: { label: 'peer-to-peer call', orderBy: 'occurred_on, id' },
  enrolments: { label: 'program', orderBy: 'id' },
  benefitsChecks: { label: 'benefits check', orderBy: 'checked_on DESC, id DESC' },
};

export function recordQueries<K extends CaseRecordKind>(db: Database, kind: K) {
  type Row = CaseRecordTypes[K];
  const fields = ['caseId', ...Object.keys(CASE_RECORDS[kind].shape)];
  const table = defineTable<Row>(db, kind, fields, RECORD_META[kind].label);
  const forCase = db.prepare(
    `SELECT * FROM ${kind} WHERE case_id = ? ORDER BY ${RECORD_META[kind].orderBy}`,
  );
  const caseOf = db.prepare(`SELECT case_id FROM ${kind} WHERE id = ?`).pluck();
  return {
    ...table,
    forCase: (caseId: number) => forCase.all(caseId).map((r) => fromRow<Row>(r)),
    caseOf: (id: number) => caseOf.get(id) as number | undefined,
  };
}
