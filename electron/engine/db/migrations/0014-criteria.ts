// Payer criteria as data: criteria sets the advocate creates, copies and edits (the starter
// examples from public policies are seeded once, here), and each case's link to its set with the
// advocate's answers to the questions the records cannot settle. Numbered 12 until the schema
// version before it lands; only the number changes then.
import type { Migration } from '../migrate';
import { versionDeleteTrigger, versionUpdateTrigger } from './record-triggers';
import { seedStarterSets } from '../../criteria/starter-sets';

const now = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** The columns a version tracks (see 0008-versions.ts). */
const TRACKED: Record<string, string[]> = {
  criteria_sets: [
    'payer',
    'policy_name',
    'policy_number',
    'treatment',
    'effective_date',
    'source_url',
    'source_text',
    'criteria',
  ],
  case_criteria: ['set_id', 'answers'],
};

/** The version triggers of 0008, for the new tables. */
const versionTriggers = (table: string) =>
  versionUpdateTrigger(table, TRACKED[table]!) + versionDeleteTrigger(table);

export const criteria: Migration = {
  version: 14,
  name: 'criteria',
  sql: `
-- A payer's coverage policy for one treatment. The criteria are a JSON array (contract
-- criteria.ts): always read and written whole, with the set's version.
CREATE TABLE criteria_sets (
  id INTEGER PRIMARY KEY,
  -- Shipped examples keep their key (an archive maps them to this library's copy); own sets none.
  starter_key TEXT UNIQUE,
  payer TEXT NOT NULL,
  policy_name TEXT NOT NULL,
  policy_number TEXT,
  treatment TEXT NOT NULL,
  effective_date TEXT,
  source_url TEXT,
  source_text TEXT,
  criteria TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(criteria)),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT ${now},
  updated_at TEXT NOT NULL DEFAULT ${now}
) STRICT;
CREATE INDEX criteria_sets_order ON criteria_sets(treatment COLLATE NOCASE, payer COLLATE NOCASE);

-- A case's criteria set and the advocate's answers (a JSON object by criterion key). Deleting
-- the set leaves the answers with the case, unlinked.
CREATE TABLE case_criteria (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
  set_id INTEGER REFERENCES criteria_sets(id) ON DELETE SET NULL,
  answers TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(answers)),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT ${now},
  updated_at TEXT NOT NULL DEFAULT ${now}
) STRICT;
CREATE INDEX case_criteria_set ON case_criteria(set_id);
${Object.keys(TRACKED).map(versionTriggers).join('\n')}
`,
  run: seedStarterSets,
};
