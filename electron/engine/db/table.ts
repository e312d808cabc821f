// Prepared statements for a table whose columns mirror a contract schema's fields, and the one
// update path every edit takes: a patch made from a known version, merged over the current row.
// Column names come from the schema (never from input), so building the SQL once at start-up is
// safe; every value is a bound parameter.
import type { Database, Statement } from 'better-sqlite3';
import { ZodError } from 'zod';
import type { z } from 'zod';
import { AppError } from '../../contract/errors';
import { changeLog, conflictError, conflictingFields } from './versions';

export const toSnake = (key: string) => key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
export const toCamel = (column: string) =>
  column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Converts a row's snake_case columns to the contract's camelCase fields. */
export function fromRow<T>(row: unknown): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row as Record<string, unknown>)) out[toCamel(k)] = v;
  return out as T;
}

/** An edit: the fields the person changed and the version of the record they changed. */
export interface Patch {
  version: number;
  changes: Record<string, unknown>;
  /** Where the changes sit in the call's arguments ("values"), so a refusal names the field there. */
  at?: string;
}

export interface Table<T> {
  insert(values: Record<string, unknown>): T;
  /**
   * Writes every field (the engine's own writes: a denial's deadline row, a re-imported lawmaker).
   * With `expectedVersion`, only if the row is still at it.
   */
  update(id: number, values: Record<string, unknown>, expectedVersion?: number): T;
  /**
   * A person's edit: refused with `conflict` when a field it changes was changed by another edit
   * since its version; otherwise merged over the current row, checked whole against `schema`
   * (refinements across fields included) and written only if the row is still as read.
   */
  patch(id: number, patch: Patch, schema: z.ZodType, extra?: Record<string, unknown>): T;
  /** The conflict check and merge of `patch`, without writing: the checked values and the row. */
  rebase(
    id: number,
    patch: Patch,
    schema: z.ZodType,
  ): { current: T; merged: Record<string, unknown> };
  get(id: number): T;
  find(id: number): T | undefined;
  remove(id: number): void;
}

/**
 * Statements for `table` over `fields` (camelCase; stored as snake_case). `label` names one row
 * in messages ("client", "diagnosis").
 */
export function defineTable<T>(
  db: Database,
  table: string,
  fields: readonly string[],
  label: string,
): Table<T> {
  const columns = fields.map(toSnake);
  const params = fields.map((f) => `@${f}`);
  const insert = db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${params.join(', ')}) RETURNING *`,
  );
  // The version moves on with the write; the table's trigger records which fields changed.
  const update = db.prepare(
    `UPDATE ${table} SET ${columns.map((c, i) => `${c} = ${params[i]}`).join(', ')},
       version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id AND (@expected IS NULL OR version = @expected) RETURNING *`,
  );
  const get = db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
  const remove = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  const changes = changeLog(db);

  const pick = (values: Record<string, unknown>) =>
    Object.fromEntries(fields.map((f) => [f, values[f] ?? null]));
  const notFound = (id: number) =>
    new AppError('not-found', `No ${label} with id ${id}; it may have been deleted.`);
  const one = (stmt: Statement, ...args: unknown[]) => {
    const row = stmt.get(...args);
    return row === undefined ? undefined : fromRow<T>(row);
  };
  const getRow = (id: number) => {
    const row = one(get, id);
    if (!row) throw notFound(id);
    return row;
  };
  const writeRow = (id: number, values: Record<string, unknown>, expected?: number) => {
    const row = one(update, { ...pick(values), id, expected: expected ?? null });
    if (row) return row;
    const now = getRow(id) as T & { version: number };
    // Only another connection between our read and write gets here: say so, never retry.
    throw conflictError(label, [], now as Record<string, unknown>, now.version);
  };
  const rebase = (id: number, { version, changes: patch, at }: Patch, schema: z.ZodType) => {
    const current = getRow(id) as T & { version: number };
    const now = current as Record<string, unknown>;
    if (version !== current.version) {
      const changed =
        version > current.version ? Object.keys(patch) : changes.changedSince(table, id, version);
      // Refused whatever the older copy's edit touches: the user decides with the newer values
      // in front of them. Only an edit that would change nothing (it is already there) goes on.
      const wouldChange = conflictingFields(Object.keys(patch), patch, now);
      if (wouldChange.length) throw conflictError(label, changed, now, current.version);
    }
    const checked = schema.safeParse({ ...now, ...patch });
    if (!checked.success) {
      throw at
        ? new ZodError(checked.error.issues.map((i) => ({ ...i, path: [at, ...i.path] })))
        : checked.error;
    }
    return { current, merged: checked.data as Record<string, unknown> };
  };

  return {
    insert: (values) => one(insert, pick(values)) as T,
    update: (id, values, expectedVersion) => writeRow(id, values, expectedVersion),
    rebase,
    patch(id, edit, schema, extra) {
      const { current, merged } = rebase(id, edit, schema);
      const version = (current as { version: number }).version;
      return writeRow(
        id,
        { ...(current as Record<string, unknown>), ...merged, ...extra },
        version,
      );
    },
    get: getRow,
    find: (id) => one(get, id),
    remove(id) {
      if (remove.run(id).changes === 0) throw notFound(id);
    },
  };
}
