// Tags on cases, and the case list's saved views. A case's tags are written as one set; a view's
// rename names the version it was made from, and a name is used once.
import type { Database } from 'better-sqlite3';
import type { EngineContext, HandlerSet } from '../context';
import { AppError } from '../../contract/errors';
import type { SavedView, TagCount } from '../../contract/case-tags';
import { fromRow } from '../db/table';
import { touchCase } from './touch';

type Calls =
  | 'caseTags.set'
  | 'caseTags.list'
  | 'views.list'
  | 'views.create'
  | 'views.rename'
  | 'views.delete';

/** Tags a filter offers at most (the most used first). */
const TAG_CHOICES = 200;

function statements(db: Database) {
  return {
    clear: db.prepare('DELETE FROM case_tags WHERE case_id = ?'),
    add: db.prepare('INSERT OR IGNORE INTO case_tags (case_id, tag) VALUES (?, ?)'),
    removeOne: db.prepare('DELETE FROM case_tags WHERE case_id = ? AND tag = ?'),
    ofCase: db.prepare('SELECT tag FROM case_tags WHERE case_id = ? ORDER BY tag').pluck(),
    counts: db.prepare(
      `SELECT tag, count(*) AS cases FROM case_tags GROUP BY tag ORDER BY cases DESC, tag LIMIT ${TAG_CHOICES}`,
    ),
    views: db.prepare('SELECT * FROM saved_views ORDER BY name COLLATE NOCASE'),
    view: db.prepare('SELECT * FROM saved_views WHERE id = ?'),
    named: db.prepare('SELECT id FROM saved_views WHERE name = ?').pluck(),
    insert: db.prepare('INSERT INTO saved_views (name, query) VALUES (?, ?) RETURNING *'),
    rename: db.prepare(
      'UPDATE saved_views SET name = @name, version = version + 1 WHERE id = @id RETURNING *',
    ),
    remove: db.prepare('DELETE FROM saved_views WHERE id = ?'),
  };
}

export function tagAndViewHandlers({ db }: EngineContext): HandlerSet<Calls> {
  const s = statements(db);
  const touch = touchCase(db);
  const view = (row: unknown) => fromRow<SavedView>(row);
  const found = (id: number): SavedView => {
    const row = s.view.get(id);
    if (!row)
      throw new AppError('not-found', `No saved view with id ${id}; it may have been deleted.`);
    return view(row);
  };
  const nameFree = (name: string, id: number | null) => {
    const taken = s.named.get(name) as number | undefined;
    if (taken !== undefined && taken !== id)
      throw new AppError('invalid-input', `A view is already called “${name}”.`, 'name');
  };

  return {
    'caseTags.set': ({ caseId, tags, from }) => {
      touch(caseId);
      if (from) {
        // Tags compare without case, as the table keeps them.
        const key = (t: string) => t.toLowerCase();
        const kept = new Set(tags.map(key));
        const before = new Set(from.map(key));
        for (const t of from) if (!kept.has(key(t))) s.removeOne.run(caseId, t);
        for (const t of tags) if (!before.has(key(t))) s.add.run(caseId, t);
      } else {
        s.clear.run(caseId);
        for (const tag of tags) s.add.run(caseId, tag);
      }
      const now = s.ofCase.all(caseId) as string[];
      if (now.length > 20)
        throw new AppError(
          'invalid-input',
          `A case takes at most 20 tags; with the tags added elsewhere meanwhile it would have ${now.length}.`,
          'tags',
        );
      return now;
    },
    'caseTags.list': () => s.counts.all().map((r) => fromRow<TagCount>(r)),
    'views.list': () => s.views.all().map(view),
    'views.create': ({ name, query }) => {
      nameFree(name, null);
      return view(s.insert.get(name, query));
    },
    'views.rename': ({ id, version, name }) => {
      const current = found(id);
      if (current.version !== version)
        throw new AppError(
          'conflict',
          `This view was changed somewhere else (it is now “${current.name}”). Reload, then rename it again.`,
          'name',
        );
      nameFree(name, id);
      return view(s.rename.get({ id, name }));
    },
    'views.delete': ({ id }) => {
      found(id);
      s.remove.run(id);
      return null;
    },
  };
}
