// Opens the case library file with the pragmas health records need, checks it, backs it up before
// a migration, then migrates it. A damaged file is never written to.
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { AppError } from '../../contract/errors';
import type { BackupInfo } from '../../contract/safety';
import {
  backupFolderOf,
  defaultBackupFolder,
  integrityProblems,
  newestGoodBackup,
  rotateBackups,
  takeBackupSync,
} from '../backups/files';
import { SETTING, readSetting, writeSetting } from '../settings/queries';
import { migrate, refuseTooNew } from './migrate';
import { migrations } from './migrations';
import { keepLibraryPrivate, prepareLibraryFolder, withPrivateUmask } from './private-library';
import { clearDamageNote, readDamageNote, structuralProblems } from './library-check';

export interface OpenDatabaseOptions {
  /** Path of better-sqlite3's native addon, when the runtime needs its own build (Electron). */
  nativeBinding?: string;
  /** Who is writing, for each case's history: the door and the call ("cli: cases.update"). */
  auditActor?: () => string;
  /** The clock (tests move it to reach the weekly full check). */
  now?: () => Date;
  /**
   * `now` (the default): the file is checked page by page before it opens. `background`: only its
   * structure is, and the caller checks the pages on a worker thread (db/library-check.ts) — unless
   * an earlier check found it damaged, when it is checked here again first.
   */
  check?: 'now' | 'background';
}

/** How often the full integrity_check runs; the quick form runs on every open. */
export const FULL_CHECK_EVERY_MS = 7 * 86_400_000;

/** Whether the next check of this library should be the full one (a week since the last). */
export function fullCheckDue(db: Database, now: Date): boolean {
  const last = readSetting(db, SETTING.lastFullCheck);
  return !last || now.getTime() - Date.parse(last) >= FULL_CHECK_EVERY_MS;
}

/** The library file is damaged: nothing was written to it; here is the newest good backup. */
export class DamagedLibraryError extends AppError {
  constructor(
    readonly databasePath: string,
    readonly newestBackup: BackupInfo | null,
    what: string,
  ) {
    const offer = newestBackup
      ? `The newest good backup is ${newestBackup.file} (taken ${newestBackup.takenAt}): restore it from the app, or with "advocate restore ${newestBackup.file}".`
      : 'No good backup was found in the backup folder; keep this file and ask for help recovering it.';
    super(
      'database-damaged',
      `The case library ${databasePath} is damaged (${what}). It was left untouched. ${offer}`,
    );
  }
}

/** The error for a damaged library at `path`, with the newest good backup found for it. */
export function damaged(db: Database | undefined, path: string, what: string): DamagedLibraryError {
  let folder = defaultBackupFolder(path);
  try {
    if (db) folder = backupFolderOf(db, path);
  } catch {
    // The settings may sit in the damaged part; the default folder is the next best place.
  }
  return new DamagedLibraryError(path, newestGoodBackup(folder, migrations.length), what);
}

/**
 * The backup before a migration: in the chosen folder, or beside the library when that folder
 * cannot be written (an external drive left at the office must not stop the app opening).
 * Nothing is migrated unless one of the two worked.
 */
export function backUpBeforeMigrating(
  db: Database,
  path: string,
  options: OpenDatabaseOptions,
  now: Date,
): void {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const chosen = backupFolderOf(db, path);
  let folder = chosen;
  try {
    takeBackupSync(db, { folder, reason: 'pre-migration', now, ...binding });
  } catch (error) {
    folder = defaultBackupFolder(path);
    if (folder === chosen) throw error;
    takeBackupSync(db, { folder, reason: 'pre-migration', now, ...binding });
  }
  rotateBackups(folder, now);
}

/** Opens (creating if needed), checks and migrates the database at `path`. */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  const now = options.now ?? (() => new Date());
  const onDisk = path !== ':memory:';
  if (onDisk) prepareLibraryFolder(path);
  const existed = onDisk && existsSync(path) && statSync(path).size > 0;
  // A restore that stopped before its rename leaves this behind; the library itself is whole.
  if (onDisk) rmSync(`${path}.restoring`, { force: true });
  let db: Database | undefined;
  try {
    db = withPrivateUmask(
      () =>
        new BetterSqlite3(
          path,
          options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
        ),
    );
    if (onDisk) keepLibraryPrivate(path);
    db.function('audit_actor', () => options.auditActor?.() ?? 'engine');
    // Refuse a newer app's file before anything below can write to it.
    const current = refuseTooNew(db, migrations);

    let checkedInFull = !existed;
    if (existed) {
      const note = onDisk ? readDamageNote(path) : null;
      if (options.check === 'background' && !note) {
        const problems = structuralProblems(db);
        if (problems.length) throw damaged(db, path, problems.slice(0, 3).join('; '));
      } else {
        // Found damaged before: checked in full again, so a repaired or replaced file opens.
        const full = note !== null || fullCheckDue(db, now());
        const problems = integrityProblems(db, full);
        if (problems.length) throw damaged(db, path, problems.slice(0, 3).join('; '));
        if (note !== null) clearDamageNote(path);
        checkedInFull = full;
      }
    }

    db.pragma('journal_mode = WAL');
    // Durability over speed: a health record acknowledged as saved must survive a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    if (onDisk) keepLibraryPrivate(path);

    if (current > 0 && current < migrations.length) backUpBeforeMigrating(db, path, options, now());
    migrate(db, migrations);
    if (checkedInFull) writeSetting(db, SETTING.lastFullCheck, now().toISOString());
    return db;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const failure =
      code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')
        ? damaged(db, path, code)
        : error;
    db?.close();
    if (failure instanceof AppError) throw failure;
    if (code === 'SQLITE_NOTADB') {
      const good = newestGoodBackup(defaultBackupFolder(path), migrations.length);
      throw new AppError(
        'database-unreadable',
        `${path} is not a readable Advocate Desk case library (${code}). It was left untouched; ${good ? `restore the newest good backup, ${good.file}, or choose another file.` : 'restore it from a backup or choose another file.'}`,
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
