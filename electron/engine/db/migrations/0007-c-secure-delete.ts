// Schema version 7: deleting a record leaves none of its words in the file. PRAGMA secure_delete
// zeroes freed table and index space, but FTS5 keeps deleted tokens in its own segment pages
// until they are merged away; its secure-delete option removes them on every delete. The rebuild
// writes the index afresh, so words deleted before this version are gone too (the old segment
// pages are freed, and secure_delete zeroes them).
import type { Migration } from '../migrate';

export const secureDelete: Migration = {
  version: 7,
  name: 'secure-delete',
  sql: `
INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO search_fts(search_fts) VALUES ('rebuild');
`,
};
