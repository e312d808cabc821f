// Where the case library lives by default: the same folder Electron's app.getPath('userData')
// gives, so the app, the browser host and the CLI all open one file.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Advocate Desk';
export const DATABASE_FILE = 'case-library.sqlite';

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

/** The database path: $ADVOCATE_DESK_DB if set, else the app's user-data folder. */
export function defaultDatabasePath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  return env.ADVOCATE_DESK_DB || join(appDataFolder(platform, env, home), APP_NAME, DATABASE_FILE);
}
