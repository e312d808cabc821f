// SQL for letter templates, and the built-ins seeded from resources/templates (one .md a kind).
import type { Database } from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { AppError } from '../../contract/errors';
import type { LetterKind, Template, TemplateSummary } from '../../contract/letter';
import { fromRow } from '../db/table';
import { changeLog, conflictError, conflictingFields } from '../db/versions';
import { resourcePath } from '../resources';
import { checkTemplateShape, parseTemplate } from './template-source';

let builtIns: ReadonlyMap<string, string> | undefined;

/** The templates the app ships, by key (their file name), as their original text. */
export function builtInTemplates(): ReadonlyMap<string, string> {
  if (!builtIns) {
    const dir = resourcePath('templates');
    builtIns = new Map(
      readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => [f.slice(0, -3), readFileSync(`${dir}/${f}`, 'utf8')]),
    );
  }
  return builtIns;
}

interface Row {
  id: number;
  builtinKey: string | null;
  name: string;
  kind: LetterKind;
  description: string;
  source: string;
  updatedAt: string;
  version: number;
}

export function templateQueries(db: Database) {
  const all = db.prepare(
    'SELECT * FROM letter_templates ORDER BY builtin_key IS NULL, kind, name COLLATE NOCASE',
  );
  const one = db.prepare('SELECT * FROM letter_templates WHERE id = ?');
  const byName = db.prepare(
    'SELECT * FROM letter_templates WHERE name = ? COLLATE NOCASE ORDER BY builtin_key IS NULL, id LIMIT 1',
  );
  const forKind = db.prepare(
    'SELECT * FROM letter_templates WHERE kind = ? ORDER BY builtin_key IS NULL, id LIMIT 1',
  );
  const keys = db
    .prepare('SELECT builtin_key FROM letter_templates WHERE builtin_key IS NOT NULL')
    .pluck();
  const insert = db.prepare(
    `INSERT INTO letter_templates (builtin_key, name, kind, description, source)
     VALUES (@builtinKey, @name, @kind, @description, @source) RETURNING *`,
  );
  const update = db.prepare(
    `UPDATE letter_templates SET name = @name, kind = @kind, description = @description,
       source = @source, version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id AND (@expected IS NULL OR version = @expected) RETURNING *`,
  );
  const log = changeLog(db);
  const remove = db.prepare('DELETE FROM letter_templates WHERE id = ?');

  const summary = (row: Row): Template => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    builtInKey: row.builtinKey,
    modified: row.builtinKey !== null && builtInTemplates().get(row.builtinKey) !== row.source,
    recipientKind: parseTemplate(row.source).meta.recipient,
    updatedAt: row.updatedAt,
    version: row.version,
    source: row.source,
  });
  const read = (row: unknown) => (row === undefined ? undefined : summary(fromRow<Row>(row)));
  // Only what is saved is measured: a template saved before the limits still lists and opens.
  const fieldsOf = (source: string) => {
    const { meta, body } = parseTemplate(source);
    checkTemplateShape(meta.name, { ...meta, body });
    return { name: meta.name, kind: meta.kind, description: meta.description, source };
  };

  return {
    list: (): TemplateSummary[] =>
      all.all().map((r) => {
        const { source: _source, ...rest } = read(r)!;
        return rest;
      }),
    get(id: number): Template {
      const found = read(one.get(id));
      if (!found)
        throw new AppError(
          'not-found',
          `No letter template with id ${id}; it may have been deleted.`,
        );
      return found;
    },
    byName: (name: string) => read(byName.get(name)),
    forKind: (kind: LetterKind) => read(forKind.get(kind)),
    /**
     * Adds built-ins this library does not have yet, in one transaction; never touches a user's
     * edits. Runs at every start, so it writes only when something is missing.
     */
    seed(): void {
      const have = new Set(keys.all() as string[]);
      const missing = [...builtInTemplates()].filter(([key]) => !have.has(key));
      if (!missing.length) return;
      db.transaction(() => {
        for (const [key, source] of missing) insert.run({ builtinKey: key, ...fieldsOf(source) });
      }).immediate();
    },
    create: (source: string) => read(insert.get({ builtinKey: null, ...fieldsOf(source) }))!,
    /**
     * Replaces a template's text; with `version`, an edit made from that version, refused when
     * the text was changed since (by another window, a reset, an archive import).
     */
    update(id: number, source: string, version?: number): Template {
      const current = this.get(id);
      if (version !== undefined && version !== current.version) {
        const changed =
          version > current.version
            ? ['source']
            : log.changedSince('letter_templates', id, version);
        const clashes = conflictingFields(changed, { source }, { source: current.source });
        if (clashes.length) {
          throw conflictError('template', clashes, current, current.version, {
            name: () => 'Template text',
          });
        }
      }
      const found = read(update.get({ id, ...fieldsOf(source), expected: current.version }));
      if (!found) throw conflictError('template', [], current, current.version);
      return found;
    },
    remove: (id: number) => remove.run(id),
  };
}
