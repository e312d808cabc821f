// Schema version 12: the letters the app wrote are found by search again.
//
// An advocate looks a case up by a phrase they wrote in its letter. A letter's words go into an
// index of their own, one row per letter (rowid = the document's id), instead of into its case's
// row: writing a letter then adds one small row rather than rewriting all of the case's text, and
// search asks both indexes (search/queries.ts). Kept in step by triggers inside the writing
// transaction, with FTS5's secure-delete on, so a deleted letter's words leave the file.
import type { Migration } from '../migrate';

/** A letter's searchable words, as SQL over `row` (a documents row). */
const words = (row: string) => `coalesce(${row}.file_name, '') || ' ' || coalesce(${row}.text, '')`;
const LETTER = (row: string) => `${row}.origin = 'generated'`;

export const letterSearch: Migration = {
  version: 12,
  name: 'letter-search',
  sql: `
CREATE VIRTUAL TABLE letter_search USING fts5(words,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '3');
INSERT INTO letter_search (letter_search, rank) VALUES ('secure-delete', 1);
INSERT INTO letter_search (rowid, words)
  SELECT id, ${words('d')} FROM documents d WHERE ${LETTER('d')};
CREATE TRIGGER documents_letter_search_insert AFTER INSERT ON documents WHEN ${LETTER('new')} BEGIN
  INSERT INTO letter_search (rowid, words) VALUES (new.id, ${words('new')});
END;
CREATE TRIGGER documents_letter_search_update AFTER UPDATE OF origin, file_name, text ON documents
WHEN ${LETTER('old')} OR ${LETTER('new')} BEGIN
  DELETE FROM letter_search WHERE rowid = old.id;
  INSERT INTO letter_search (rowid, words) SELECT new.id, ${words('new')} WHERE ${LETTER('new')};
END;
CREATE TRIGGER documents_letter_search_delete AFTER DELETE ON documents WHEN ${LETTER('old')} BEGIN
  DELETE FROM letter_search WHERE rowid = old.id;
END;
`,
};
