// Prepared statements for a table whose columns mirror a contract schema's fields.
// Column names come from the schema (never from input), so building the SQL once at start-up is
// safe; every value is a bound parameter.
import type { Database, Statement } from 'better-sqlite3';
import { AppError } from '../../contract/errors';

export const toSnake = (key: string) => key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
export const toCamel = (column: string) =>
  column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Converts a row's snake_case columns to the contract's camelCase fields. */
export function fromRow<T>(row: unknown): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row as Record<string, unknown>)) out[toCamel(k)] = v;
  return out as T;
}

export interface Table<T> {
  insert(values: Record<string, unknown>): T;
  update(id: number, values: Record<string, unknown>): T;
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
  const update = db.prepare(
    `UPDATE ${table} SET ${columns.map((c, i) => `${c} = ${params[i]}`).join(', ')},
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id RETURNING *`,
  );
  const get = db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
  const remove = db.prepare(`DELETE FROM ${table} WHERE id = ?`);

  const pick = (values: Record<string, unknown>) =>
    Object.fromEntries(fields.map((f) => [f, values[f] ?? null]));
  const notFound = (id: number) =>
    new AppError('not-found', `No ${label} with id ${id}; it may have been deleted.`);
  const one = (stmt: Statement, ...args: unknown[]) => {
    const row = stmt.get(...args);
    return row === undefined ? undefined : fromRow<T>(row);
  };

  return {
    insert: (values) => one(insert, pick(values)) as T,
    update(id, values) {
      const row = one(update, { ...pick(values), id });
      if (!row) throw notFound(id);
      return row;
    },
    get(id) {
      const row = one(get, id);
      if (!row) throw notFound(id);
      return row;
    },
    find: (id) => one(get, id),
    remove(id) {
      if (remove.run(id).changes === 0) throw notFound(id);
    },
  };
}
