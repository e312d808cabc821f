// Backup files: their names, taking one (online, while the app runs), checking one, listing them
// and deleting the ones rotation no longer keeps. Plain Node; never imports electron.
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../contract/errors';
import {
  createPrivateFile,
  ensureFolder,
  keepPrivate,
  makeOwnFolderPrivate,
} from '../../security/private-files';
import { checkRegularFile } from '../../security/regular-file';
import type { BackupInfo, BackupPreview, BackupReason, LibraryCounts } from '../../contract/safety';
import { SETTING, readSetting } from '../settings/queries';
import { backupsToKeep } from './rotation';
import { checkFileInWorker, copyFileInWorker } from '../db/library-check';

const REASONS = ['daily', 'manual', 'pre-migration', 'pre-restore', 'damaged'] as const;
const NAME = new RegExp(
  `^advocate-desk-(\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-\\d{3}Z)-(${REASONS.join('|')})\\.sqlite$`,
);

/** Where backups go unless the user chose a folder: beside the library, in "backups". */
export function defaultBackupFolder(databasePath: string): string {
  return join(dirname(resolve(databasePath)), 'backups');
}

/** The folder the user chose (kept in the library's settings), else the default. */
export function backupFolderOf(db: Database, databasePath: string): string {
  return readSetting(db, SETTING.backupFolder) ?? defaultBackupFolder(databasePath);
}

/** A backup's file name: when and why it was taken, sortable by name. */
export function backupFileName(takenAt: Date, reason: BackupReason): string {
  const stamp = takenAt.toISOString().replace(/[:.]/g, '-');
  return `advocate-desk-${stamp}-${reason}.sqlite`;
}

/** The date and reason in a backup's file name, or null for any other file. */
export function parseBackupFileName(
  name: string,
): { takenAt: string; reason: BackupReason } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [date, time] = match[1]!.split('T') as [string, string];
  const [h, m, s, ms] = time.slice(0, -1).split('-');
  return { takenAt: `${date}T${h}:${m}:${s}.${ms}Z`, reason: match[2] as BackupReason };
}

/** Backups in `folder`, newest first; an empty list when the folder does not exist yet. */
export function listBackups(folder: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: BackupInfo[] = [];
  for (const fileName of names) {
    const parsed = parseBackupFileName(fileName);
    if (!parsed) continue;
    const file = join(folder, fileName);
    // Rotation (here or in another process) may delete a file between readdir and stat.
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats) found.push({ file, fileName, ...parsed, sizeBytes: stats.size });
  }
  return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** What a backup holds, read quickly (no integrity check); null when it cannot be read. */
export function peekCounts(file: string, nativeBinding?: string): LibraryCounts | null {
  // SQLite opens the path itself and would block on a named pipe or read a device forever.
  if (!checkRegularFile(file).ok) return null;
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    return libraryCounts(db);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** The problems integrity_check (or its quick form) finds; empty when the file is sound. */
export function integrityProblems(db: Database, full: boolean): string[] {
  const rows = db.pragma(full ? 'integrity_check' : 'quick_check', { simple: false }) as Record<
    string,
    string
  >[];
  const messages = rows.map((r) => Object.values(r)[0] ?? '');
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

/**
 * How many clients, cases, documents and contacts a library holds: from the counts its triggers
 * keep (schema 9 on), else by counting, which reads every row.
 */
export function libraryCounts(db: Database): LibraryCounts {
  const kept =
    db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'list_counts'").get() !== undefined;
  const count = (table: string) =>
    db
      .prepare(
        kept
          ? 'SELECT coalesce(sum(count), 0) FROM list_counts WHERE list = ?'
          : `SELECT count(*) FROM ${table}`,
      )
      .pluck()
      .get(...(kept ? [table] : [])) as number;
  return {
    clients: count('clients'),
    cases: count('cases'),
    documents: count('documents'),
    contacts: count('contacts'),
  };
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename) to disk, where the system allows it. */
export function syncFolder(folder: string): void {
  try {
    syncFile(folder);
  } catch {
    // Windows cannot open a folder for fsync; its renames are durable once they return.
  }
}

const unusable = (file: string, why: string) =>
  new AppError('backup-unusable', `${file} cannot be used as a backup: ${why}`);

/**
 * Opens a backup read-only and says what it holds, after a full integrity_check. Throws
 * backup-unusable naming the file and the reason.
 */
export function inspectBackup(
  file: string,
  latestSchema: number,
  nativeBinding?: string,
): BackupPreview {
  return describeBackup(file, latestSchema, nativeBinding, (db) => integrityProblems(db, true));
}

/**
 * The same, with the integrity_check read on a worker thread: a backup of gigabytes takes
 * seconds to check, and the app goes on answering meanwhile.
 */
export async function inspectBackupOffThread(
  file: string,
  latestSchema: number,
  nativeBinding?: string,
): Promise<BackupPreview> {
  const plain = checkRegularFile(file);
  if (!plain.ok) throw unusable(file, plain.problem);
  let problems: string[];
  try {
    problems = await checkFileInWorker(file, true, nativeBinding).done;
  } catch (error) {
    const code = (error as { code?: string }).code || (error as Error).message;
    throw unusable(file, `it cannot be read as a case library (${code}).`);
  }
  return describeBackup(file, latestSchema, nativeBinding, () => problems);
}

function describeBackup(
  file: string,
  latestSchema: number,
  nativeBinding: string | undefined,
  problemsOf: (db: Database) => string[],
): BackupPreview {
  // SQLite opens the path itself and would block on a named pipe or read a device forever.
  const plain = checkRegularFile(file);
  if (!plain.ok) throw unusable(file, plain.problem);
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    const problems = problemsOf(db);
    if (problems.length)
      throw unusable(file, `it is damaged (${problems.slice(0, 3).join('; ')}).`);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > latestSchema) {
      throw unusable(file, `a newer version of Advocate Desk made it (schema ${schemaVersion}).`);
    }
    if (schemaVersion < 1) throw unusable(file, 'it is not an Advocate Desk case library.');
    const counts = libraryCounts(db);
    const lastChangeAt = db.prepare('SELECT max(updated_at) FROM cases').pluck().get() as
      string | null;
    const name = basename(file);
    const parsed = parseBackupFileName(name);
    return {
      file,
      fileName: name,
      takenAt: parsed?.takenAt ?? statSync(file).mtime.toISOString(),
      reason: parsed?.reason ?? 'manual',
      sizeBytes: statSync(file).size,
      schemaVersion,
      counts,
      lastChangeAt,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? (error as Error).message;
    throw unusable(file, `it cannot be read as a case library (${code}).`);
  } finally {
    db?.close();
  }
}

/**
 * Makes a finished copy self-contained (no WAL beside it), checks it in full, and moves it to its
 * final name; a copy that fails anywhere on the way is deleted and the backup refused.
 */
function finish(partial: string, final: string, nativeBinding?: string): void {
  try {
    selfContained(partial, nativeBinding, (copy) => integrityProblems(copy, true));
  } catch (error) {
    throw refusedCopy(partial, final, error);
  }
  keep(partial, final);
}

/** The same, with the full check on a worker thread (the app goes on answering meanwhile). */
async function finishOffThread(partial: string, final: string, nativeBinding?: string) {
  try {
    selfContained(partial, nativeBinding, () => []);
    refuseDamagedCopy(await checkFileInWorker(partial, true, nativeBinding).done);
  } catch (error) {
    throw refusedCopy(partial, final, error);
  }
  // Flushing gigabytes to disk takes seconds: done by the thread pool, not the app's thread.
  try {
    keepPrivate(partial);
    const handle = await open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, final);
  } catch (error) {
    throw refusedCopy(partial, final, error);
  }
  partialsInProgress.delete(partial);
  syncFolder(dirname(final));
}

/** Folds the copy's WAL into it, and checks it with `problemsOf`. */
function selfContained(
  partial: string,
  nativeBinding: string | undefined,
  problemsOf: (copy: Database) => string[],
): void {
  const copy = new BetterSqlite3(partial, nativeBinding ? { nativeBinding } : {});
  try {
    copy.pragma('journal_mode = DELETE');
    refuseDamagedCopy(problemsOf(copy));
  } finally {
    copy.close();
  }
}

function refuseDamagedCopy(problems: string[]): void {
  if (problems.length) {
    throw new AppError(
      'backup-unusable',
      `The backup copy failed its integrity check (${problems[0]}); it was not kept. Check the backup folder's disk.`,
    );
  }
}

/** A copy that failed on its way to `final`: removed, and the error a person can act on. */
function refusedCopy(partial: string, final: string, error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return copyFailed(partial, dirname(final), error, DISK_HINT);
  }
  removePartial(partial);
  return error;
}

/** Moves a checked copy to its final name, private and on disk. */
function keep(partial: string, final: string): void {
  try {
    keepPrivate(partial);
    syncFile(partial);
    renameSync(partial, final);
  } catch (error) {
    throw refusedCopy(partial, final, error);
  }
  partialsInProgress.delete(partial);
  syncFolder(dirname(final));
}

/** Copies being written by this process, removed if it exits before finishing them. */
const partialsInProgress = new Set<string>();
let exitHookInstalled = false;

function removePartial(partial: string): void {
  partialsInProgress.delete(partial);
  for (const file of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) {
    rmSync(file, { force: true });
  }
}

/**
 * Creates the empty copy a backup is written into: 0600 from its first byte (SQLite keeps the
 * mode of a file it opens), never through a file or link already there.
 */
export function startPartial(partial: string): void {
  rmSync(partial, { force: true });
  createPrivateFile(partial);
  partialsInProgress.add(partial);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const file of [...partialsInProgress]) removePartial(file);
    });
  }
}

/** Whether `name` is one of the files the app keeps in a backup folder. */
function isBackupFolderFile(name: string): boolean {
  const base = name.replace(/-wal$/, '');
  return parseBackupFileName(base) !== null || PARTIAL.test(name);
}

const PARTIAL = /^\.advocate-desk-.*\.partial$/;

function prepareTarget(folder: string, reason: BackupReason, now: Date) {
  try {
    makeOwnFolderPrivate(folder, isBackupFolderFile, ensureFolder(folder));
  } catch (error) {
    throw new AppError(
      'backup-unusable',
      `Cannot use ${folder} for backups (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose a folder you may write to.`,
    );
  }
  const final = join(folder, backupFileName(now, reason));
  return { final, partial: join(folder, `.${basename(final)}.partial`) };
}

export interface BackupTarget {
  folder: string;
  reason: BackupReason;
  now?: Date;
  nativeBinding?: string;
}

const DISK_HINT = "Check that the folder's disk is connected and has room.";

/** A copy that failed: its partial file removed, and the error a person can act on. */
function copyFailed(partial: string, where: string, error: unknown, hint: string): AppError {
  removePartial(partial);
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError(
      'disk-full',
      `The disk that holds ${where} is full; nothing was saved. Free some space on it, then try again.`,
    );
  }
  return new AppError(
    'backup-unusable',
    `The backup to ${where} failed (${(error as Error).message}). ${hint}`,
  );
}

/** Takes an online backup on a worker thread (a snapshot): the app goes on answering meanwhile. */
export async function takeBackup(db: Database, target: BackupTarget): Promise<BackupInfo> {
  const now = target.now ?? new Date();
  const { final, partial } = prepareTarget(target.folder, target.reason, now);
  try {
    startPartial(partial);
    await copyFileInWorker(db.name, partial, target.nativeBinding);
  } catch (error) {
    throw copyFailed(partial, target.folder, error, DISK_HINT);
  }
  await finishOffThread(partial, final, target.nativeBinding);
  return describe(final);
}

/** Where the copy for `final` is written until it is checked: hidden, beside it. */
export function partialPathFor(final: string): string {
  return join(dirname(final), `.${basename(final)}.partial`);
}

/** Takes an online backup to a file of the user's choosing (`advocate backup --out FILE`). */
export async function backupToFile(
  db: Database,
  out: string,
  nativeBinding?: string,
): Promise<BackupInfo> {
  const final = resolve(out);
  const partial = partialPathFor(final);
  try {
    startPartial(partial);
    await copyFileInWorker(db.name, partial, nativeBinding);
  } catch (error) {
    throw copyFailed(partial, final, error, 'Check the folder exists and has room.');
  }
  await finishOffThread(partial, final, nativeBinding);
  return {
    file: final,
    fileName: basename(final),
    takenAt: new Date().toISOString(),
    reason: 'manual',
    sizeBytes: statSync(final).size,
  };
}

/**
 * The same, synchronously (`VACUUM INTO`): for the moment before a migration, inside the
 * synchronous open path, when nothing else is using the file yet.
 */
export function takeBackupSync(db: Database, target: BackupTarget): BackupInfo {
  const now = target.now ?? new Date();
  const { final, partial } = prepareTarget(target.folder, target.reason, now);
  try {
    startPartial(partial);
    db.prepare('VACUUM INTO ?').run(partial);
  } catch (error) {
    throw copyFailed(partial, target.folder, error, DISK_HINT);
  }
  finish(partial, final, target.nativeBinding);
  return describe(final);
}

function describe(file: string): BackupInfo {
  const fileName = basename(file);
  return {
    file,
    fileName,
    ...parseBackupFileName(fileName)!,
    sizeBytes: statSync(file).size,
  };
}

/** Deletes the backups rotation no longer keeps (never a copy of a damaged library). */
export function rotateBackups(folder: string, now: Date = new Date()): string[] {
  removeStalePartials(folder, now);
  const candidates = listBackups(folder).filter((b) => b.reason !== 'damaged');
  const keep = backupsToKeep(candidates, now);
  const removed: string[] = [];
  for (const b of candidates) {
    if (keep.has(b.file)) continue;
    rmSync(b.file, { force: true });
    removed.push(b.file);
  }
  return removed;
}

/**
 * How long a copy must have been left unchanged before it counts as abandoned: another process
 * (the CLI beside the app) may be writing or checking its own right now.
 */
export const PARTIAL_ABANDONED_MS = 10 * 60_000;

/** The half-written copies in `folder` that no one has touched for a while (a crash, a kill). */
export function removeStalePartials(folder: string, now: Date = new Date()): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!PARTIAL.test(name)) continue;
    const file = join(folder, name);
    try {
      if (now.getTime() - statSync(file).mtimeMs < PARTIAL_ABANDONED_MS) continue;
      if (partialsInProgress.has(file)) continue;
      removePartial(file);
      removed.push(file);
    } catch {
      // Gone already.
    }
  }
  return removed;
}

/** The same, each backup checked on a worker thread. */
export async function newestGoodBackupOffThread(
  folder: string,
  latestSchema: number,
  nativeBinding?: string,
): Promise<BackupInfo | null> {
  for (const b of listBackups(folder).filter((x) => x.reason !== 'damaged')) {
    try {
      await inspectBackupOffThread(b.file, latestSchema, nativeBinding);
      return b;
    } catch {
      // Try the next older one.
    }
  }
  return null;
}

/** The newest backup in `folder` that passes integrity_check, or null. */
export function newestGoodBackup(
  folder: string,
  latestSchema: number,
  nativeBinding?: string,
): BackupInfo | null {
  for (const b of listBackups(folder).filter((x) => x.reason !== 'damaged')) {
    try {
      inspectBackup(b.file, latestSchema, nativeBinding);
      return b;
    } catch {
      // Try the next older one.
    }
  }
  return null;
}
