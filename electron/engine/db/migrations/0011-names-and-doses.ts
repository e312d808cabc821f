// Schema version 11: clients' names in parts (middle name, suffix, preferred name, title, how
// letters refer to them) and treatments' dose history (highest dose, weeks at a therapeutic
// dose). Dates need no change: a month ("2019-03") or a year ("2019") is stored as text like a day.
import type { Migration } from '../migrate';
import { historyUpdateTrigger, versionUpdateTrigger } from './record-triggers';
import { SEARCHED, clientSearchTriggers, sourceView } from './0010-scale';

/** The columns a version tracks after this migration (see 0008-versions.ts). */
const TRACKED: Record<'clients' | 'treatments', string[]> = {
  clients: [
    'first_name',
    'middle_name',
    'last_name',
    'suffix',
    'preferred_name',
    'courtesy_title',
    'refer_as',
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
  treatments: [
    'case_id',
    'kind',
    'name',
    'dose',
    'max_dose',
    'weeks_at_therapeutic_dose',
    'started_on',
    'ended_on',
    'outcome',
    'reason_stopped',
    'source_document_id',
    'drug_class',
  ],
};

/** The version trigger of 0008, over this version's columns. */
const versionTrigger = (table: keyof typeof TRACKED) =>
  `DROP TRIGGER ${table}_versions;${versionUpdateTrigger(table, TRACKED[table])}`;

/** The case history's update trigger of 0006 for treatments, with the new columns. */
const treatmentHistory = `DROP TRIGGER treatments_history_update;${historyUpdateTrigger(
  'treatments',
  TRACKED.treatments.filter((c) => c !== 'case_id'),
)}`;

/**
 * Search finds a client by every part of their name. The words already indexed are the same (a
 * middle initial moved out of the first name keeps its letters), so the index is not rebuilt.
 */
const CLIENT_SEARCHED = [
  ...SEARCHED.clients.columns.slice(0, 1),
  'middle_name',
  'preferred_name',
  ...SEARCHED.clients.columns.slice(1),
];
const clientSearch = `
DROP TRIGGER clients_search_insert;
DROP TRIGGER clients_search_update;
DROP TRIGGER clients_search_delete;
DROP VIEW case_search_source;
${sourceView(CLIENT_SEARCHED)}
${clientSearchTriggers(CLIENT_SEARCHED)}`;

export const namesAndDoses: Migration = {
  version: 11,
  name: 'names-and-doses',
  sql: `
ALTER TABLE clients ADD COLUMN middle_name TEXT;
ALTER TABLE clients ADD COLUMN suffix TEXT;
ALTER TABLE clients ADD COLUMN preferred_name TEXT;
ALTER TABLE clients ADD COLUMN courtesy_title TEXT;
ALTER TABLE clients ADD COLUMN refer_as TEXT NOT NULL DEFAULT 'first-last';
${clientSearch}
-- A middle initial that an earlier version kept in the first name ("Jordan A.") moves to its own
-- field: letters then say "Jordan", never "Jordan A.". Done before the version trigger changes,
-- so an open form's copy is refused rather than saved over the split.
UPDATE clients
  SET middle_name = substr(first_name, length(first_name) - 1),
      first_name = rtrim(substr(first_name, 1, length(first_name) - 3))
  WHERE middle_name IS NULL AND first_name GLOB '?* [A-Z].';
UPDATE clients
  SET middle_name = substr(first_name, length(first_name)) || '.',
      first_name = rtrim(substr(first_name, 1, length(first_name) - 2))
  WHERE middle_name IS NULL AND first_name GLOB '?* [A-Z]';

ALTER TABLE treatments ADD COLUMN max_dose TEXT;
ALTER TABLE treatments ADD COLUMN weeks_at_therapeutic_dose INTEGER;
${treatmentHistory}
${versionTrigger('clients')}
${versionTrigger('treatments')}
`,
};
