// Schema version 3: records remember the document a fact was accepted from, and treatments
// keep their drug class (step-therapy rules count failed trials by class).
import type { Migration } from '../migrate';

const source = (table: string) =>
  `ALTER TABLE ${table} ADD COLUMN source_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL;`;

export const factSources: Migration = {
  version: 3,
  name: 'fact-sources',
  sql: [
    ...['diagnoses', 'treatments', 'assessments', 'communications', 'deadlines'].map(source),
    'ALTER TABLE treatments ADD COLUMN drug_class TEXT;',
  ].join('\n'),
};
