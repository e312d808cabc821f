// Files that hold health information are readable by the advocate's user account only: the
// library and its -wal and -shm, backups and the copies they are made in, the move's copy and
// the app's notes about where the library went. Half-written copies never outlive a failure.
import BetterSqlite3 from 'better-sqlite3';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../electron/engine';
import { backupFileName, listBackups, takeBackup } from '../../electron/engine/backups/files';
import { keepDamagedCopy } from '../../electron/engine/backups/restore';
import { startBackupSchedule } from '../../electron/engine/backups/schedule';
import { LOCATION_FILE } from '../../electron/engine/data-path';
import { noteMoveStarted } from '../../electron/engine/library/interrupted-move';
import { cleanup, clientWithCase, ok, openTracked, tempDir } from './helpers';

const posix = process.platform !== 'win32';
const modeOf = (path: string) => statSync(path).mode & 0o777;

afterEach(() => {
  cleanup();
  delete process.env.XDG_CONFIG_HOME;
});

describe.runIf(posix)('files only their owner can read', () => {
  it('a new library, its -wal and -shm are 0600 in a 0700 folder the app made', async () => {
    const folder = join(tempDir(), 'Advocate Desk');
    const path = join(folder, 'case-library.sqlite');
    const engine = openTracked(path);
    await clientWithCase(engine);
    expect(modeOf(folder)).toBe(0o700);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect(existsSync(file), file).toBe(true);
      expect(modeOf(file).toString(8), file).toBe('600');
    }
  });

  it("narrows a library an older version left 0644 in the app's 0755 folder", async () => {
    const config = tempDir();
    process.env.XDG_CONFIG_HOME = config;
    const folder = join(config, 'Advocate Desk');
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    // The app's folder under Electron also holds the browser's own files.
    mkdirSync(join(folder, 'Local Storage'));
    const path = join(folder, 'case-library.sqlite');
    const old = new BetterSqlite3(path);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE t (x)');
    old.close();
    chmodSync(path, 0o644);

    const engine = openTracked(path);
    await clientWithCase(engine);
    expect(modeOf(folder).toString(8)).toBe('700');
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect(modeOf(file).toString(8), file).toBe('600');
    }
  });

  it("keeps the permissions of a folder the user keeps other files in, but not the library's", async () => {
    const folder = tempDir();
    chmodSync(folder, 0o755);
    writeFileSync(join(folder, 'my-notes.txt'), 'not ours');
    const path = join(folder, 'case-library.sqlite');
    const engine = openTracked(path);
    await clientWithCase(engine);
    expect(modeOf(folder).toString(8)).toBe('755');
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect(modeOf(file).toString(8), file).toBe('600');
    }
  });

  it('backups are 0600 from their first byte, in a 0700 folder, and so is a damaged copy', async () => {
    const dir = tempDir();
    const path = join(dir, 'case-library.sqlite');
    // An older version made the folder 0755.
    mkdirSync(join(dir, 'backups'), { mode: 0o755 });
    chmodSync(join(dir, 'backups'), 0o755);
    const engine = openTracked(path);
    await clientWithCase(engine);
    const folder = join(dir, 'backups');
    const pending = takeBackup(engine.db, { folder, reason: 'manual' });
    // The copy being written is already private.
    const partials = readdirSync(folder).filter((n) => n.endsWith('.partial'));
    expect(partials).toHaveLength(1);
    expect(modeOf(join(folder, partials[0]!)).toString(8)).toBe('600');
    const backup = await pending;
    expect(modeOf(backup.file).toString(8)).toBe('600');
    expect(modeOf(folder).toString(8)).toBe('700');
    expect(readdirSync(folder).filter((n) => n.endsWith('.partial'))).toEqual([]);

    chmodSync(path, 0o644);
    const damaged = keepDamagedCopy(path, folder);
    expect(modeOf(damaged.file).toString(8)).toBe('600');
    if (existsSync(`${damaged.file}-wal`)) expect(modeOf(`${damaged.file}-wal`)).toBe(0o600);
  });

  it('a document saved to a new file is 0600', async () => {
    const engine = openTracked(join(tempDir(), 'case-library.sqlite'));
    const { case: kase } = await clientWithCase(engine);
    const letter = await ok(engine, 'letters.generate', { caseId: kase.id, kind: 'appeal' });
    const path = join(tempDir(), 'appeal.docx');
    await ok(engine, 'documents.saveTo', { id: letter.documentId, path });
    expect(modeOf(path).toString(8)).toBe('600');
  });

  it('a moved library, and the note of where it went, are 0600', async () => {
    const appFolder = join(tempDir(), 'Advocate Desk');
    const engine = openEngine({
      databasePath: join(appFolder, 'case-library.sqlite'),
      locationFile: join(appFolder, LOCATION_FILE),
    });
    try {
      await clientWithCase(engine);
      const drive = tempDir();
      const { databasePath } = await ok(engine, 'library.move', { folder: drive });
      await clientWithCase(engine, { lastName: 'AfterMove' });
      for (const file of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) {
        expect(modeOf(file).toString(8), file).toBe('600');
      }
      expect(modeOf(join(appFolder, LOCATION_FILE)).toString(8)).toBe('600');
      expect(readdirSync(drive).filter((n) => n.endsWith('.partial'))).toEqual([]);
    } finally {
      engine.close();
    }
  });
});

describe('half-written copies', () => {
  it('a backup copy a crash left behind is removed when the app next starts', async () => {
    const dir = tempDir();
    const path = join(dir, 'case-library.sqlite');
    const folder = join(dir, 'backups');
    const engine = openTracked(path);
    await ok(engine, 'backups.create', {});
    const left = join(folder, '.advocate-desk-2026-11-30T09-00-00-000Z-daily.sqlite.partial');
    writeFileSync(left, Buffer.alloc(64 * 1024, 7));
    const anHourAgo = new Date(Date.now() - 3600_000);
    utimesSync(left, anHourAgo, anHourAgo);
    // One another process is writing right now is left alone.
    const fresh = join(folder, '.advocate-desk-2026-12-01T09-00-00-000Z-manual.sqlite.partial');
    writeFileSync(fresh, '');

    const schedule = startBackupSchedule(engine.context);
    await schedule.started;
    schedule.stop();
    expect(existsSync(left)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(listBackups(folder)).toHaveLength(1);
  });

  it("a move's copy left by a crash is removed at the next start", () => {
    const appFolder = join(tempDir(), 'Advocate Desk');
    mkdirSync(appFolder);
    const locationFile = join(appFolder, LOCATION_FILE);
    const drive = tempDir();
    const left = join(drive, '.case-library.sqlite.partial');
    writeFileSync(left, Buffer.alloc(64 * 1024, 7));
    writeFileSync(join(drive, 'unrelated.txt'), 'kept');
    noteMoveStarted(locationFile, left);

    const engine = openEngine({
      databasePath: join(appFolder, 'case-library.sqlite'),
      locationFile,
    });
    engine.close();
    expect(existsSync(left)).toBe(false);
    expect(readdirSync(drive)).toEqual(['unrelated.txt']);
    expect(readdirSync(appFolder).filter((n) => n.includes(LOCATION_FILE))).toEqual([]);
  });

  it('a backup that fails at its last step leaves no copy behind', async () => {
    const dir = tempDir();
    const engine = openTracked(join(dir, 'case-library.sqlite'));
    await clientWithCase(engine);
    const folder = join(dir, 'backups');
    const now = new Date('2026-12-01T10:00:00Z');
    // Something already has the backup's name, so the copy cannot be renamed into place.
    const taken = join(folder, backupFileName(now, 'manual'));
    mkdirSync(taken, { recursive: true });
    writeFileSync(join(taken, 'x'), '');
    await expect(takeBackup(engine.db, { folder, reason: 'manual', now })).rejects.toThrow();
    expect(readdirSync(folder).filter((n) => n.includes('.partial'))).toEqual([]);
  });
});
