// The library file, its -wal and -shm, readable by the advocate's user account only. SQLite gives
// the -wal and -shm the main file's mode, so a 0600 library keeps its companions 0600 too.
import { basename, dirname, join, resolve } from 'node:path';
import { APP_NAME, LOCATION_FILE, appDataFolder } from '../data-path';
import { ensureFolder, keepPrivate, makeOwnFolderPrivate } from '../../security/private-files';

/** Whether `name`, beside the library `base`, is one of the app's own files. */
function isLibraryFile(base: string, name: string): boolean {
  return (
    name.startsWith(base) ||
    name.startsWith(`.${base}`) ||
    name.startsWith(LOCATION_FILE) ||
    name === 'backups'
  );
}

/**
 * Makes the library's folder if needed, and makes it 0700 when it is the app's own: made now, the
 * app's data folder, or a folder holding only the library's files (a library moved to an empty
 * folder). A folder the user keeps other things in keeps its permissions.
 */
export function prepareLibraryFolder(path: string): void {
  const folder = dirname(resolve(path));
  const madeNow = ensureFolder(folder);
  const appFolder = resolve(join(appDataFolder(), APP_NAME));
  const base = basename(path);
  makeOwnFolderPrivate(
    folder,
    (name) => isLibraryFile(base, name),
    madeNow || folder === appFolder,
  );
}

/** Opens with a 0077 umask, so SQLite never creates the file readable by others, even briefly. */
export function withPrivateUmask<T>(open: () => T): T {
  let previous: number | undefined;
  try {
    previous = process.umask(0o077);
  } catch {
    // Worker threads cannot change the umask; the chmod after opening still narrows the file.
  }
  try {
    return open();
  } finally {
    if (previous !== undefined) process.umask(previous);
  }
}

/** Narrows the library and the companions SQLite made (an older version left them 0644). */
export function keepLibraryPrivate(path: string): void {
  keepPrivate(path, `${path}-wal`, `${path}-shm`, `${path}-journal`);
}
