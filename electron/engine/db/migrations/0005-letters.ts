// Schema version 5: what letters need. The case facts a letter argues from, the claim number
// appeals quote, the advocate's own letterhead, letter templates users can change, and
// each generated letter's origin.
import type { Migration } from '../migrate';

const now = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const letters: Migration = {
  version: 5,
  name: 'letters',
  sql: `
ALTER TABLE cases ADD COLUMN functional_impact TEXT;
ALTER TABLE cases ADD COLUMN prognosis TEXT;
ALTER TABLE cases ADD COLUMN treatment_plan TEXT;

-- The advocate's own letterhead: a .docx whose {{letter}} placeholder the letter replaces.
ALTER TABLE profile ADD COLUMN letterhead_name TEXT;
ALTER TABLE profile ADD COLUMN letterhead BLOB;

ALTER TABLE denials ADD COLUMN claim_number TEXT;

-- A built-in template keeps its key so it can be reset; a user's own has none.
CREATE TABLE letter_templates (
  id INTEGER PRIMARY KEY,
  builtin_key TEXT UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT ${now},
  updated_at TEXT NOT NULL DEFAULT ${now}
) STRICT;
CREATE INDEX letter_templates_kind ON letter_templates(kind, name COLLATE NOCASE);

-- A generated letter: its document, and the template text and case data it was made from, so
-- the advocate can always tell what a letter said and why.
CREATE TABLE letters (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  template_id INTEGER REFERENCES letter_templates(id) ON DELETE SET NULL,
  template_name TEXT NOT NULL,
  kind TEXT NOT NULL,
  template_source TEXT NOT NULL,
  data_json TEXT NOT NULL,
  recipient_contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
  gaps INTEGER NOT NULL
) STRICT;
CREATE INDEX letters_template ON letters(template_id);
`,
};
