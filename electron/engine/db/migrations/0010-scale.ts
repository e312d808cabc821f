// Schema version 9: a library of 100,000 cases answers as fast as one of a hundred.
//
// Search asks "which cases hold all these words", so the index holds one row per case (rowid =
// the case's id) with all of that case's searchable text: the database stops at the first page
// instead of resolving every matching record to its case. A second, small index finds clients
// by their own details (the client list). Both are kept in step by triggers inside the writing
// transaction, with FTS5's secure-delete on, so a deleted word leaves the file.
//
// The case list counts from a table that triggers keep (a count over a filtered table reads every
// row) and pages by stage or client through an index; the dashboard finds quiet cases through
// each open case's last activity date, also kept by triggers.
//
// SEARCHED below is the one place that says what search reads: a column added to it (and the
// triggers rebuilt by `caseSearchSql`) is searchable everywhere.
import type { Migration } from '../migrate';

/** The columns whose words find a case, per table, and the index column they are read into. */
export const SEARCHED = {
  clients: {
    into: 'client',
    columns: [
      'first_name',
      'last_name',
      'date_of_birth',
      'email',
      'phone',
      'city',
      'state',
      'notes',
    ],
  },
  cases: {
    into: 'kase',
    columns: [
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
    ],
  },
  diagnoses: { into: 'records', columns: ['icd10_code', 'description'] },
  treatments: { into: 'records', columns: ['name', 'drug_class', 'outcome', 'reason_stopped'] },
  communications: { into: 'records', columns: ['person', 'reference_number', 'summary'] },
  denials: { into: 'records', columns: ['reference_number', 'claim_number', 'service', 'reason'] },
  // Imported documents only: a letter the app wrote has an index of its own (migration 0011), so
  // writing one never rewrites its case's whole index row.
  documents: {
    into: 'documents',
    columns: ['file_name', 'text'],
    only: (row: string) => `${row}.origin <> 'generated'`,
  },
} as const satisfies Record<
  string,
  { into: string; columns: readonly string[]; only?: (row: string) => string }
>;

/** Which rows of a table search reads, as SQL over `row` (all of them unless SEARCHED says). */
const searchedRow = (table: keyof typeof SEARCHED, row: string) => {
  const only = (SEARCHED[table] as { only?: (row: string) => string }).only;
  return only ? only(row) : null;
};

/**
 * The index's columns: what describes the case (its client, its own fields, its records), then
 * its documents; search puts cases the words describe first (search/queries.ts).
 */
const INDEX_COLUMNS = ['client', 'kase', 'records', 'documents'] as const;

const CASE_RECORD_TABLES = Object.keys(SEARCHED).filter(
  (t) => t !== 'clients' && t !== 'cases',
) as (keyof typeof SEARCHED)[];

/** One row's searchable words, as SQL over `alias`. */
const words = (alias: string, columns: readonly string[]) =>
  columns.map((c) => `coalesce(${alias}.${c}, '')`).join(` || ' ' || `);

/** The text of every record of one kind of a case (k), as one string. */
const recordText = (table: keyof typeof SEARCHED) => {
  const only = searchedRow(table, 'r');
  return `coalesce((SELECT group_concat(${words('r', SEARCHED[table].columns)}, ' ') FROM ${table} r WHERE r.case_id = k.id${only ? ` AND ${only}` : ''}), '')`;
};

/**
 * The view the index is filled from: one row per case, one column per index column. A later
 * migration that adds a client column recreates it (and `clientSearchTriggers`) with the longer
 * list; the words already indexed do not change, so the index is not rebuilt.
 */
export function sourceView(clientColumns: readonly string[] = SEARCHED.clients.columns): string {
  const into = (column: string) =>
    CASE_RECORD_TABLES.filter((t) => SEARCHED[t].into === column).map(recordText);
  return `
CREATE VIEW case_search_source AS
SELECT k.id AS case_id,
  ${words('cl', clientColumns)} AS client,
  ${words('k', SEARCHED.cases.columns)} AS kase,
  ${into('records').join(` || ' ' || `) || "''"} AS records,
  ${into('documents').join(` || ' ' || `) || "''"} AS documents
FROM cases k JOIN clients cl ON cl.id = k.client_id;`;
}

/** Statements that rewrite the index rows of the cases `ids` (SQL yielding case ids). */
const refresh = (ids: string) => `
  DELETE FROM case_search WHERE rowid IN (${ids});
  INSERT INTO case_search (rowid, ${INDEX_COLUMNS.join(', ')})
    SELECT case_id, ${INDEX_COLUMNS.join(', ')} FROM case_search_source WHERE case_id IN (${ids});`;

/** The triggers that keep the client index, and the case rows of a client's cases, in step. */
export function clientSearchTriggers(client: readonly string[] = SEARCHED.clients.columns): string {
  return `
CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
  INSERT INTO client_search (rowid, words) VALUES (new.id, ${words('new', client)});
END;
CREATE TRIGGER clients_search_update AFTER UPDATE OF ${client.join(', ')} ON clients BEGIN
  DELETE FROM client_search WHERE rowid = old.id;
  INSERT INTO client_search (rowid, words) VALUES (new.id, ${words('new', client)});
  ${refresh('SELECT id FROM cases WHERE client_id = new.id')}
END;
CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
  DELETE FROM client_search WHERE rowid = old.id;
END;`;
}

/** The triggers that keep both indexes in step with every write. */
export function searchTriggersSql(): string {
  const when = (table: keyof typeof SEARCHED, ...rows: string[]) => {
    const only = rows.map((row) => searchedRow(table, row)).filter(Boolean);
    return only.length ? `WHEN ${only.join(' OR ')}` : '';
  };
  // An insert's refresh waits when a bulk writer holds the index (it writes the rows itself).
  const notHeld = '(SELECT held FROM search_held) = 0';
  const insertWhen = (table: keyof typeof SEARCHED) => {
    const only = searchedRow(table, 'new');
    return `WHEN ${notHeld}${only ? ` AND ${only}` : ''}`;
  };
  const out: string[] = [clientSearchTriggers()];
  out.push(`
CREATE TRIGGER cases_search_insert AFTER INSERT ON cases ${insertWhen('cases')} BEGIN
  ${refresh('new.id')}
END;
CREATE TRIGGER cases_search_update AFTER UPDATE OF client_id, ${SEARCHED.cases.columns.join(', ')} ON cases BEGIN
  ${refresh('new.id')}
END;
CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
  DELETE FROM case_search WHERE rowid = old.id;
END;`);
  for (const table of CASE_RECORD_TABLES) {
    const columns = SEARCHED[table].columns.join(', ');
    out.push(`
CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} ${insertWhen(table)} BEGIN
  ${refresh('new.case_id')}
END;
CREATE TRIGGER ${table}_search_update AFTER UPDATE OF case_id, ${columns} ON ${table} ${when(table, 'old', 'new')} BEGIN
  ${refresh('old.case_id, new.case_id')}
END;
CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} ${when(table, 'old')} BEGIN
  ${refresh('old.case_id')}
END;`);
  }
  return out.join('\n');
}

/**
 * Everything that makes up the search indexes: the tables, the source view and the triggers,
 * filled from what the library holds. A later migration that adds a searched column drops the
 * view and triggers (see `dropCaseSearchSql`) and runs this again.
 */
export function caseSearchSql(): string {
  // A prefix index for three letters: typing "Pol" or "ket" reads one list. Shorter words are
  // matched whole (see fts-query.ts); longer prefixes merge the few words that start with them.
  // Each prefix length makes every write of the index dearer, so only the one that pays.
  const options = `tokenize = 'unicode61 remove_diacritics 2', prefix = '3'`;
  return `
CREATE VIRTUAL TABLE case_search USING fts5(${INDEX_COLUMNS.join(', ')}, ${options});
INSERT INTO case_search (case_search, rank) VALUES ('secure-delete', 1);
CREATE VIRTUAL TABLE client_search USING fts5(words, ${options});
-- Set (1) only inside a bulk writer's transaction (search/held-index.ts), which then writes each
-- touched case's row once instead of on every insert; always 0 once a transaction commits.
CREATE TABLE search_held (id INTEGER PRIMARY KEY CHECK (id = 1), held INTEGER NOT NULL) STRICT;
INSERT INTO search_held (id, held) VALUES (1, 0);
INSERT INTO client_search (client_search, rank) VALUES ('secure-delete', 1);
${sourceView()}
${searchTriggersSql()}
INSERT INTO case_search (rowid, ${INDEX_COLUMNS.join(', ')})
  SELECT case_id, ${INDEX_COLUMNS.join(', ')} FROM case_search_source;
INSERT INTO client_search (rowid, words) SELECT id, ${words('clients', SEARCHED.clients.columns)} FROM clients;`;
}

/** The names of the triggers `searchTriggersSql` makes. */
export function searchTriggerNames(): string[] {
  return [
    'clients_search_insert',
    'clients_search_update',
    'clients_search_delete',
    'cases_search_insert',
    'cases_search_update',
    'cases_search_delete',
    ...CASE_RECORD_TABLES.flatMap((t) =>
      ['insert', 'update', 'delete'].map((w) => `${t}_search_${w}`),
    ),
  ];
}

/** Drops what `caseSearchSql` made (the index and its words go, zeroed by secure_delete). */
export function dropCaseSearchSql(): string {
  return `${searchTriggerNames()
    .map((n) => `DROP TRIGGER IF EXISTS ${n};`)
    .join('\n')}
DROP VIEW IF EXISTS case_search_source;
DROP TABLE IF EXISTS case_search;
DROP TABLE IF EXISTS client_search;
DROP TABLE IF EXISTS search_held;`;
}

/** The per-record index of earlier versions. */
const OLD_INDEX = ['clients', 'cases', 'communications', 'documents', 'diagnoses', 'treatments'];

const CLOSED = `('closed-won', 'closed-lost', 'closed-withdrawn')`;

/** A case's last activity: a change to it or its records, a logged contact, a stage move. */
const activityOf = (id: string) => `max(
    coalesce((SELECT substr(updated_at, 1, 10) FROM cases WHERE id = ${id}), ''),
    coalesce((SELECT max(occurred_on) FROM communications WHERE case_id = ${id}), ''),
    coalesce((SELECT max(moved_on) FROM stage_moves WHERE case_id = ${id}), ''))`;
const setActivity = (id: string) =>
  `UPDATE case_activity SET last_on = ${activityOf(id)} WHERE case_id = ${id};`;

/** Triggers that count the rows of `table` by `column` (or all together) in list_counts. */
function counted(table: string, column: string | null): string {
  const key = (row: 'new' | 'old') => (column ? `${row}.${column}` : "''");
  const add = (row: 'new' | 'old', n: number) =>
    `INSERT INTO list_counts (list, key, count) VALUES ('${table}', ${key(row)}, ${n})
    ON CONFLICT (list, key) DO UPDATE SET count = count + ${n};`;
  const update = column
    ? `
CREATE TRIGGER ${table}_count_update AFTER UPDATE OF ${column} ON ${table}
WHEN old.${column} IS NOT new.${column} BEGIN
  ${add('old', -1)}
  ${add('new', 1)}
END;`
    : '';
  return `
INSERT INTO list_counts (list, key, count)
  SELECT '${table}', ${column ?? "''"}, count(*) FROM ${table} GROUP BY 2;
CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} BEGIN
  ${add('new', 1)}
END;
CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} BEGIN
  ${add('old', -1)}
END;${update}`;
}

const WON = `('closed-won', 'approved')`;
/** The stages in which a case waits on the insurer's decision (as at this version). */
const WAITING = `('prior-auth-submitted', 'internal-appeal-1', 'internal-appeal-2', 'external-review')`;

/** Rewrites the waiting rows of the cases `ids` (SQL yielding case ids). */
const refreshWait = (ids: string) => `
  DELETE FROM case_waits WHERE case_id IN (${ids});
  INSERT INTO case_waits SELECT * FROM case_wait_source WHERE case_id IN (${ids});`;

/** Triggers that count cases won and lost by `column` (its words, any case) in outcome_counts. */
function outcomes(dimension: string, column: string, missing: string): string {
  const label = (row: string) => `coalesce(nullif(trim(${row}.${column}), ''), '${missing}')`;
  const won = (row: string) => `(${row}.status IN ${WON})`;
  const lost = (row: string) => `(${row}.status = 'closed-lost')`;
  const add = (row: 'new' | 'old', sign: 1 | -1) =>
    `INSERT INTO outcome_counts (dimension, key, label, won, lost)
    SELECT '${dimension}', lower(${label(row)}), ${label(row)}, ${sign} * ${won(row)}, ${sign} * ${lost(row)}
    WHERE ${won(row)} OR ${lost(row)}
    ON CONFLICT (dimension, key) DO UPDATE SET won = won + excluded.won, lost = lost + excluded.lost;`;
  return `
INSERT INTO outcome_counts (dimension, key, label, won, lost)
  SELECT '${dimension}', lower(${label('c')}), min(${label('c')}), sum(${won('c')}), sum(${lost('c')})
  FROM cases c WHERE ${won('c')} OR ${lost('c')} GROUP BY 2;
CREATE TRIGGER cases_${dimension}_outcome_insert AFTER INSERT ON cases BEGIN
  ${add('new', 1)}
END;
CREATE TRIGGER cases_${dimension}_outcome_delete AFTER DELETE ON cases BEGIN
  ${add('old', -1)}
END;
CREATE TRIGGER cases_${dimension}_outcome_update AFTER UPDATE OF status, ${column} ON cases BEGIN
  ${add('old', -1)}
  ${add('new', 1)}
END;`;
}

export const scale: Migration = {
  version: 10,
  name: 'scale',
  sql: `
${OLD_INDEX.flatMap((t) => ['insert', 'update', 'delete'].map((w) => `DROP TRIGGER ${t}_fts_${w};`)).join('\n')}
DROP TABLE search_fts;
${caseSearchSql()}

-- How many cases are at each stage, and how many clients, documents and contacts (of each kind)
-- there are, kept by triggers: a count reads one row instead of every row of a table.
CREATE TABLE list_counts (
  list TEXT NOT NULL,
  key TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (list, key)
) STRICT, WITHOUT ROWID;
${counted('cases', 'status')}
${counted('clients', null)}
${counted('contacts', 'kind')}
${counted('documents', null)}

-- Won and lost by insurer and by treatment, kept by triggers: the dashboard's charts read a row
-- per insurer instead of every closed case.
CREATE TABLE outcome_counts (
  dimension TEXT NOT NULL,
  key TEXT NOT NULL,
  label TEXT NOT NULL,
  won INTEGER NOT NULL,
  lost INTEGER NOT NULL,
  PRIMARY KEY (dimension, key)
) STRICT, WITHOUT ROWID;
${outcomes('insurer', 'insurer_name', 'Insurer not recorded')}
${outcomes('treatment', 'requested_treatment', 'Treatment not recorded')}

-- What decides each waiting case's decision date, kept by triggers: the dashboard reads one small
-- row per waiting case instead of joining each one's stage history, denials and client.
CREATE VIEW case_wait_source AS
SELECT k.id AS case_id, k.status, k.plan_type, cl.state, m.moved_on AS submitted_on, m.claim_type,
  (SELECT claim_type FROM denials dn WHERE dn.case_id = k.id
    ORDER BY dn.denied_on DESC, dn.id DESC LIMIT 1) AS denial_claim_type
FROM cases k JOIN clients cl ON cl.id = k.client_id
JOIN stage_moves m ON m.id = (
  SELECT id FROM stage_moves s WHERE s.case_id = k.id AND s.to_stage = k.status
  ORDER BY s.moved_on DESC, s.id DESC LIMIT 1)
WHERE k.status IN ${WAITING};
CREATE TABLE case_waits (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  plan_type TEXT,
  state TEXT,
  submitted_on TEXT NOT NULL,
  claim_type TEXT,
  denial_claim_type TEXT
) STRICT;
INSERT INTO case_waits SELECT * FROM case_wait_source;
CREATE TRIGGER cases_wait_insert AFTER INSERT ON cases BEGIN
  ${refreshWait('new.id')}
END;
CREATE TRIGGER cases_wait_update AFTER UPDATE OF status, plan_type, client_id ON cases BEGIN
  ${refreshWait('new.id')}
END;
CREATE TRIGGER stage_moves_wait_insert AFTER INSERT ON stage_moves BEGIN
  ${refreshWait('new.case_id')}
END;
CREATE TRIGGER stage_moves_wait_delete AFTER DELETE ON stage_moves BEGIN
  ${refreshWait('old.case_id')}
END;
CREATE TRIGGER denials_wait_insert AFTER INSERT ON denials BEGIN
  ${refreshWait('new.case_id')}
END;
CREATE TRIGGER denials_wait_update AFTER UPDATE OF case_id, claim_type, denied_on ON denials BEGIN
  ${refreshWait('old.case_id')}
  ${refreshWait('new.case_id')}
END;
CREATE TRIGGER denials_wait_delete AFTER DELETE ON denials BEGIN
  ${refreshWait('old.case_id')}
END;
CREATE TRIGGER clients_wait_update AFTER UPDATE OF state ON clients BEGIN
  ${refreshWait('SELECT id FROM cases WHERE client_id = new.id')}
END;

-- The case list by stage and by client, newest activity first, straight from an index.
DROP INDEX cases_status;
DROP INDEX cases_client;
CREATE INDEX cases_status_updated ON cases(status, updated_at);
CREATE INDEX cases_client_updated ON cases(client_id, updated_at);
-- A case's latest denial, read for every waiting case on the dashboard, without a sort.
DROP INDEX denials_case;
CREATE INDEX denials_case_latest ON denials(case_id, denied_on);

-- Each open case's last activity, kept by triggers, so "no activity in 30 days" reads an index
-- instead of every case's log and stage history.
CREATE TABLE case_activity (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  open INTEGER NOT NULL,
  last_on TEXT NOT NULL
) STRICT;
CREATE INDEX case_activity_open ON case_activity(open, last_on);
INSERT INTO case_activity (case_id, open, last_on)
  SELECT id, status NOT IN ${CLOSED}, ${activityOf('cases.id')} FROM cases;
CREATE TRIGGER cases_activity_insert AFTER INSERT ON cases BEGIN
  INSERT INTO case_activity (case_id, open, last_on)
    VALUES (new.id, new.status NOT IN ${CLOSED}, ${activityOf('new.id')});
END;
CREATE TRIGGER cases_activity_update AFTER UPDATE OF status, updated_at ON cases BEGIN
  UPDATE case_activity SET open = new.status NOT IN ${CLOSED}, last_on = ${activityOf('new.id')}
    WHERE case_id = new.id;
END;
CREATE TRIGGER communications_activity_insert AFTER INSERT ON communications BEGIN
  ${setActivity('new.case_id')}
END;
CREATE TRIGGER communications_activity_update AFTER UPDATE OF case_id, occurred_on ON communications BEGIN
  ${setActivity('old.case_id')}
  ${setActivity('new.case_id')}
END;
CREATE TRIGGER communications_activity_delete AFTER DELETE ON communications BEGIN
  ${setActivity('old.case_id')}
END;
CREATE TRIGGER stage_moves_activity_insert AFTER INSERT ON stage_moves BEGIN
  ${setActivity('new.case_id')}
END;
CREATE TRIGGER stage_moves_activity_delete AFTER DELETE ON stage_moves BEGIN
  ${setActivity('old.case_id')}
END;
`,
};
