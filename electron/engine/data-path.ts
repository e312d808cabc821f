// Where the case library lives by default: the same folder Electron's app.getPath('userData')
// gives, so the app, the browser host and the CLI all open one file.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export const APP_NAME = 'Advocate Desk';
export const DATABASE_FILE = 'case-library.sqlite';
/** Kept in the app's own folder when the advocate moves the library elsewhere: where it went. */
export const LOCATION_FILE = 'library-location.json';

/** The OS's per-user application-data folder (Electron's appData). */
export function appDataFolder(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}

/** Where a moved library now lives, as recorded in `folder`; null when it was never moved. */
export function readLibraryLocation(folder: string): string | null {
  const file = join(folder, LOCATION_FILE);
  if (!existsSync(file)) return null;
  try {
    const { databasePath } = JSON.parse(readFileSync(file, 'utf8')) as { databasePath?: unknown };
    return typeof databasePath === 'string' && isAbsolute(databasePath) ? databasePath : null;
  } catch {
    return null;
  }
}

/** Records where the library now lives (written aside, then renamed: never half a file). */
export function writeLibraryLocation(locationFile: string, databasePath: string): void {
  const partial = `${locationFile}.partial`;
  // A fresh file (never an old one's wider mode, never through a link): it names where the
  // health records are.
  rmSync(partial, { force: true });
  writeFileSync(partial, `${JSON.stringify({ databasePath }, null, 2)}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  renameSync(partial, locationFile);
}

/**
 * The database path: $ADVOCATE_DESK_DB if set, else where the advocate moved the library, else
 * the app's user-data folder.
 */
export function defaultDatabasePath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  const folder = join(appDataFolder(platform, env, home), APP_NAME);
  return env.ADVOCATE_DESK_DB || readLibraryLocation(folder) || join(folder, DATABASE_FILE);
}

/**
 * The file that records a moved library, for a door that opened the default library; undefined
 * when the path was given explicitly ($ADVOCATE_DESK_DB, --db), which moving must not override.
 */
export function defaultLocationFile(
  explicitPath: string | undefined,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string | undefined {
  if (explicitPath || env.ADVOCATE_DESK_DB) return undefined;
  return join(appDataFolder(platform, env, home), APP_NAME, LOCATION_FILE);
}
