// A full disk: a write, a backup, a move or a restore that runs out of room answers disk-full
// naming where, keeps nothing half-written, and every write acknowledged before is still there.
// The real full disk is a 2 MB tmpfs (root only); SQLite's max_page_count stands in everywhere.
import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiReply } from '../../electron/contract/errors';
import { openEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine';
import { LOCATION_FILE } from '../../electron/engine/data-path';
import { cleanup, ok, sampleClient, tempDir } from './helpers';

const mounts: string[] = [];

afterEach(() => {
  for (const dir of mounts.splice(0)) spawnSync('umount', ['-l', dir]);
  cleanup();
});

/** A 2 MB tmpfs at a new folder; null where mounting is not allowed (not root, a container). */
function smallDisk(): string | null {
  const dir = join(tempDir(), 'small-disk');
  mkdirSync(dir);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m,mode=0700', 'tmpfs', dir]);
  if (mounted.status !== 0) return null;
  mounts.unshift(dir);
  return dir;
}
const CANNOT_MOUNT = 'mount -t tmpfs is not allowed here (it needs root with CAP_SYS_ADMIN)';

/** Fills the disk holding `dir` but for `leaveBytes`. */
function fill(dir: string, leaveBytes: number): void {
  const { bavail, bsize } = statfsSync(dir);
  const size = Math.max(0, Number(bavail) * Number(bsize) - leaveBytes);
  writeFileSync(join(dir, 'filler'), Buffer.alloc(size));
}

const NOTE = 'A long note about the case. '.repeat(350);

/** Writes clients with long notes until one is refused; the names acknowledged, and the refusal. */
async function writeUntilRefused(engine: Engine) {
  const acked: string[] = [];
  for (let i = 0; i < 2000; i += 1) {
    const lastName = `Full${i}`;
    const reply: ApiReply<unknown> = await engine.call(
      'clients.create',
      sampleClient({ lastName, notes: NOTE }),
    );
    if (!reply.ok) return { acked, error: reply.error };
    acked.push(lastName);
  }
  throw new Error('the disk never filled');
}

const namesIn = (path: string) => {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.prepare('SELECT last_name FROM clients').pluck().all() as string[];
  } finally {
    db.close();
  }
};

const fullMessage = (path: string) =>
  `The disk that holds the library (${path}) is full; nothing was saved. Free some space on it, then try again.`;

describe('a library that cannot grow', () => {
  it('answers disk-full, saves nothing of that write, and keeps every earlier one', async () => {
    const path = join(tempDir(), 'case-library.sqlite');
    const engine = openEngine({ databasePath: path });
    try {
      const pages = engine.db.pragma('page_count', { simple: true }) as number;
      engine.db.pragma(`max_page_count = ${pages + 20}`);
      const { acked, error } = await writeUntilRefused(engine);
      expect(error).toEqual({ code: 'disk-full', message: fullMessage(path) });
      expect(acked.length).toBeGreaterThan(0);
      expect(namesIn(path).sort()).toEqual(acked.sort());
      // Reading goes on.
      expect(await ok(engine, 'clients.list', {})).toMatchObject({ total: acked.length });
    } finally {
      engine.close();
    }
  });
});

describe('a disk that is really full', () => {
  it('refuses a write with disk-full and keeps every acknowledged one', async (ctx) => {
    const disk = smallDisk();
    if (!disk) return ctx.skip(CANNOT_MOUNT);
    const path = join(disk, 'case-library.sqlite');
    const engine = openEngine({ databasePath: path });
    try {
      const { acked, error } = await writeUntilRefused(engine);
      expect(error).toEqual({ code: 'disk-full', message: fullMessage(path) });
      expect(namesIn(path).sort()).toEqual(acked.sort());
    } finally {
      engine.close();
    }
  });

  it('refuses a backup into a full folder and leaves no partial copy', async (ctx) => {
    const disk = smallDisk();
    if (!disk) return ctx.skip(CANNOT_MOUNT);
    const engine = openEngine({ databasePath: join(tempDir(), 'case-library.sqlite') });
    try {
      for (let i = 0; i < 10; i += 1) {
        await ok(engine, 'clients.create', sampleClient({ lastName: `B${i}`, notes: NOTE }));
      }
      await ok(engine, 'backups.setFolder', { folder: disk });
      fill(disk, 8192);
      const reply = await engine.call('backups.create', {});
      expect(reply).toEqual({
        ok: false,
        error: {
          code: 'disk-full',
          message: `The disk that holds ${disk} is full; nothing was saved. Free some space on it, then try again.`,
        },
      });
      expect(readdirSync(disk)).toEqual(['filler']);
      await ok(engine, 'clients.create', sampleClient({ lastName: 'AfterFull' }));
    } finally {
      engine.close();
    }
  });

  it('refuses a move onto a full disk, and the library stays where it was', async (ctx) => {
    const disk = smallDisk();
    if (!disk) return ctx.skip(CANNOT_MOUNT);
    const app = tempDir();
    const path = join(app, 'case-library.sqlite');
    const engine = openEngine({ databasePath: path, locationFile: join(app, LOCATION_FILE) });
    try {
      for (let i = 0; i < 10; i += 1) {
        await ok(engine, 'clients.create', sampleClient({ lastName: `M${i}`, notes: NOTE }));
      }
      fill(disk, 8192);
      const reply = await engine.call('library.move', { folder: disk });
      expect(reply).toMatchObject({ ok: false, error: { code: 'disk-full' } });
      expect(readdirSync(disk)).toEqual(['filler']);
      expect(existsSync(join(app, LOCATION_FILE))).toBe(false);
      expect(engine.databasePath).toBe(path);
      await ok(engine, 'clients.create', sampleClient({ lastName: 'StillHere' }));
    } finally {
      engine.close();
    }
  });

  it('refuses a restore too big for the disk, and the library is unchanged', async (ctx) => {
    const disk = smallDisk();
    if (!disk) return ctx.skip(CANNOT_MOUNT);
    const big = openEngine({ databasePath: join(tempDir(), 'big.sqlite') });
    for (let i = 0; i < 500; i += 1) {
      await ok(big, 'clients.create', sampleClient({ lastName: `R${i}`, notes: NOTE }));
    }
    const backup = await ok(big, 'backups.create', {});
    big.close();

    const path = join(disk, 'case-library.sqlite');
    const engine = openEngine({ databasePath: path });
    try {
      await ok(engine, 'clients.create', sampleClient({ lastName: 'Small' }));
      await ok(engine, 'backups.setFolder', { folder: tempDir() });
      const reply = await engine.call('backups.restore', { file: backup.file });
      expect(reply).toMatchObject({ ok: false, error: { code: 'disk-full' } });
      expect((reply as { error: { message: string } }).error.message).toContain(
        `The disk that holds the library (${path}) is full`,
      );
      expect(existsSync(`${path}.restoring`)).toBe(false);
      expect(namesIn(path)).toEqual(['Small']);
      await ok(engine, 'clients.create', sampleClient({ lastName: 'AfterRestore' }));
    } finally {
      engine.close();
    }
  });
});
