// Which fields changed since a version of a record, and the conflict an edit from it meets.
import type { Database } from 'better-sqlite3';
import type { ConflictDetails } from '../../contract/errors';
import { AppError } from '../../contract/errors';
import { fieldLabel } from '../../contract/labels';

/** Reads record_changes (written by the triggers of migration 0008) for any table. */
export function changeLog(db: Database) {
  const since = db
    .prepare(
      'SELECT fields FROM record_changes WHERE table_name = ? AND row_id = ? AND version > ? ORDER BY version',
    )
    .pluck();
  const latest = db
    .prepare('SELECT max(version) FROM record_changes WHERE table_name = ? AND row_id = ?')
    .pluck();
  const record = db.prepare(
    'INSERT OR REPLACE INTO record_changes (table_name, row_id, version, fields) VALUES (?, ?, ?, ?)',
  );
  return {
    /** Every field changed by the versions after `version`, oldest change first, once each. */
    changedSince(table: string, rowId: number, version: number): string[] {
      const fields = new Set<string>();
      for (const json of since.all(table, rowId, version) as string[]) {
        for (const f of JSON.parse(json) as string[]) fields.add(f);
      }
      return [...fields];
    },
    /** The newest version recorded for a row (0 when none), for records kept outside a table. */
    latest: (table: string, rowId: number) => (latest.get(table, rowId) as number | null) ?? 0,
    /** Records that `version` of a row changed `fields` (for records without their own table). */
    record: (table: string, rowId: number, version: number, fields: string[]) =>
      record.run(table, rowId, version, JSON.stringify(fields)),
  };
}

/** The same value once stored: '' and null are both "none". */
const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * The fields of `patch` that another edit changed since `version` to something else; an edit
 * may go ahead only when there are none.
 */
export function conflictingFields(
  changed: readonly string[],
  patch: Record<string, unknown>,
  current: Record<string, unknown>,
): string[] {
  return changed.filter((f) => f in patch && !same(patch[f], current[f]));
}

/** The refusal of an edit made from an older copy: names the fields and carries what is there now. */
export function conflictError(
  label: string,
  fields: string[],
  current: object,
  version: number,
  words: { subject?: string; name?: (field: string) => string } = {},
): AppError {
  const names = fields.map(words.name ?? fieldLabel).join(', ');
  // Bytes (a profile's letterhead) are not something to compare on screen, nor to carry as JSON.
  const shown = Object.entries(current).filter(([, v]) => !(v instanceof Uint8Array));
  const details: ConflictDetails = { fields, current: Object.fromEntries(shown), version };
  const subject = words.subject ?? `This ${label} was`;
  return new AppError(
    'conflict',
    `${subject} changed since you opened it${names ? `: ${names}` : ''}. Your changes were not saved, so nothing was overwritten. Compare the newer values with yours, then keep yours or take the newer ones.`,
    undefined,
    details,
  );
}
