// Opens the case library file with the pragmas health records need, then migrates it.
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../contract/errors';
import { migrate, refuseTooNew } from './migrate';
import { migrations } from './migrations';

export interface OpenDatabaseOptions {
  /** Path of better-sqlite3's native addon, when the runtime needs its own build (Electron). */
  nativeBinding?: string;
}

/** Opens (creating if needed) and migrates the database at `path`. */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(
      path,
      options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    );
    // Refuse a newer app's file before anything below can write to it.
    refuseTooNew(db, migrations);
    db.pragma('journal_mode = WAL');
    // Durability over speed: a health record acknowledged as saved must survive a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new AppError(
        'database-unreadable',
        `${path} is not a readable Advocate Desk case library (${code}). It was left untouched; restore it from a backup or choose another file.`,
      );
    }
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
      throw new AppError(
        'database-unreadable',
        `Cannot open ${path} for writing (${code}). Check that the folder exists and you may write to it.`,
      );
    }
    throw error;
  }
}
