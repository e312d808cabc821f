// Tags an advocate puts on cases ("spanish", "urgent", "grant-funded") to filter the list by, and
// the list's saved views: a name for a set of filters and an order, kept in the library.
import type { Migration } from '../migrate';

export const tagsAndViews: Migration = {
  version: 18,
  name: 'tags-and-views',
  sql: `
CREATE TABLE case_tags (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  tag TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (case_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_tags_tag ON case_tags(tag, case_id);

CREATE TABLE saved_views (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  -- The case list's address query ("insurer=Prairie+Health&sort=due"), read back through the
  -- same parser as a bookmark.
  query TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
`,
};
