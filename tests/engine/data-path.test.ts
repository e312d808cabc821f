import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_NAME, DATABASE_FILE, defaultDatabasePath } from '../../electron/engine/data-path';

const HOME = '/home/pat';
const under = (folder: string) => join(folder, 'Advocate Desk', 'case-library.sqlite');

describe('defaultDatabasePath', () => {
  it('names the app folder and file the desktop app uses', () => {
    expect(APP_NAME).toBe('Advocate Desk');
    expect(DATABASE_FILE).toBe('case-library.sqlite');
  });

  it('uses %APPDATA% on Windows', () => {
    const appData = 'C:\\Users\\pat\\AppData\\Roaming';
    expect(defaultDatabasePath('win32', { APPDATA: appData }, HOME)).toBe(under(appData));
  });

  it('falls back to AppData/Roaming under the home folder when %APPDATA% is unset or empty', () => {
    const expected = under(join(HOME, 'AppData', 'Roaming'));
    expect(defaultDatabasePath('win32', {}, HOME)).toBe(expected);
    expect(defaultDatabasePath('win32', { APPDATA: '' }, HOME)).toBe(expected);
  });

  it('uses Library/Application Support on macOS, whatever XDG says', () => {
    expect(defaultDatabasePath('darwin', { XDG_CONFIG_HOME: '/xdg' }, HOME)).toBe(
      under(join(HOME, 'Library', 'Application Support')),
    );
  });

  it('uses $XDG_CONFIG_HOME on Linux when set', () => {
    expect(defaultDatabasePath('linux', { XDG_CONFIG_HOME: '/srv/config' }, HOME)).toBe(
      under('/srv/config'),
    );
  });

  it('uses ~/.config on Linux when $XDG_CONFIG_HOME is unset or empty', () => {
    const expected = under(join(HOME, '.config'));
    expect(defaultDatabasePath('linux', {}, HOME)).toBe(expected);
    // An empty variable counts as unset (XDG Base Directory spec; Electron does the same).
    expect(defaultDatabasePath('linux', { XDG_CONFIG_HOME: '' }, HOME)).toBe(expected);
  });

  it('lets $ADVOCATE_DESK_DB choose the file on every platform', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const env = {
        ADVOCATE_DESK_DB: '/data/shared.sqlite',
        APPDATA: 'C:\\x',
        XDG_CONFIG_HOME: '/x',
      };
      expect(defaultDatabasePath(platform, env, HOME)).toBe('/data/shared.sqlite');
    }
  });

  it('ignores an empty $ADVOCATE_DESK_DB', () => {
    expect(defaultDatabasePath('linux', { ADVOCATE_DESK_DB: '' }, HOME)).toBe(
      under(join(HOME, '.config')),
    );
  });

  it('defaults to the running platform and environment', () => {
    const saved = process.env.ADVOCATE_DESK_DB;
    process.env.ADVOCATE_DESK_DB = '/tmp/from-env.sqlite';
    try {
      expect(defaultDatabasePath()).toBe('/tmp/from-env.sqlite');
    } finally {
      if (saved === undefined) delete process.env.ADVOCATE_DESK_DB;
      else process.env.ADVOCATE_DESK_DB = saved;
    }
  });
});
