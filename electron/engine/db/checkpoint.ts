// After a delete, the WAL still holds page images from before it (the deleted words) until a
// checkpoint copies the zeroed pages home and the log starts over: do that at once, truncating it.
import type { Database } from 'better-sqlite3';

/**
 * Checkpoints the WAL into the library and truncates it. Never waits: when another process is
 * reading or writing (the CLI beside the app), the checkpoint is left to SQLite's next one.
 */
export function checkpointAway(db: Database): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return row?.busy === 0;
  } catch {
    return false;
  } finally {
    db.pragma(`busy_timeout = ${Number(timeout)}`);
  }
}
