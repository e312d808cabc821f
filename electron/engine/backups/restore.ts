// Putting a backup in place of the library file. The copy is made and checked beside the library
// and only then renamed over it, so a crash at any moment leaves either the old library or the
// restored one, never half of each.
import BetterSqlite3 from 'better-sqlite3';
import { constants, copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureFolder, keepPrivate } from '../../security/private-files';
import { AppError } from '../../contract/errors';
import type { BackupInfo } from '../../contract/safety';
import { backupFileName, integrityProblems, parseBackupFileName, syncFolder } from './files';
import { clearDamageNote } from '../db/library-check';

/**
 * Replaces the (closed) library at `databasePath` with a copy of `source`, already inspected.
 * Its write-ahead log is removed first: it belongs to the old file and would corrupt the new one.
 */
export function replaceLibraryFile(
  databasePath: string,
  source: string,
  nativeBinding?: string,
): void {
  const staging = `${databasePath}.restoring`;
  try {
    copyFileSync(source, staging);
  } catch (error) {
    rmSync(staging, { force: true });
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    throw new AppError(
      'disk-full',
      `The disk that holds the library (${databasePath}) is full; the backup was not restored and the library was not changed. Free some space on it, then try again.`,
    );
  }
  keepPrivate(staging);
  const copy = new BetterSqlite3(staging, nativeBinding ? { nativeBinding } : {});
  try {
    copy.pragma('journal_mode = DELETE');
    const problems = integrityProblems(copy, false);
    if (problems.length) {
      throw new AppError(
        'backup-unusable',
        `The copy of ${source} failed its check (${problems[0]}); the library was not changed.`,
      );
    }
  } catch (error) {
    copy.close();
    rmSync(staging, { force: true });
    throw error;
  } finally {
    if (copy.open) copy.close();
  }
  rmSync(`${databasePath}-wal`, { force: true });
  rmSync(`${databasePath}-shm`, { force: true });
  renameSync(staging, databasePath);
  // The note that the old file was damaged goes with it.
  clearDamageNote(databasePath);
  syncFolder(dirname(databasePath));
}

/**
 * Keeps the library file exactly as it is (with its write-ahead log) in the backup folder, for a
 * library too damaged to back up through SQLite. Rotation never deletes these.
 */
export function keepDamagedCopy(
  databasePath: string,
  folder: string,
  now = new Date(),
): BackupInfo {
  ensureFolder(folder);
  const fileName = backupFileName(now, 'damaged');
  const file = join(folder, fileName);
  // Copying keeps the source's mode: an older library may be 0644.
  copyFileSync(databasePath, file, constants.COPYFILE_EXCL);
  keepPrivate(file);
  if (existsSync(`${databasePath}-wal`)) {
    copyFileSync(`${databasePath}-wal`, `${file}-wal`, constants.COPYFILE_EXCL);
    keepPrivate(`${file}-wal`);
  }
  return { file, fileName, ...parseBackupFileName(fileName)!, sizeBytes: statSync(file).size };
}
