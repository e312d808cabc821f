// Schema version 6: app settings (the backup folder, when the file was last fully checked) and
// each case's history of changes, written by triggers so no write path can skip it.
import type { Migration } from '../migrate';

const now = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * The columns whose changes are recorded, per table, and how a row is named in the history.
 * Timestamps are left out: they change on every write and say nothing a person would look for.
 */
const AUDITED: Record<string, { columns: string[]; label: string }> = {
  cases: {
    columns: [
      'client_id',
      'requested_treatment',
      'treatment_codes',
      'status',
      'opened_on',
      'provider_name',
      'provider_npi',
      'provider_practice',
      'provider_phone',
      'provider_fax',
      'insurer_name',
      'plan_name',
      'plan_type',
      'member_id',
      'group_number',
      'functional_impact',
      'prognosis',
      'treatment_plan',
      'notes',
    ],
    label: 'requested_treatment',
  },
  denials: {
    columns: [
      'denied_on',
      'received_on',
      'reference_number',
      'claim_number',
      'reason',
      'service',
      'claim_type',
      'level',
      'letter_deadline_on',
      'override_on',
      'state_window_days',
    ],
    label: 'service',
  },
  diagnoses: {
    columns: ['icd10_code', 'description', 'diagnosed_on', 'source_document_id'],
    label: 'icd10_code',
  },
  treatments: {
    columns: [
      'kind',
      'name',
      'dose',
      'started_on',
      'ended_on',
      'outcome',
      'reason_stopped',
      'drug_class',
      'source_document_id',
    ],
    label: 'name',
  },
  assessments: {
    columns: ['instrument', 'score', 'assessed_on', 'notes', 'source_document_id'],
    label: 'instrument',
  },
  communications: {
    columns: [
      'occurred_on',
      'channel',
      'person',
      'reference_number',
      'summary',
      'source_document_id',
    ],
    label: 'summary',
  },
  deadlines: {
    columns: ['kind', 'title', 'due_on', 'completed_on', 'notes', 'source_document_id'],
    label: 'title',
  },
  documents: { columns: ['file_name', 'note'], label: 'file_name' },
};

/**
 * Triggers for one table. `audit_actor()` is defined on every connection the engine opens
 * (db/open.ts) and names the door and call that made the change. A row deleted because its case
 * was deleted is not logged: the case's history goes with it.
 */
function auditTriggers(table: string): string {
  const { columns, label } = AUDITED[table]!;
  const caseOf = (row: 'new' | 'old') => (table === 'cases' ? `${row}.id` : `${row}.case_id`);
  const insert = (row: 'new' | 'old', action: string, field: string, oldV: string, newV: string) =>
    `INSERT INTO case_history (case_id, table_name, record_id, action, field, old_value, new_value, actor)
     SELECT ${caseOf(row)}, '${table}', ${row}.id, '${action}', ${field}, ${oldV}, ${newV}, audit_actor()`;
  const updates = columns
    .map(
      (c) =>
        `${insert('new', 'update', `'${c}'`, `old.${c}`, `new.${c}`)} WHERE old.${c} IS NOT new.${c};`,
    )
    .join('\n  ');
  const deleteTrigger =
    table === 'cases'
      ? ''
      : `
CREATE TRIGGER ${table}_history_delete AFTER DELETE ON ${table} BEGIN
  ${insert('old', 'delete', 'NULL', `old.${label}`, 'NULL')}
    WHERE EXISTS (SELECT 1 FROM cases WHERE id = old.case_id);
END;`;
  return `
CREATE TRIGGER ${table}_history_insert AFTER INSERT ON ${table} BEGIN
  ${insert('new', 'create', 'NULL', 'NULL', `new.${label}`)};
END;
CREATE TRIGGER ${table}_history_update AFTER UPDATE ON ${table} BEGIN
  ${updates}
END;${deleteTrigger}`;
}

export const safety: Migration = {
  version: 6,
  name: 'safety',
  sql: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE case_history (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  table_name TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  field TEXT,
  old_value ANY,
  new_value ANY,
  changed_at TEXT NOT NULL DEFAULT ${now},
  actor TEXT NOT NULL
) STRICT;
CREATE INDEX case_history_case ON case_history(case_id, id);
${Object.keys(AUDITED).map(auditTriggers).join('\n')}
`,
};
