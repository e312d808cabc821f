// What every handler is given: the open database and the facts about it.
import type { Database } from 'better-sqlite3';
import type { ApiName, ApiParsedArgs, ApiResults } from '../contract/api';
import type { OpenFile } from './documents/open-document';
import type { Lease } from './library/leases';
import type { LibraryCheck } from '../contract/safety';
import type { AppError } from '../contract/errors';

export interface EngineContext {
  db: Database;
  databasePath: string;
  appVersion: string;
  schemaVersion: number;
  /** Opens a file in the system's default app ("Open in Word"). */
  openFile: OpenFile;
  /**
   * Prints a self-contained HTML page to PDF bytes: given by the desktop app (Electron's
   * printToPDF); the browser host and the CLI have none.
   */
  printPdf?: (html: string) => Promise<Buffer>;
  nativeBinding?: string;
  /**
   * Closes the database, runs `work` on the closed file (a restore), then reopens it and rebuilds
   * every handler. Only the restore uses it.
   */
  replaceDatabase?: (work: () => void, newPath?: string) => void;
  /** Where to record that the library moved; unset when its path was given explicitly. */
  locationFile?: string;
  /** While set, every call is refused with this message (the library is being moved). */
  busy?: string | null;
  /** This engine's lease on the library file (none for an in-memory library). */
  lease?: Lease;
  /** How many calls are running now, the asking one included (long imports overlap others). */
  activeCalls?: () => number;
  /** The background check of the file: how it is going (null when none runs). */
  libraryCheck?: () => LibraryCheck | null;
  /** Settles when the background check ends (null when none runs). */
  checked?: Promise<LibraryCheck | null>;
  /** Set once the library is found damaged: every call but restoring a backup answers with it. */
  damaged?: AppError | null;
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
