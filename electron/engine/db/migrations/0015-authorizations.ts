// Authorizations each client signs (a Medicare appointment of representative, a plan's
// representative designation, a HIPAA release, a congressional privacy release), kept per client
// so every case of theirs can use them.
import type { Migration } from '../migrate';
import { versionDeleteTrigger, versionUpdateTrigger } from './record-triggers';

const now = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** The columns a version tracks and each case's history records. */
export const AUTHORIZATION_COLUMNS = [
  'kind',
  'status',
  'scope',
  'plan_name',
  'member_id',
  'group_number',
  'representative_name',
  'representative_address',
  'representative_phone',
  'disclosed_by',
  'disclosed_to',
  'information',
  'purpose',
  'office',
  'caseworker',
  'party_signed_on',
  'representative_signed_on',
  'expires_on',
  'expiry_event',
  'revoked_on',
  'document_id',
  'notes',
] as const;

/** A client's authorization belongs to every one of their cases: each case's history shows it. */
const history = (action: string, row: 'new' | 'old', field: string, oldV: string, newV: string) =>
  `INSERT INTO case_history (case_id, table_name, record_id, action, field, old_value, new_value, actor)
     SELECT c.id, 'authorizations', ${row}.id, '${action}', ${field}, ${oldV}, ${newV}, audit_actor()
     FROM cases c WHERE c.client_id = ${row}.client_id`;

const historyTriggers = `
CREATE TRIGGER authorizations_history_insert AFTER INSERT ON authorizations BEGIN
  ${history('create', 'new', 'NULL', 'NULL', 'new.kind')};
END;
CREATE TRIGGER authorizations_history_update AFTER UPDATE ON authorizations BEGIN
  ${AUTHORIZATION_COLUMNS.map(
    (c) =>
      `${history('update', 'new', `'${c}'`, `old.${c}`, `new.${c}`)} AND old.${c} IS NOT new.${c};`,
  ).join('\n  ')}
END;
CREATE TRIGGER authorizations_history_delete AFTER DELETE ON authorizations BEGIN
  ${history('delete', 'old', 'NULL', 'old.kind', 'NULL')};
END;`;

export const authorizations: Migration = {
  version: 15,
  name: 'authorizations',
  sql: `
CREATE TABLE authorizations (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('medicare-representative', 'plan-representative', 'hipaa-release', 'congressional-release')),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed', 'revoked')),
  scope TEXT,
  plan_name TEXT,
  member_id TEXT,
  group_number TEXT,
  representative_name TEXT,
  representative_address TEXT,
  representative_phone TEXT,
  disclosed_by TEXT,
  disclosed_to TEXT,
  information TEXT,
  purpose TEXT,
  office TEXT,
  caseworker TEXT,
  party_signed_on TEXT,
  representative_signed_on TEXT,
  -- In force until this day: computed for a CMS-1696, as written for the others.
  expires_on TEXT,
  expiry_event TEXT,
  revoked_on TEXT,
  -- The signed copy or the plan's own form: one of the client's case documents.
  document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
  notes TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT ${now},
  updated_at TEXT NOT NULL DEFAULT ${now}
) STRICT;
CREATE INDEX authorizations_client ON authorizations(client_id, kind, status, expires_on);
-- The dashboard's "expiring" list reads signed ones by date, soonest first.
CREATE INDEX authorizations_expiry ON authorizations(expires_on) WHERE status = 'signed';
CREATE INDEX authorizations_document ON authorizations(document_id) WHERE document_id IS NOT NULL;
${versionUpdateTrigger('authorizations', AUTHORIZATION_COLUMNS)}
${versionDeleteTrigger('authorizations')}
${historyTriggers}
`,
};
