// Schema version 9: documents are filed by type (proposed from their text, editable and
// versioned) and remember what the advocate decided about their facts; a denial keeps the notice it was
// recorded from and where appeals go. Self-contained (one file) so it can be renumbered at merge.
import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';
import { toCamel } from '../table';
import { proposeDocumentType } from '../../documents/document-type';

/** The denial columns a version and the history track, as they are at this version. */
const DENIAL_TRACKED = [
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
  'appeal_address',
  'appeal_fax',
  'source_document_id',
];
const DENIAL_AUDITED = [
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
  'appeal_address',
  'appeal_fax',
  'source_document_id',
];
const DOCUMENT_TRACKED = ['document_type', 'note'];
const DOCUMENT_AUDITED = ['file_name', 'note', 'document_type'];

/** As 0008's: the version moves on and the changed fields are recorded under it. */
function versionTrigger(table: string, columns: string[]): string {
  const changed = columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');
  const fields = columns
    .map((c) => `SELECT '${toCamel(c)}' AS f WHERE old.${c} IS NOT new.${c}`)
    .join(' UNION ALL ');
  return `
CREATE TRIGGER ${table}_versions AFTER UPDATE ON ${table} WHEN ${changed} BEGIN
  UPDATE ${table} SET version = old.version + 1 WHERE id = new.id AND version = old.version;
  INSERT OR REPLACE INTO record_changes (table_name, row_id, version, fields)
    SELECT '${table}', new.id, old.version + 1, json_group_array(f) FROM (${fields});
END;`;
}

/** As 0006's update trigger: one history row per changed column. */
function historyTrigger(table: string, columns: string[]): string {
  const updates = columns
    .map(
      (c) =>
        `INSERT INTO case_history (case_id, table_name, record_id, action, field, old_value, new_value, actor)
     SELECT new.case_id, '${table}', new.id, 'update', '${c}', old.${c}, new.${c}, audit_actor() WHERE old.${c} IS NOT new.${c};`,
    )
    .join('\n  ');
  return `
CREATE TRIGGER ${table}_history_update AFTER UPDATE ON ${table} BEGIN
  ${updates}
END;`;
}

/** Files the documents already kept, from their text, before any trigger counts it as an edit. */
function typeExistingDocuments(db: Database): void {
  const ids = db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
  const read = db.prepare('SELECT origin, text FROM documents WHERE id = ?');
  const write = db.prepare('UPDATE documents SET document_type = ? WHERE id = ?');
  for (const id of ids) {
    const row = read.get(id) as { origin: 'imported' | 'generated'; text: string | null };
    write.run(proposeDocumentType(row.text, row.origin), id);
  }
}

export const factsAccept: Migration = {
  version: 9,
  name: 'facts-accept',
  sql: `
ALTER TABLE documents ADD COLUMN document_type TEXT;
-- What the advocate decided about the facts proposed from this document (contract/facts.ts
-- FactDecisions, as JSON): the keys rejected, and each accepted key with the record it became.
ALTER TABLE documents ADD COLUMN fact_decisions TEXT NOT NULL DEFAULT '{}';
ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

ALTER TABLE denials ADD COLUMN appeal_address TEXT;
ALTER TABLE denials ADD COLUMN appeal_fax TEXT;
ALTER TABLE denials ADD COLUMN source_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL;
CREATE INDEX denials_source_document ON denials(source_document_id);
`,
  run(db) {
    typeExistingDocuments(db);
    db.exec(`
DROP TRIGGER denials_versions;
${versionTrigger('denials', DENIAL_TRACKED)}
DROP TRIGGER denials_history_update;
${historyTrigger('denials', DENIAL_AUDITED)}
${versionTrigger('documents', DOCUMENT_TRACKED)}
CREATE TRIGGER documents_versions_delete AFTER DELETE ON documents BEGIN
  DELETE FROM record_changes WHERE table_name = 'documents' AND row_id = old.id;
END;
DROP TRIGGER documents_history_update;
${historyTrigger('documents', DOCUMENT_AUDITED)}
`);
  },
};
