// What every handler is given: the open database and the facts about it.
import type { Database } from 'better-sqlite3';
import type { ApiName, ApiParsedArgs, ApiResults } from '../contract/api';
import type { OpenFile } from './documents/open-document';

export interface EngineContext {
  db: Database;
  databasePath: string;
  appVersion: string;
  schemaVersion: number;
  /** Opens a file in the system's default app ("Open in Word"). */
  openFile: OpenFile;
  nativeBinding?: string;
  /**
   * Closes the database, runs `work` on the closed file (a restore), then reopens it and rebuilds
   * every handler. Only the restore uses it.
   */
  replaceDatabase?: (work: () => void) => void;
}

/**
 * A handler receives arguments already validated by the call's schema. Most are synchronous and
 * run inside the engine's transaction; a long one (an import) returns a promise and opens its own
 * short transactions, so slow work never holds the database.
 */
export type Handler<N extends ApiName> = (
  args: ApiParsedArgs<N>,
) => ApiResults[N] | Promise<ApiResults[N]>;

/** A domain module's handlers for the calls named by `N`. */
export type HandlerSet<N extends ApiName> = { [K in N]: Handler<K> };

export type Handlers = HandlerSet<ApiName>;
