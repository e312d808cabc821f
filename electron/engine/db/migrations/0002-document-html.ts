// Schema version 2: imported documents keep mammoth's HTML preview and its warnings.
import type { Migration } from '../migrate';

export const documentHtml: Migration = {
  version: 2,
  name: 'document-html',
  sql: `
ALTER TABLE documents ADD COLUMN html TEXT;
ALTER TABLE documents ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
`,
};
