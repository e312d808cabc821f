// Backups: taken online and checked, rotated, listed, restored after a preview and a safety copy;
// a damaged library is refused (never written) with the newest good backup named.
import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../electron/engine';
import { backupFileName, listBackups } from '../../electron/engine/backups/files';
import { backupsToKeep } from '../../electron/engine/backups/rotation';
import { dailyBackupDue, startBackupSchedule } from '../../electron/engine/backups/schedule';
import { migrate } from '../../electron/engine/db/migrate';
import { migrations } from '../../electron/engine/db/migrations';
import {
  DamagedLibraryError,
  backUpBeforeMigrating,
  openDatabase,
} from '../../electron/engine/db/open';
import { SETTING, readSetting } from '../../electron/engine/settings/queries';
import { cleanup, clientWithCase, fails, ok, openTracked, tempDir } from './helpers';

afterEach(cleanup);

const DAY = 86_400_000;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function library(clients = 2) {
  const dir = tempDir();
  const path = join(dir, 'case-library.sqlite');
  const engine = openTracked(path);
  for (let i = 0; i < clients; i++) await clientWithCase(engine, { lastName: `Client${i}` });
  return { dir, path, engine };
}

describe('rotation', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  // One backup every day at 09:00 for 500 days, and a second one at 18:00 on each of them.
  const backups = Array.from({ length: 500 }, (_, i) => [
    { file: `d${i}-am`, takenAt: new Date(now.getTime() - i * DAY - 3 * 3600_000).toISOString() },
    { file: `d${i}-pm`, takenAt: new Date(now.getTime() - i * DAY + 6 * 3600_000).toISOString() },
  ]).flat();

  it('keeps the newest few, then one a day for 7 days, one a week for 4, one a month for 12', () => {
    const pastOnly = backups.filter((b) => b.takenAt <= now.toISOString());
    const keep = backupsToKeep(pastOnly, now);
    // The newest five, whatever their days.
    for (const f of ['d0-am', 'd1-pm', 'd1-am', 'd2-pm', 'd2-am']) expect(keep.has(f)).toBe(true);
    // Each of the last 7 days keeps its newest backup only (beyond the newest five).
    for (let i = 3; i < 7; i++) {
      expect(keep.has(`d${i}-pm`)).toBe(true);
      expect(keep.has(`d${i}-am`)).toBe(false);
    }
    // Three weeks back is a weekly keeper; 11 months back a monthly one; 13 months back nothing.
    const kept = [...keep].map((f) => Number(/^d(\d+)/.exec(f)![1]));
    expect(kept.some((d) => d >= 14 && d < 28)).toBe(true);
    expect(kept.some((d) => d >= 300 && d < 340)).toBe(true);
    expect(kept.every((d) => d < 366)).toBe(true);
    expect(keep.size).toBeLessThanOrEqual(5 + 7 + 4 + 12);
    expect(keep.size).toBeGreaterThanOrEqual(20);
  });

  it('keeps everything while there are only a few', () => {
    const few = backups.slice(0, 3);
    expect(backupsToKeep(few, now).size).toBe(3);
  });
});

describe('taking backups', () => {
  it('backs up now into the folder beside the library, checked and listed with its size', async () => {
    const { dir, engine } = await library();
    const info = await ok(engine, 'backups.create', {});
    expect(info.file.startsWith(join(dir, 'backups'))).toBe(true);
    expect(info.reason).toBe('manual');
    const list = await ok(engine, 'backups.list', {});
    expect(list.folder).toBe(join(dir, 'backups'));
    expect(list.backups.map((b) => b.file)).toEqual([info.file]);
    expect(list.backups[0]!.counts).toEqual({ clients: 2, cases: 2, documents: 0, contacts: 0 });
    expect(list.backups[0]!.sizeBytes).toBe(statSync(info.file).size);
    // A self-contained file (no WAL beside it) holding what the library held.
    const copy = new BetterSqlite3(info.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(2);
    copy.close();
    expect(existsSync(`${info.file}-wal`)).toBe(false);
    const preview = await ok(engine, 'backups.preview', { file: info.file });
    expect(preview.counts).toEqual({ clients: 2, cases: 2, documents: 0, contacts: 0 });
    expect(preview.schemaVersion).toBe(migrations.length);
  });

  it('backs up to a folder the user chose, and remembers it; refuses one it cannot write', async () => {
    const { engine, path } = await library(1);
    const chosen = join(tempDir(), 'synced', 'Advocate backups');
    const err = await fails(engine, 'backups.setFolder', { folder: 'relative/folder' });
    expect(err).toMatchObject({ code: 'invalid-input', field: 'folder' });
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'x');
    const err2 = await fails(engine, 'backups.setFolder', { folder: join(blocker, 'sub') });
    expect(err2.message).toContain('cannot be written');
    expect((await ok(engine, 'backups.setFolder', { folder: chosen })).folder).toBe(chosen);
    const info = await ok(engine, 'backups.create', {});
    expect(info.file.startsWith(chosen)).toBe(true);
    engine.close();
    const again = openTracked(path);
    expect((await ok(again, 'backups.list', {})).folder).toBe(chosen);
  });

  it("takes the day's backup on start only when there is none today", async () => {
    const { engine } = await library(1);
    const schedule = startBackupSchedule(engine.context);
    const first = await schedule.started;
    schedule.stop();
    expect(first?.reason).toBe('daily');
    const second = startBackupSchedule(engine.context);
    expect(await second.started).toBeNull();
    second.stop();
    const now = new Date('2026-11-23T12:00:00');
    const at = (d: Date) => ({
      file: 'f',
      fileName: 'f',
      sizeBytes: 1,
      reason: 'daily' as const,
      takenAt: d.toISOString(),
    });
    expect(dailyBackupDue([at(new Date('2026-11-23T08:00:00'))], now)).toBe(false);
    expect(dailyBackupDue([at(new Date('2026-11-22T23:00:00'))], now)).toBe(true);
    expect(dailyBackupDue([], now)).toBe(true);
  });

  it('remembers a failed daily backup until one succeeds, so the Backups page can say so', async () => {
    const { dir, engine } = await library(1);
    const drive = join(dir, 'usb-drive');
    await ok(engine, 'backups.setFolder', { folder: drive });
    // The drive is unplugged: its folder is gone and a file sits where it was.
    rmSync(drive, { recursive: true });
    writeFileSync(drive, '');
    const errors: unknown[] = [];
    const schedule = startBackupSchedule(engine.context, (e) => errors.push(e));
    expect(await schedule.started).toBeNull();
    schedule.stop();
    expect(errors).toHaveLength(1);
    const failed = await ok(engine, 'backups.list', {});
    expect(failed.lastFailure?.message).toContain(drive);
    rmSync(drive);
    await ok(engine, 'backups.create', {});
    expect((await ok(engine, 'backups.list', {})).lastFailure).toBeNull();
  });

  it('deletes backups rotation no longer keeps when it takes a new one', async () => {
    const { dir, engine } = await library(1);
    const folder = join(dir, 'backups');
    const first = await ok(engine, 'backups.create', {});
    // Twenty old daily backups, one a day from 400 days ago.
    for (let i = 0; i < 20; i++) {
      const name = backupFileName(new Date(Date.now() - (400 - i) * DAY), 'daily');
      writeFileSync(join(folder, name), readFileSync(first.file));
    }
    await ok(engine, 'backups.create', {});
    const left = listBackups(folder);
    // Older than a year: only the newest ones (within the "newest five") survive.
    expect(left.length).toBeLessThanOrEqual(5);
    expect(left.some((b) => b.file === first.file)).toBe(true);
  });
});

describe('before a migration', () => {
  it('backs up a library of an older version before changing it', async () => {
    const dir = tempDir();
    const path = join(dir, 'case-library.sqlite');
    const old = new BetterSqlite3(path);
    migrate(old, migrations.slice(0, 3));
    old.prepare("INSERT INTO clients (first_name, last_name) VALUES ('Ada', 'Old')").run();
    old.close();
    const engine = openTracked(path);
    expect(engine.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const [backup] = listBackups(join(dir, 'backups'));
    expect(backup?.reason).toBe('pre-migration');
    const copy = new BetterSqlite3(backup!.file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(3);
    expect(copy.prepare('SELECT last_name FROM clients').pluck().get()).toBe('Old');
    copy.close();
  });

  it('falls back to the folder beside the library when the chosen one is unreachable', async () => {
    const { dir, path, engine } = await library(1);
    // A folder on a drive that is not plugged in (here: below a file, so it cannot be made).
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    engine.db
      .prepare("INSERT INTO settings (key, value) VALUES ('backup.folder', ?)")
      .run(join(blocker, 'backups'));
    backUpBeforeMigrating(engine.db, path, {}, new Date());
    expect(listBackups(join(dir, 'backups')).map((b) => b.reason)).toEqual(['pre-migration']);
  });

  it('clears copies a crash left half-written', async () => {
    const { dir, engine } = await library(1);
    const folder = join(dir, 'backups');
    await ok(engine, 'backups.create', {});
    const stale = join(folder, '.advocate-desk-2026-01-01T00-00-00-000Z-daily.sqlite.partial');
    writeFileSync(stale, 'half');
    utimesSync(stale, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    await ok(engine, 'backups.create', {});
    expect(existsSync(stale)).toBe(false);
  });

  it('takes no backup when nothing needs migrating', async () => {
    const { dir, path, engine } = await library(1);
    engine.close();
    openTracked(path);
    expect(listBackups(join(dir, 'backups'))).toEqual([]);
  });
  it('lists the backups that are there when one vanishes while the folder is read', async () => {
    const { dir, engine } = await library(1);
    await ok(engine, 'backups.create', {});
    const folder = join(dir, 'backups');
    // Rotation in another process can delete a file between readdir and stat; a dangling link
    // named like a backup is that moment, held still.
    symlinkSync(join(dir, 'gone.sqlite'), join(folder, backupFileName(new Date(0), 'daily')));
    expect(listBackups(folder).map((b) => b.reason)).toEqual(['manual']);
  });
});

describe('restoring', () => {
  it('shows what a backup holds, backs up the current state, then puts the backup in place', async () => {
    const { engine } = await library(2);
    const backup = await ok(engine, 'backups.create', {});
    await clientWithCase(engine, { lastName: 'AddedLater' });
    const preview = await ok(engine, 'backups.preview', { file: backup.file });
    expect(preview.counts.cases).toBe(2);
    const result = await ok(engine, 'backups.restore', { file: backup.file });
    expect(result.restored.counts.cases).toBe(2);
    // The same engine answers from the restored library.
    expect((await ok(engine, 'cases.list', {})).items).toHaveLength(2);
    // And the library as it was is one restore away.
    expect(result.previous.reason).toBe('pre-restore');
    const undo = await ok(engine, 'backups.preview', { file: result.previous.file });
    expect(undo.counts.cases).toBe(3);
    await ok(engine, 'backups.restore', { file: result.previous.file });
    const names = (await ok(engine, 'clients.list', {})).items.map((c) => c.lastName);
    expect(names).toContain('AddedLater');
    // Writes go on working after a restore.
    await clientWithCase(engine, { lastName: 'AfterRestore' });
  });

  it('refuses a damaged or foreign file and leaves the library unchanged', async () => {
    const { engine, path } = await library(1);
    const junk = join(tempDir(), 'junk.sqlite');
    writeFileSync(junk, 'not a database at all, just text'.repeat(200));
    const err = await fails(engine, 'backups.restore', { file: junk });
    expect(err.code).toBe('backup-unusable');
    expect(err.message).toContain(junk);
    const other = join(tempDir(), 'other.sqlite');
    new BetterSqlite3(other).exec('CREATE TABLE t (x)');
    expect((await fails(engine, 'backups.preview', { file: other })).message).toContain(
      'not an Advocate Desk case library',
    );
    expect((await ok(engine, 'cases.list', {})).items).toHaveLength(1);
    expect(readdirSync(join(path, '..')).some((f) => f.endsWith('.restoring'))).toBe(false);
  });

  it('ignores a staging file left by a restore that crashed before its rename', async () => {
    const { path, engine } = await library(1);
    engine.close();
    writeFileSync(`${path}.restoring`, 'half a copy');
    const again = openTracked(path);
    expect((await ok(again, 'cases.list', {})).items).toHaveLength(1);
    expect(existsSync(`${path}.restoring`)).toBe(false);
  });
});

/** Overwrites the pages of one table (the case history), leaving the schema readable. */
function damageTable(path: string, table = 'case_history') {
  const db = new BetterSqlite3(path, { readonly: true });
  const pages = db
    .prepare('SELECT pageno FROM dbstat WHERE name = ?')
    .pluck()
    .all(table) as number[];
  const size = db.pragma('page_size', { simple: true }) as number;
  db.close();
  expect(pages.length).toBeGreaterThan(0);
  const fd = openSync(path, 'r+');
  for (const page of pages) writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, (page - 1) * size);
  closeSync(fd);
}

/** Overwrites the middle of the file (table pages, not the header) with garbage. */
function damage(path: string) {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(size / 2, 0x5a), 0, size / 2, size / 4);
  closeSync(fd);
}

describe('checking the library on open', () => {
  it('refuses a damaged library without writing to it, naming the newest good backup', async () => {
    const { path, engine } = await library(40);
    const good = await ok(engine, 'backups.create', {});
    engine.close();
    damage(path);
    const before = sha(path);
    let error: unknown;
    try {
      // Checked page by page before it opens (as the engine does when told to, and as it does
      // for a library an earlier check found damaged).
      openEngine({ databasePath: path, check: 'now' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DamagedLibraryError);
    const damaged = error as DamagedLibraryError;
    expect(damaged.code).toBe('database-damaged');
    expect(damaged.message).toContain(path);
    expect(damaged.message).toContain(good.file);
    expect(damaged.newestBackup?.file).toBe(good.file);
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('opens at once, checks in the background, and then refuses a damaged library', async () => {
    const { path, engine } = await library(40);
    const good = await ok(engine, 'backups.create', {});
    engine.close();
    damageTable(path);
    const before = sha(path);
    const opened = openEngine({ databasePath: path });
    expect(opened.context.libraryCheck?.()?.state).toBe('checking');
    const found = await opened.context.checked;
    expect(found).toMatchObject({
      state: 'damaged',
      kind: 'quick',
      newestBackup: { file: good.file },
    });
    expect(found?.message).toContain(good.file);
    // Every call but those that restore a backup answers with the damage.
    for (const [name, args] of [
      ['cases.list', {}],
      ['clients.create', { firstName: 'New', lastName: 'Client' }],
      ['search', { query: 'client' }],
    ] as const) {
      expect(await fails(opened, name, args)).toMatchObject({ code: 'database-damaged' });
    }
    expect(await ok(opened, 'library.check', {})).toMatchObject({ state: 'damaged' });
    opened.close();
    expect(sha(path)).toBe(before);
    // The next start refuses it before showing anything, until a backup is restored over it.
    expect(() => openEngine({ databasePath: path })).toThrow(DamagedLibraryError);
  }, 30_000);

  it('restores the newest good backup over a library the background check found damaged', async () => {
    const { path, engine } = await library(40);
    const good = await ok(engine, 'backups.create', {});
    engine.close();
    damageTable(path);
    const opened = openTracked(path);
    await opened.context.checked;
    const result = await ok(opened, 'backups.restore', { file: good.file });
    expect(result.previous.reason).toBe('damaged');
    expect((await ok(opened, 'cases.list', {})).total).toBe(40);
    expect(await opened.context.checked).toMatchObject({ state: 'ok' });
    expect(await ok(opened, 'library.check', {})).toMatchObject({ state: 'ok' });
  }, 30_000);

  it('runs the weekly full check in the background too, and remembers it', async () => {
    const path = join(tempDir(), 'case-library.sqlite');
    const t0 = new Date('2026-01-01T00:00:00Z');
    openEngine({ databasePath: path, now: () => t0 }).close();
    const later = new Date(t0.getTime() + 8 * DAY);
    const engine = openEngine({ databasePath: path, now: () => later });
    expect(await engine.context.checked).toMatchObject({ state: 'ok', kind: 'full' });
    expect(readSetting(engine.db, SETTING.lastFullCheck)).toBe(later.toISOString());
    engine.close();
    const next = openEngine({ databasePath: path, now: () => later });
    expect(await next.context.checked).toMatchObject({ state: 'ok', kind: 'quick' });
    next.close();
  });

  it('lets a process that runs often (the CLI) skip a check made less than a day ago', async () => {
    const path = join(tempDir(), 'case-library.sqlite');
    const t0 = new Date('2026-01-01T00:00:00Z');
    const at = (hours: number) => () => new Date(t0.getTime() + hours * 3_600_000);
    openEngine({ databasePath: path, now: at(0) }).close();
    const app = openEngine({ databasePath: path, now: at(1) });
    expect(await app.context.checked).toMatchObject({
      state: 'ok',
      startedAt: at(1)().toISOString(),
    });
    app.close();
    const cli = openEngine({ databasePath: path, now: at(5), checkEvery: DAY });
    expect(await cli.context.checked).toMatchObject({
      state: 'ok',
      startedAt: at(1)().toISOString(),
    });
    cli.close();
    const nextDay = openEngine({ databasePath: path, now: at(30), checkEvery: DAY });
    expect(await nextDay.context.checked).toMatchObject({
      state: 'ok',
      startedAt: at(30)().toISOString(),
    });
    nextDay.close();
  });

  it('runs the full check when the last one is a week old, the quick one otherwise', () => {
    const path = join(tempDir(), 'case-library.sqlite');
    const t0 = new Date('2026-01-01T00:00:00Z');
    const at = (days: number) => () => new Date(t0.getTime() + days * DAY);
    const lastFull = (days: number) => {
      const db = openDatabase(path, { now: at(days) });
      const value = readSetting(db, SETTING.lastFullCheck);
      db.close();
      return value;
    };
    expect(lastFull(0)).toBe(t0.toISOString());
    expect(lastFull(3)).toBe(t0.toISOString());
    expect(lastFull(8)).toBe(at(8)().toISOString());
  });
});
