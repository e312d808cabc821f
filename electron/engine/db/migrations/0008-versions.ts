// Schema version 8: a version on every record a person edits, and which fields each version
// changed, so an edit made from an older copy can be refused by name instead of applied over it.
import type { Migration } from '../migrate';
import { toCamel } from '../table';

/**
 * The columns a version tracks, per table (all but id and timestamps), as they are at this
 * version of the schema. A later migration that adds a column a person edits must recreate the
 * table's `_versions` trigger, as it must the history's.
 */
const TRACKED: Record<string, string[]> = {
  profile: [
    'name',
    'organisation',
    'address_line1',
    'address_line2',
    'city',
    'state',
    'postal_code',
    'phone',
    'email',
    'signature_block',
    'letterhead_name',
    'letterhead',
  ],
  clients: [
    'first_name',
    'last_name',
    'date_of_birth',
    'phone',
    'email',
    'address_line1',
    'address_line2',
    'city',
    'state',
    'postal_code',
    'notes',
  ],
  cases: [
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
    'notes',
    'functional_impact',
    'prognosis',
    'treatment_plan',
  ],
  diagnoses: ['case_id', 'icd10_code', 'description', 'diagnosed_on', 'source_document_id'],
  treatments: [
    'case_id',
    'kind',
    'name',
    'dose',
    'started_on',
    'ended_on',
    'outcome',
    'reason_stopped',
    'source_document_id',
    'drug_class',
  ],
  assessments: ['case_id', 'instrument', 'score', 'assessed_on', 'notes', 'source_document_id'],
  communications: [
    'case_id',
    'occurred_on',
    'channel',
    'person',
    'reference_number',
    'summary',
    'source_document_id',
  ],
  deadlines: ['case_id', 'kind', 'title', 'due_on', 'completed_on', 'notes', 'source_document_id'],
  denials: [
    'case_id',
    'denied_on',
    'received_on',
    'reference_number',
    'reason',
    'service',
    'claim_type',
    'level',
    'letter_deadline_on',
    'override_on',
    'state_window_days',
    'computed_on',
    'rule',
    'deadline_id',
    'claim_number',
  ],
  contacts: [
    'kind',
    'name',
    'title',
    'organisation',
    'department',
    'address_line1',
    'address_line2',
    'city',
    'state',
    'postal_code',
    'phone',
    'fax',
    'email',
    'npi',
    'notes',
  ],
  letter_templates: ['builtin_key', 'name', 'kind', 'description', 'source'],
};

/**
 * After any write that changes a tracked column: the version moves on by one (unless the writer
 * already moved it, as the shared update path does) and the changed fields are recorded under
 * the new version. Triggers, not handlers, so a write that bypasses the update path (a stage
 * move, a restore of templates from an archive) still makes older copies stale.
 */
function versionTriggers(table: string): string {
  const columns = TRACKED[table]!;
  const changed = columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');
  const fields = columns
    .map((c) => `SELECT '${toCamel(c)}' AS f WHERE old.${c} IS NOT new.${c}`)
    .join(' UNION ALL ');
  return `
ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER ${table}_versions AFTER UPDATE ON ${table} WHEN ${changed} BEGIN
  UPDATE ${table} SET version = old.version + 1 WHERE id = new.id AND version = old.version;
  INSERT OR REPLACE INTO record_changes (table_name, row_id, version, fields)
    SELECT '${table}', new.id, old.version + 1, json_group_array(f) FROM (${fields});
END;
CREATE TRIGGER ${table}_versions_delete AFTER DELETE ON ${table} BEGIN
  DELETE FROM record_changes WHERE table_name = '${table}' AND row_id = old.id;
END;`;
}

export const versions: Migration = {
  version: 8,
  name: 'versions',
  sql: `
-- One row per version of a record: the fields (camelCase, as the contract names them) that
-- version changed. "What changed since version v" is the union of the rows after v.
CREATE TABLE record_changes (
  table_name TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  fields TEXT NOT NULL,
  PRIMARY KEY (table_name, row_id, version)
) STRICT, WITHOUT ROWID;
${Object.keys(TRACKED).map(versionTriggers).join('\n')}
`,
};
