// Files holding health information are readable by their owner only: 0600 files in 0700 folders
// on macOS and Linux. New files are created that way (never widened later by the umask); files
// an older version left 0644 are narrowed when the app next opens them. Windows gives files in
// the user's own folders to that user already, and has no mode bits to set.
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_FOLDER = 0o700;

const posix = process.platform !== 'win32';

/** Narrows an existing file or folder to `mode`; false when it is missing or not ours to change. */
export function narrow(path: string, mode: number): boolean {
  if (!posix) return true;
  try {
    const stat = lstatSync(path);
    // Never follow a link: chmod would change whatever it points at.
    if (stat.isSymbolicLink()) return false;
    if ((stat.mode & 0o777) !== mode) chmodSync(path, mode);
    return true;
  } catch {
    // Missing, or on a drive without permissions (FAT, a network share): nothing more to do.
    return false;
  }
}

/** Narrows each file that exists to 0600. */
export function keepPrivate(...paths: string[]): void {
  for (const path of paths) narrow(path, PRIVATE_FILE);
}

/**
 * Creates an empty file only its owner can read, failing if anything (a file, a planted link)
 * already has the name. SQLite then writes into it and keeps its mode, for the file and for the
 * -wal and -shm it creates beside it.
 */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', PRIVATE_FILE));
}

/**
 * Makes `folder` (and its parents) if missing, and says whether it was made now. A new folder is
 * 0700 whatever the umask.
 */
export function ensureFolder(folder: string): boolean {
  const made = mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER }) !== undefined;
  if (made) narrow(folder, PRIVATE_FOLDER);
  return made;
}

/**
 * Makes a folder private when it is the app's own: made by the app, or holding nothing but the
 * app's files (`ours` says which names those are). A folder the user chose that holds other
 * things (their Documents, a synced folder) keeps its permissions; the files in it are still 0600.
 */
export function makeOwnFolderPrivate(
  folder: string,
  ours: (name: string) => boolean,
  madeNow = false,
): boolean {
  if (!madeNow) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return false;
    }
    if (!names.every(ours)) return false;
  }
  return narrow(folder, PRIVATE_FOLDER);
}
