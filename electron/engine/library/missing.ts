// A library that existed and is gone (deleted, renamed, on a drive not connected) is reported as
// missing, naming the newest backup, instead of being silently recreated empty: an empty library
// where the advocate's cases were would look like every case was lost. A true first run, with
// no trace of a library ever having been there, still creates a new one.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../../contract/errors';
import type { BackupInfo } from '../../contract/safety';
import { defaultBackupFolder, newestGoodBackup } from '../backups/files';
import { readLibraryLocation } from '../data-path';
import { leaseFolder } from './leases';

/** The signs that a library lived at `databasePath`; empty on a true first run. */
export function tracesOfLibrary(databasePath: string, locationFile?: string): string[] {
  const path = resolve(databasePath);
  const traces: string[] = [];
  if (locationFile && readLibraryLocation(dirname(locationFile)) === path) {
    traces.push(`${locationFile} says the library was moved there`);
  }
  // The leases folder stays when the library closes: the marker that this very file was opened.
  // A backups folder is no such sign: several libraries in one folder share it.
  for (const file of [`${path}-wal`, `${path}-shm`, leaseFolder(path)]) {
    if (existsSync(file)) traces.push(`${file} is still there`);
  }
  return traces;
}

/** The newest good backup of a missing library: beside it, or in the app's own folder. */
function newestBackup(
  databasePath: string,
  latestSchema: number,
  locationFile?: string,
): BackupInfo | null {
  const folders = new Set([defaultBackupFolder(databasePath)]);
  if (locationFile) folders.add(join(dirname(locationFile), 'backups'));
  const found = [...folders]
    .map((f) => newestGoodBackup(f, latestSchema))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  return found[0] ?? null;
}

/** The library at `databasePath` was there before and is gone: never recreated silently. */
export class MissingLibraryError extends AppError {
  constructor(
    readonly databasePath: string,
    readonly newestBackup: BackupInfo | null,
  ) {
    const offer = newestBackup
      ? `The newest backup is ${newestBackup.file} (taken ${newestBackup.takenAt}): restore it from the app, or with "advocate restore ${newestBackup.file}".`
      : 'No backup of it was found. If the drive that holds it is not connected, connect it and start again.';
    super(
      'database-missing',
      `The case library ${databasePath} is missing: it was there before and has been moved, renamed or deleted (or its drive is not connected). Nothing was created in its place. ${offer}`,
    );
  }
}

/** Throws MissingLibraryError when the library is gone but was there before. */
export function refuseMissingLibrary(
  databasePath: string,
  latestSchema: number,
  locationFile?: string,
): void {
  if (databasePath === ':memory:' || existsSync(databasePath)) return;
  if (tracesOfLibrary(databasePath, locationFile).length === 0) return;
  throw new MissingLibraryError(
    databasePath,
    newestBackup(databasePath, latestSchema, locationFile),
  );
}
