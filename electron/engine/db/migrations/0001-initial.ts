// Schema version 1: the case library's tables, indexes and full-text search.
import type { Migration } from '../migrate';

const now = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const address = `
  address_line1 TEXT, address_line2 TEXT, city TEXT, state TEXT, postal_code TEXT`;
const stamps = `
  created_at TEXT NOT NULL DEFAULT ${now},
  updated_at TEXT NOT NULL DEFAULT ${now}`;

/** A case record's table: owned by a case, deleted with it. */
const caseRecord = (table: string, columns: string) => `
CREATE TABLE ${table} (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  ${columns},
  ${stamps}
) STRICT;
CREATE INDEX ${table}_case ON ${table}(case_id);`;

/**
 * One FTS5 index over clients, cases, records, the communication log and document text. Triggers
 * keep it in step inside the same transaction as the write, so search never sees half a change.
 * Each table has a slot in the FTS rowid (id * 8 + slot): updates and deletes find their row by
 * key instead of scanning the index.
 */
const SLOTS: Record<string, number> = {
  client: 1,
  case: 2,
  communication: 3,
  document: 4,
  diagnosis: 5,
  treatment: 6,
};

const indexed = (table: string, entity: string, columns: string[]) => {
  const body = columns.map((c) => `coalesce(new.${c}, '')`).join(` || ' ' || `);
  const key = (row: 'new' | 'old') => `${row}.id * 8 + ${SLOTS[entity]}`;
  return `
CREATE TRIGGER ${table}_fts_insert AFTER INSERT ON ${table} BEGIN
  INSERT INTO search_fts(rowid, entity, entity_id, body) VALUES (${key('new')}, '${entity}', new.id, ${body});
END;
CREATE TRIGGER ${table}_fts_update AFTER UPDATE OF ${columns.join(', ')} ON ${table} BEGIN
  DELETE FROM search_fts WHERE rowid = ${key('old')};
  INSERT INTO search_fts(rowid, entity, entity_id, body) VALUES (${key('new')}, '${entity}', new.id, ${body});
END;
CREATE TRIGGER ${table}_fts_delete AFTER DELETE ON ${table} BEGIN
  DELETE FROM search_fts WHERE rowid = ${key('old')};
END;`;
};

export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE profile (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT, organisation TEXT, ${address},
  phone TEXT, email TEXT, signature_block TEXT,
  ${stamps}
) STRICT;

CREATE TABLE clients (
  id INTEGER PRIMARY KEY,
  first_name TEXT NOT NULL, last_name TEXT NOT NULL, date_of_birth TEXT,
  phone TEXT, email TEXT, ${address}, notes TEXT,
  ${stamps}
) STRICT;
CREATE INDEX clients_name ON clients(last_name COLLATE NOCASE, first_name COLLATE NOCASE);

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
  requested_treatment TEXT NOT NULL, treatment_codes TEXT,
  status TEXT NOT NULL DEFAULT 'intake', opened_on TEXT,
  provider_name TEXT, provider_npi TEXT, provider_practice TEXT, provider_phone TEXT, provider_fax TEXT,
  insurer_name TEXT, plan_name TEXT, plan_type TEXT, member_id TEXT, group_number TEXT,
  notes TEXT,
  ${stamps}
) STRICT;
CREATE INDEX cases_client ON cases(client_id);
CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_updated ON cases(updated_at);

${caseRecord('diagnoses', 'icd10_code TEXT NOT NULL, description TEXT, diagnosed_on TEXT')}
${caseRecord(
  'treatments',
  `kind TEXT NOT NULL, name TEXT NOT NULL, dose TEXT, started_on TEXT, ended_on TEXT,
  outcome TEXT, reason_stopped TEXT`,
)}
${caseRecord('assessments', 'instrument TEXT NOT NULL, score REAL NOT NULL, assessed_on TEXT NOT NULL, notes TEXT')}
${caseRecord(
  'communications',
  'occurred_on TEXT NOT NULL, channel TEXT NOT NULL, person TEXT, reference_number TEXT, summary TEXT NOT NULL',
)}
${caseRecord('deadlines', `kind TEXT NOT NULL, title TEXT NOT NULL, due_on TEXT NOT NULL, completed_on TEXT, notes TEXT`)}
CREATE INDEX deadlines_open_due ON deadlines(due_on) WHERE completed_on IS NULL;

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  file_name TEXT NOT NULL, media_type TEXT NOT NULL, origin TEXT NOT NULL,
  sha256 TEXT NOT NULL, size_bytes INTEGER NOT NULL, text TEXT, note TEXT,
  ${stamps},
  UNIQUE (case_id, sha256)
) STRICT;
-- Bytes live apart so that listing documents never reads them.
CREATE TABLE document_contents (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  bytes BLOB NOT NULL
) STRICT;

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL, name TEXT NOT NULL, title TEXT, organisation TEXT, department TEXT,
  ${address}, phone TEXT, fax TEXT, email TEXT, npi TEXT, notes TEXT,
  ${stamps}
) STRICT;
CREATE INDEX contacts_kind_name ON contacts(kind, name COLLATE NOCASE);

CREATE VIRTUAL TABLE search_fts USING fts5(
  entity UNINDEXED, entity_id UNINDEXED, body,
  tokenize = 'unicode61 remove_diacritics 2'
);
${indexed('clients', 'client', ['first_name', 'last_name', 'date_of_birth', 'email', 'phone', 'city', 'state', 'notes'])}
${indexed('cases', 'case', [
  'requested_treatment',
  'treatment_codes',
  'provider_name',
  'provider_npi',
  'provider_practice',
  'insurer_name',
  'plan_name',
  'member_id',
  'group_number',
  'notes',
])}
${indexed('communications', 'communication', ['person', 'reference_number', 'summary'])}
${indexed('documents', 'document', ['file_name', 'text'])}
${indexed('diagnoses', 'diagnosis', ['icd10_code', 'description'])}
${indexed('treatments', 'treatment', ['name', 'outcome', 'reason_stopped'])}
`,
};
