// Moving the library to another folder: a checked copy, the engine carries on there, the app's
// folder records where it went, the old file is left as it was; refused when it cannot be safe.
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../electron/engine';
import { defaultDatabasePath, LOCATION_FILE } from '../../electron/engine/data-path';
import { cleanup, clientWithCase, fails, ok, sampleClient, tempDir } from './helpers';

afterEach(cleanup);

/** A home folder laid out as the app's own (Linux): the library in ~/.config/Advocate Desk. */
function home() {
  const dir = tempDir();
  const appFolder = join(dir, '.config', 'Advocate Desk');
  mkdirSync(appFolder, { recursive: true });
  return { dir, appFolder, databasePath: join(appFolder, 'case-library.sqlite') };
}

const names = (path: string) => {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.prepare('SELECT last_name FROM clients ORDER BY id').pluck().all();
  } finally {
    db.close();
  }
};

describe('moving the library', () => {
  it('copies it, carries on there, and remembers where it went', async () => {
    const h = home();
    const engine = openEngine({
      databasePath: h.databasePath,
      locationFile: join(h.appFolder, LOCATION_FILE),
    });
    try {
      await clientWithCase(engine, { lastName: 'BeforeMove' });
      const drive = tempDir();
      const moved = await ok(engine, 'library.move', { folder: drive });
      const target = join(drive, 'case-library.sqlite');
      expect(moved).toEqual({ databasePath: target, previous: h.databasePath });
      expect((await ok(engine, 'app.info', {})).databasePath).toBe(target);
      expect((await ok(engine, 'cases.list', {})).total).toBe(1);

      // New work lands in the new file; the old one keeps what it had, untouched.
      const oldSize = statSync(h.databasePath).size;
      await ok(engine, 'clients.create', sampleClient({ lastName: 'AfterMove' }));
      engine.close();
      expect(names(target)).toEqual(['BeforeMove', 'AfterMove']);
      expect(names(h.databasePath)).toEqual(['BeforeMove']);
      expect(statSync(h.databasePath).size).toBe(oldSize);

      // The next start, by any door, finds it there.
      const pointer = JSON.parse(readFileSync(join(h.appFolder, LOCATION_FILE), 'utf8'));
      expect(pointer).toEqual({ databasePath: target });
      expect(defaultDatabasePath('linux', {}, h.dir)).toBe(target);
    } finally {
      if (engine.db.open) engine.close();
    }
  });

  it('refuses a folder that is missing, one that holds a library, or a path given explicitly', async () => {
    const h = home();
    const engine = openEngine({
      databasePath: h.databasePath,
      locationFile: join(h.appFolder, LOCATION_FILE),
    });
    const explicit = openEngine({ databasePath: join(tempDir(), 'given.sqlite') });
    try {
      await clientWithCase(engine);
      const missing = await fails(engine, 'library.move', { folder: join(tempDir(), 'nope') });
      expect(missing.message).toMatch(/is not a folder on this computer/);

      const occupied = tempDir();
      const other = openEngine({ databasePath: join(occupied, 'case-library.sqlite') });
      other.close();
      const taken = await fails(engine, 'library.move', { folder: occupied });
      expect(taken).toMatchObject({ code: 'conflict' });
      expect(taken.message).toMatch(/never replaced/);

      const given = await fails(explicit, 'library.move', { folder: tempDir() });
      expect(given.message).toMatch(/ADVOCATE_DESK_DB or --db/);

      expect(engine.databasePath).toBe(h.databasePath);
      expect(existsSync(join(h.appFolder, LOCATION_FILE))).toBe(false);
    } finally {
      engine.close();
      explicit.close();
    }
  });

  it('waits for an import still running rather than leave its documents behind', async () => {
    const h = home();
    const engine = openEngine({
      databasePath: h.databasePath,
      locationFile: join(h.appFolder, LOCATION_FILE),
    });
    try {
      const { case: kase } = await clientWithCase(engine);
      const clinical = join(process.cwd(), '../shared/fixtures/word/clinical');
      const importing = engine.call('documents.import', {
        caseId: kase.id,
        paths: [join(clinical, 'progress-note-trd.docx')],
      });
      const move = await fails(engine, 'library.move', { folder: tempDir() });
      expect(move).toMatchObject({ code: 'busy' });
      expect((await importing).ok).toBe(true);
      expect(engine.databasePath).toBe(h.databasePath);
    } finally {
      engine.close();
    }
  });
});
