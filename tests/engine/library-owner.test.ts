// One library, one owner at a time: a restore or a move from the CLI refuses while the browser
// host (another real process) has the library open and writes to it; a host whose file is
// replaced or deleted under it by force stops acknowledging writes; no acknowledged write is lost.
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../electron/contract/errors';
import { cleanup, tempDir } from './helpers';
import { hostThatExits, startHostProcess, stopProcesses } from './processes';
import type { HostProcess } from './processes';
import { cli } from './run-cli';

afterEach(() => {
  stopProcesses();
  cleanup();
});

/** A home folder laid out as the app's own (Linux): the library in ~/.config/Advocate Desk. */
function home() {
  const dir = tempDir();
  const appFolder = join(dir, '.config', 'Advocate Desk');
  mkdirSync(appFolder, { recursive: true });
  return {
    env: { XDG_CONFIG_HOME: join(dir, '.config'), ADVOCATE_DESK_DB: '' },
    databasePath: join(appFolder, 'case-library.sqlite'),
  };
}

/** Runs the CLI in this process as if its environment were `env` (the default library). */
async function cliIn(env: Record<string, string>, ...argv: string[]) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await cli(...argv);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

interface Write {
  name: string;
  /** Whether the request was sent after the file had been replaced. */
  afterReplacement: boolean;
  error: ApiError | null;
}

/** Creates clients through the host one after another until stopped; every answer is kept. */
function writeLoop(host: HostProcess) {
  const writes: Write[] = [];
  const state = { stop: false, replaced: false };
  const done = (async () => {
    for (let i = 0; !state.stop; i += 1) {
      const name = `Loop${i}`;
      const afterReplacement = state.replaced;
      const reply = await host.call('clients.create', { firstName: 'Written', lastName: name });
      writes.push({ name, afterReplacement, error: reply.ok ? null : reply.error });
    }
  })();
  return {
    writes,
    state,
    async until(n: number) {
      while (writes.length < n) await new Promise((r) => setTimeout(r, 20));
    },
    async stop() {
      state.stop = true;
      await done;
      return writes;
    },
  };
}

const namesIn = (path: string): Set<string> => {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return new Set(
      db
        .prepare("SELECT last_name FROM clients WHERE first_name = 'Written'")
        .pluck()
        .all() as string[],
    );
  } finally {
    db.close();
  }
};

/** Acknowledged writes that the library does not hold. */
const lost = (writes: Write[], path: string) => {
  const kept = namesIn(path);
  return writes.filter((w) => w.error === null && !kept.has(w.name));
};

describe('a restore or a move while another process has the library open', () => {
  it('is refused from the CLI, naming the host, and the host keeps every write', async () => {
    const h = home();
    const host = await startHostProcess([], h.env);
    const backup = await host.call('backups.create', {});
    expect(backup.ok).toBe(true);
    const backupFile = (backup as { value: { file: string } }).value.file;

    const loop = writeLoop(host);
    await loop.until(5);
    const restore = await cliIn(h.env, 'restore', backupFile);
    expect(restore.code).toBe(75);
    expect(restore.err.join('\n')).toContain(
      `The case library is open in the browser host (pid ${host.pid}): close it first, or restore from inside it.`,
    );
    const drive = tempDir();
    const move = await cliIn(h.env, 'call', 'library.move', JSON.stringify({ folder: drive }));
    expect(move.code).toBe(75);
    expect(move.err.join('\n')).toMatch(/open in the browser host \(pid \d+\).*move the library/);
    expect(existsSync(join(drive, 'case-library.sqlite'))).toBe(false);
    await loop.until(loop.writes.length + 5);
    const writes = await loop.stop();

    expect(writes.filter((w) => w.error)).toEqual([]);
    expect(lost(writes, h.databasePath)).toEqual([]);
    // The CLI's own lease was gone when it ended; the host's is there until it stops.
    await host.stop();
    const after = await cliIn(h.env, 'case', 'list');
    expect(after.code).toBe(0);
  }, 90_000);

  it('goes ahead once the host has stopped, and a CLI restore never counts itself', async () => {
    const h = home();
    const host = await startHostProcess([], h.env);
    const backup = (await host.call('backups.create', {})) as { ok: true; value: { file: string } };
    await host.call('clients.create', { firstName: 'Written', lastName: 'AfterBackup' });
    await host.stop();
    const restore = await cliIn(h.env, 'restore', backup.value.file);
    expect(restore.err).toEqual([]);
    expect(restore.code).toBe(0);
    expect(namesIn(h.databasePath).has('AfterBackup')).toBe(false);
  }, 60_000);
});

describe('a host whose library is replaced or deleted by force', () => {
  it('stops acknowledging writes once another program renamed a file over it', async () => {
    const h = home();
    const host = await startHostProcess([], h.env);
    const backup = (await host.call('backups.create', {})) as { ok: true; value: { file: string } };
    const loop = writeLoop(host);
    await loop.until(10);

    // What a careless restore does: a copy renamed over the library, its WAL removed.
    copyFileSync(backup.value.file, `${h.databasePath}.other`);
    renameSync(`${h.databasePath}.other`, h.databasePath);
    rmSync(`${h.databasePath}-wal`, { force: true });
    rmSync(`${h.databasePath}-shm`, { force: true });
    loop.state.replaced = true;
    await loop.until(loop.writes.length + 20);
    const writes = await loop.stop();

    const after = writes.filter((w) => w.afterReplacement);
    expect(after.length).toBeGreaterThanOrEqual(20);
    expect(after.filter((w) => w.error === null)).toEqual([]);
    expect(after[0]!.error).toEqual({
      code: 'library-replaced',
      message:
        'The case library was replaced or removed by another program; nothing was saved. Restart Advocate Desk.',
    });
    // Reads are refused too: what they would show is no longer the library.
    expect(await host.call('cases.list', {})).toMatchObject({
      ok: false,
      error: { code: 'library-replaced' },
    });
    await host.stop();
    expect(lost(after, h.databasePath)).toEqual([]);
  }, 90_000);

  it('stops acknowledging writes once the file was deleted, and the next start says it is missing', async () => {
    const h = home();
    const host = await startHostProcess([], h.env);
    const backup = (await host.call('backups.create', {})) as { ok: true; value: { file: string } };
    const loop = writeLoop(host);
    await loop.until(10);
    for (const f of ['', '-wal', '-shm']) rmSync(`${h.databasePath}${f}`, { force: true });
    loop.state.replaced = true;
    await loop.until(loop.writes.length + 20);
    const writes = await loop.stop();
    const after = writes.filter((w) => w.afterReplacement);
    expect(after.filter((w) => w.error === null)).toEqual([]);
    expect(new Set(after.map((w) => w.error?.code))).toEqual(new Set(['library-replaced']));
    await host.stop();
    expect(existsSync(h.databasePath)).toBe(false);

    // Starting again does not make an empty library where the cases were: it names the backup.
    const again = await hostThatExits([], h.env);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`The case library ${h.databasePath} is missing`);
    expect(again.err).toContain(backup.value.file);
    expect(existsSync(h.databasePath)).toBe(false);
  }, 90_000);
});
