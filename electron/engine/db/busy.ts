// Waiting for another process's write lock without stalling this one: SQLite itself waits only a
// moment (its wait is synchronous and would freeze the browser host's event loop), then the
// write is retried on timers, with growing gaps, for a few seconds before it answers busy.
import type { Database } from 'better-sqlite3';

/** How long SQLite itself waits for a lock, synchronously, on each try. */
export const LOCK_WAIT_MS = 50;

/** The pauses between tries (about 3.5 s in all, with SQLite's own waits). */
export const RETRY_DELAYS_MS = [20, 40, 80, 160, 320, 640, 1000, 1000] as const;

/** Whether `error` is SQLite saying another connection holds the lock it needs. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}

/** Whether `error` is SQLite or the system saying the disk is full. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

/** Sets the short synchronous wait on a connection the engine serves calls with. */
export function useShortLockWait(db: Database): void {
  db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` (one whole transaction: nothing of it is kept when it throws) and tries again while
 * the library is locked by another process; the last busy error is thrown when the time is up.
 */
export async function retryWhileBusy<T>(
  work: () => T,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return work();
    } catch (error) {
      const delay = delays[attempt];
      if (!isBusy(error) || delay === undefined) throw error;
      await pause(delay);
    }
  }
}
