// A write that meets another process's write lock: it waits on timers (this process's event loop
// goes on turning — the browser host must never freeze), goes through when the lock is released
// in time, and otherwise answers busy naming what holds the library; never "database is locked".
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import { openEngine } from '../../electron/engine';
import { readdirSync } from 'node:fs';
import { cleanup, clientWithCase, tempDir } from './helpers';
import { holdWriteLock, stopProcesses } from './processes';

afterEach(() => {
  stopProcesses();
  cleanup();
});

/**
 * SQLite's own synchronous wait is 50 ms a try; the rest is on timers. The limit leaves room for
 * a loaded machine and is still far below the seconds a synchronous wait for the lock would take.
 */
const STALL_LIMIT_MS = 1000;

/** The longest gap between the ticks of a 10 ms timer while `work` runs. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    const value = await work();
    stallMs = Math.max(stallMs, performance.now() - last);
    return { value, stallMs };
  } finally {
    clearInterval(timer);
  }
}

function library(): { path: string; engine: Engine } {
  const path = join(tempDir(), 'case-library.sqlite');
  const engine = openEngine({ databasePath: path, door: 'browser' });
  return { path, engine };
}

describe('a write while another process holds the write lock', () => {
  it('answers busy, naming the other door and its job, without stalling this process', async () => {
    const { path, engine } = library();
    try {
      const holder = await holdWriteLock(path, 6000, 'cli', 'importing an archive');
      const { value: reply, stallMs } = await longestStall(() =>
        engine.call('clients.create', { firstName: 'Busy', lastName: 'Write' }),
      );
      expect(reply).toEqual({
        ok: false,
        error: {
          code: 'busy',
          message:
            'The library is busy importing an archive in the advocate command (CLI); nothing was saved. Try again in a moment.',
        },
      });
      expect(stallMs).toBeLessThan(STALL_LIMIT_MS);
      // Reads go on meanwhile (WAL), and nothing of the refused write was kept.
      const list = await engine.call('clients.list', {});
      expect(list).toMatchObject({ ok: true });
      expect(JSON.stringify(list)).not.toContain('Busy');
      await holder.done;
      const after = await engine.call('clients.create', { firstName: 'Later', lastName: 'Write' });
      expect(after.ok).toBe(true);
    } finally {
      engine.close();
    }
  }, 30_000);

  it('goes through once a short hold is released, still without stalling', async () => {
    const { engine, path } = library();
    try {
      await holdWriteLock(path, 2500, 'app', 'importing documents');
      const started = performance.now();
      const { value: reply, stallMs } = await longestStall(() =>
        engine.call('clients.create', { firstName: 'Patient', lastName: 'Write' }),
      );
      expect(reply).toMatchObject({ ok: true, value: { firstName: 'Patient' } });
      expect(performance.now() - started).toBeGreaterThan(200);
      expect(stallMs).toBeLessThan(STALL_LIMIT_MS);
    } finally {
      engine.close();
    }
  }, 30_000);

  it('lets a batch import wait for it on timers and import every file', async () => {
    const { engine, path } = library();
    try {
      const { case: kase } = await clientWithCase(engine);
      const folder = join(process.cwd(), '../shared/fixtures/word/clinical');
      const files = readdirSync(folder)
        .filter((f) => f.endsWith('.docx'))
        .slice(0, 3)
        .map((f) => join(folder, f));
      await holdWriteLock(path, 3000, 'cli', 'writing letters');
      const { value: reply, stallMs } = await longestStall(() =>
        engine.call('documents.import', { caseId: kase.id, paths: files }),
      );
      expect(reply).toMatchObject({ ok: true, value: { refused: [] } });
      expect((reply as { value: { imported: unknown[] } }).value.imported).toHaveLength(3);
      expect(stallMs).toBeLessThan(STALL_LIMIT_MS);
    } finally {
      engine.close();
    }
  }, 30_000);
});
