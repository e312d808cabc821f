// The library's revision: a cheap token that changes whenever anything in the file changes, so
// pages can poll it and reload only when there is something new to show.
import { randomUUID } from 'node:crypto';
import type { EngineContext, HandlerSet } from '../context';

/**
 * Three parts, compared only for equality by the renderer:
 * - the connection: a random id per opened connection (handlers are rebuilt after a restore or a
 *   move reopens the file, and counters below restart with the new connection);
 * - `PRAGMA data_version`, which SQLite changes when another connection (the CLI, a second app)
 *   commits to the file;
 * - `total_changes()`, the rows this connection itself has written (data_version ignores them).
 */
export function revisionHandlers(ctx: EngineContext): HandlerSet<'library.revision'> {
  const connection = randomUUID().slice(0, 8);
  const dataVersion = ctx.db.prepare<[], number>('PRAGMA data_version').pluck();
  const ownChanges = ctx.db.prepare<[], number>('SELECT total_changes()').pluck();
  return {
    'library.revision': () => ({
      revision: `${connection}.${dataVersion.get()}.${ownChanges.get()}`,
    }),
  };
}
