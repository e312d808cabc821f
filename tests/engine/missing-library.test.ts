// A library that was there and is gone is reported as missing, naming the newest backup, never
// recreated empty in its place; a true first run still makes a new library.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/contract/errors';
import { openEngine } from '../../electron/engine';
import { LOCATION_FILE, writeLibraryLocation } from '../../electron/engine/data-path';
import { cleanup, clientWithCase, ok, tempDir } from './helpers';
import { cli } from './run-cli';

afterEach(cleanup);

/** Opening must fail with this code; the error is returned for its message. */
function refusedOpen(options: Parameters<typeof openEngine>[0]): AppError {
  try {
    openEngine(options).close();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('the engine opened a library that is missing');
}

/** A library with a client and a backup, closed and then deleted. */
async function deletedLibrary() {
  const dir = tempDir();
  const databasePath = join(dir, 'case-library.sqlite');
  const engine = openEngine({ databasePath });
  await clientWithCase(engine, { lastName: 'Before' });
  const backup = await ok(engine, 'backups.create', {});
  engine.close();
  rmSync(databasePath);
  return { dir, databasePath, backup };
}

describe('a missing library', () => {
  it('is reported, naming the newest backup, and nothing is created in its place', async () => {
    const { databasePath, backup } = await deletedLibrary();
    const error = refusedOpen({ databasePath });
    expect(error.code).toBe('database-missing');
    expect(error.message).toContain(`The case library ${databasePath} is missing`);
    expect(error.message).toContain(`advocate restore ${backup.file}`);
    expect(existsSync(databasePath)).toBe(false);
  });

  it('is told from a first run by what it left behind', async () => {
    // Only its write-ahead log is left (the main file deleted by hand).
    const walOnly = join(tempDir(), 'case-library.sqlite');
    writeFileSync(`${walOnly}-wal`, '');
    expect(refusedOpen({ databasePath: walOnly }).code).toBe('database-missing');

    // The app's folder says the library was moved to a drive that is not connected.
    const app = tempDir();
    const gone = join(tempDir(), 'unplugged', 'case-library.sqlite');
    writeLibraryLocation(join(app, LOCATION_FILE), gone);
    const moved = refusedOpen({ databasePath: gone, locationFile: join(app, LOCATION_FILE) });
    expect(moved.code).toBe('database-missing');
    expect(moved.message).toContain('No backup of it was found');
    expect(existsSync(gone)).toBe(false);

    // A folder never used: a new library, as on the first run.
    const fresh = join(tempDir(), 'new', 'case-library.sqlite');
    const engine = openEngine({ databasePath: fresh });
    await ok(engine, 'cases.list', {});
    engine.close();
    expect(existsSync(fresh)).toBe(true);
    // Beside another library, whose backups share the folder, a new one is a first run too.
    const shared = tempDir();
    const neighbour = openEngine({ databasePath: join(shared, 'first.sqlite') });
    await ok(neighbour, 'backups.create', {});
    neighbour.close();
    const second = openEngine({ databasePath: join(shared, 'second.sqlite') });
    expect((await ok(second, 'cases.list', {})).total).toBe(0);
    second.close();
  });

  it('can be started afresh when the advocate chooses to', async () => {
    const { databasePath } = await deletedLibrary();
    const engine = openEngine({ databasePath, createIfMissing: true });
    expect((await ok(engine, 'cases.list', {})).total).toBe(0);
    engine.close();
  });

  it('makes the CLI say so with its own exit code, and restore the backup', async () => {
    const { databasePath, backup } = await deletedLibrary();
    const list = await cli('--db', databasePath, 'case', 'list');
    expect(list.code).toBe(66);
    expect(list.err.join('\n')).toContain('is missing');
    expect(existsSync(databasePath)).toBe(false);

    const restore = await cli('--db', databasePath, 'restore', backup.file);
    expect(restore.err).toEqual([]);
    expect(restore.code).toBe(0);
    const after = await cli('--db', databasePath, 'case', 'list');
    expect(after.out).toHaveLength(1);
    expect(after.out[0]).toContain('Before');
  });
});
