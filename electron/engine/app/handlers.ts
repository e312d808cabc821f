// Facts about the running app and its database.
import type { EngineContext, HandlerSet } from '../context';

export function appHandlers(ctx: EngineContext): HandlerSet<'app.info'> {
  return {
    'app.info': () => ({
      version: ctx.appVersion,
      databasePath: ctx.databasePath,
      schemaVersion: ctx.schemaVersion,
    }),
  };
}
