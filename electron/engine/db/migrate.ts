// Brings a database up to the app's schema version, one transaction per step, via user_version.
import type { Database } from 'better-sqlite3';
import { AppError } from '../../contract/errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Work SQL cannot do (filling a new column from existing text), run after `sql` in its transaction. */
  run?: (db: Database) => void;
}

/** Applies pending migrations; refuses a database written by a newer app. Returns the version. */
export function migrate(db: Database, migrations: readonly Migration[]): number {
  const latest = migrations.at(-1)?.version ?? 0;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} is out of order`);
  });

  const current = refuseTooNew(db, migrations);
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return latest;
}

/**
 * Throws database-too-new when a newer app wrote the database; returns its version otherwise.
 * Only reads, so it can run before any pragma that would change the file (journal_mode = WAL).
 */
export function refuseTooNew(db: Database, migrations: readonly Migration[]): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new AppError(
      'database-too-new',
      `This case library was saved by a newer version of Advocate Desk (schema ${current}; this app knows ${latest}). Update the app to open it; nothing was changed.`,
    );
  }
  return current;
}
