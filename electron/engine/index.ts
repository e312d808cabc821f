// The engine: opens the case library and answers every API call. Plain Node; never imports electron.
import type { Database } from 'better-sqlite3';
import { apiArgs, isApiName } from '../contract/api';
import type { ApiArgs, ApiName, ApiResults } from '../contract/api';
import type { ApiReply } from '../contract/errors';
import { AppError } from '../contract/errors';
import { userInfo } from 'node:os';
import { appHandlers } from './app/handlers';
import { archiveHandlers } from './archive/handlers';
import { backupHandlers } from './backups/handlers';
import { historyHandlers } from './history/handlers';
import { caseHandlers } from './cases/handlers';
import { tagAndViewHandlers } from './cases/tags-and-views';
import { timelineHandlers } from './cases/timeline';
import { clientHandlers } from './clients/handlers';
import { contactHandlers } from './contacts/handlers';
import { criteriaHandlers } from './criteria/handlers';
import { authorizationHandlers } from './authorizations/handlers';
import type { EngineContext, Handlers } from './context';
import { checkpointAway } from './db/checkpoint';
import { DamagedLibraryError, damaged, openDatabase } from './db/open';
import { writeDamageNote } from './db/library-check';
import { startBackgroundCheck } from './library/background-check';
import type { BackgroundCheck } from './library/background-check';
import type { OpenDatabaseOptions } from './db/open';
import { migrations } from './db/migrations';
import { retryWhileBusy, useShortLockWait } from './db/busy';
import { guardLibrary } from './library/file-guard';
import { evidenceHandlers } from './evidence/handlers';
import { answerHandlers } from './letters/answers';
import { exchangeHandlers } from './exchange/handlers';
import { factHandlers } from './facts/handlers';
import { toApiError } from './errors/api-error';
import { documentDeleteHandlers } from './documents/delete';
import { documentFileHandlers } from './documents/handlers';
import { systemOpener, tidyOpenedCopies } from './documents/open-document';
import type { OpenFile } from './documents/open-document';
import { importHandlers } from './imports/handlers';
import { letterHandlers } from './letters/handlers';
import { packetHandlers } from './packets/handlers';
import { letterJourneyHandlers } from './letters/journey';
import { libraryHandlers } from './library/handlers';
import { removeInterruptedMove } from './library/interrupted-move';
import { revisionHandlers } from './library/revision';
import { letterheadHandlers } from './letters/letterhead';
import { profileHandlers } from './profile/handlers';
import { recordHandlers } from './records/handlers';
import { sampleHandlers } from './sample/handlers';
import { searchHandlers } from './search/handlers';
import { settingsHandlers } from './settings/handlers';
import { vocabularyHandlers } from './vocabulary/handlers';
import { workflowHandlers } from './workflow/handlers';

export interface EngineOptions extends Omit<OpenDatabaseOptions, 'auditActor'> {
  /**
   * Hears once when the background check finds the library damaged (every call but restoring a
   * backup is refused from then on): the app offers the newest good backup.
   */
  onDamaged?: (error: DamagedLibraryError) => void;
  /**
   * Skip the page-by-page check when one found the file sound less than this long ago (ms; the
   * CLI's many short runs). 0, the default: every open is checked.
   */
  checkEvery?: number;
  databasePath: string;
  appVersion?: string;
  /** How "Open in Word" opens a file: the system opener unless a door knows better. */
  openFile?: OpenFile;
  /** Prints a self-contained HTML page to PDF (the desktop app's printToPDF); others have none. */
  printPdf?: (html: string) => Promise<Buffer>;
  /** The door this engine serves ("app", "browser", "cli"), recorded in each case's history. */
  door?: string;
  /** Where to record that the advocate moved the library (see data-path.ts). */
  locationFile?: string;
  /** Create a new empty library even where one existed and is now missing (the user chose to). */
  createIfMissing?: boolean;
}

export interface Engine {
  /** Validates the arguments, runs the call in a transaction, and answers with a value or an error. */
  call<N extends ApiName>(name: N, args?: ApiArgs<N>): Promise<ApiReply<ApiResults[N]>>;
  /** Same, for a door that received the name from outside (IPC, HTTP, argv). */
  callUnchecked(name: unknown, args: unknown): Promise<ApiReply<unknown>>;
  readonly databasePath: string;
  /** The open database (a restore replaces it). */
  readonly db: Database;
  /** The context handlers see; the backup timer uses it. */
  readonly context: EngineContext;
  close(): void;
}

/** Long calls that open their own transactions around each write (see Handler). */
const SELF_TRANSACTED: ReadonlySet<ApiName> = new Set<ApiName>([
  'documents.import',
  'documents.importFile',
  'letters.generate',
  'letters.generateMany',
  'packets.generate',
  'documents.open',
  'letterhead.set',
  'library.move',
  'backups.create',
  'backups.preview',
  'backups.restore',
  'archive.import',
]);

/** Calls that only read: they run in a deferred transaction for a consistent snapshot. */
export const READS =
  /\.(get|list|info|export|proposeFacts|file|preview|history|saveOriginals|revision|review|check|denialDraft|choices|timeline|html)$|^search$/;

/** What a damaged library still answers: saying so, and restoring a backup over it. */
const WHEN_DAMAGED: ReadonlySet<ApiName> = new Set<ApiName>([
  'app.info',
  'library.revision',
  'library.check',
  'backups.list',
  'backups.preview',
  'backups.restore',
]);

const isCorrupt = (error: unknown) => {
  const code = (error as { code?: unknown })?.code;
  return (
    typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
  );
};

function mergeHandlers(parts: Partial<Handlers>[]): Handlers {
  const merged: Partial<Handlers> = {};
  for (const part of parts) {
    for (const name of Object.keys(part) as ApiName[]) {
      if (merged[name]) throw new Error(`Two handlers answer ${name}`);
      (merged as Record<string, unknown>)[name] = part[name];
    }
  }
  const missing = (Object.keys(apiArgs) as ApiName[]).filter((n) => !merged[n]);
  if (missing.length) throw new Error(`No handler for ${missing.join(', ')}`);
  return merged as Handlers;
}

/** Opens the database at `databasePath` (creating and migrating it) and returns the engine. */
export function openEngine(options: EngineOptions): Engine {
  // Who changed what, for each case's history: the computer's user, the door and the call.
  const who = `${safeUserName()} via ${options.door ?? 'engine'}`;
  let currentCall = '';
  // Where the library is: a move (library.move) points the engine at its new file.
  let databasePath = options.databasePath;
  const open = () =>
    openDatabase(databasePath, {
      check: 'background',
      ...options,
      auditActor: () => (currentCall ? `${who}: ${currentCall}` : who),
    });
  // Refuses a library gone missing, leases the file, and notices when it is replaced under us.
  const guard = guardLibrary(databasePath, {
    door: options.door ?? 'engine',
    latestSchema: migrations.length,
    ...(options.locationFile ? { locationFile: options.locationFile } : {}),
    ...(options.createIfMissing ? { createIfMissing: true } : {}),
  });
  const openGuarded = () => {
    const db = open();
    useShortLockWait(db);
    guard.opened();
    return db;
  };
  // The page-by-page check of the file, on a worker thread once it is open (db/library-check.ts).
  let check: BackgroundCheck | null = null;
  const markDamaged = (error: DamagedLibraryError) => {
    if (ctx.damaged) return;
    ctx.damaged = error;
    options.onDamaged?.(error);
  };
  const startCheck = () => {
    check?.stop();
    ctx.damaged = null;
    if (options.check === 'now' || ctx.databasePath === ':memory:') {
      check = null;
      ctx.checked = Promise.resolve(null);
      return;
    }
    check = startBackgroundCheck(
      ctx,
      markDamaged,
      options.now?.() ?? new Date(),
      options.checkEvery ?? 0,
    );
    ctx.checked = check.done;
  };
  let first;
  try {
    first = openGuarded();
  } catch (error) {
    guard.abandon();
    throw error;
  }
  let active = 0;
  if (options.locationFile) removeInterruptedMove(options.locationFile);
  tidyOpenedCopies('start');
  const ctx: EngineContext = {
    db: first,
    get lease() {
      return guard.lease;
    },
    databasePath: options.databasePath,
    appVersion: options.appVersion ?? '0.0.0',
    schemaVersion: migrations.length,
    openFile: options.openFile ?? systemOpener,
    ...(options.printPdf ? { printPdf: options.printPdf } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.locationFile ? { locationFile: options.locationFile } : {}),
    activeCalls: () => active,
    libraryCheck: () => check?.status() ?? null,
    // Synchronous from close to reopen, so no other call can run in between; a caller with
    // slow work around it (moving the library) refuses other calls through `busy`.
    replaceDatabase: (work, newPath) => {
      check?.stop();
      ctx.db.close();
      try {
        work();
        if (newPath) {
          databasePath = ctx.databasePath = newPath;
          guard.movedTo(newPath);
        }
      } finally {
        ctx.db = openGuarded();
        handlers = build();
        startCheck();
      }
    },
  };
  startCheck();
  const build = () =>
    mergeHandlers([
      appHandlers(ctx),
      profileHandlers(ctx),
      clientHandlers(ctx),
      caseHandlers(ctx),
      tagAndViewHandlers(ctx),
      timelineHandlers(ctx),
      recordHandlers(ctx),
      contactHandlers(ctx),
      searchHandlers(ctx),
      exchangeHandlers(ctx),
      evidenceHandlers(ctx),
      answerHandlers(ctx),
      importHandlers(ctx),
      // Keeping clients' data safe.
      backupHandlers(ctx),
      archiveHandlers(ctx),
      historyHandlers(ctx),
      documentFileHandlers(ctx),
      documentDeleteHandlers(ctx),
      letterHandlers(ctx),
      packetHandlers(ctx),
      letterJourneyHandlers(ctx),
      letterheadHandlers(ctx),
      workflowHandlers(ctx),
      // First run and daily use.
      settingsHandlers(ctx),
      vocabularyHandlers(ctx),
      sampleHandlers(ctx),
      // Facts become the right records, once.
      factHandlers(ctx),
      libraryHandlers(ctx),
      revisionHandlers(ctx),
      criteriaHandlers(ctx),
      authorizationHandlers(ctx),
    ]);
  let handlers = build();

  const run = async (name: unknown, rawArgs: unknown): Promise<ApiReply<unknown>> => {
    let counted = false;
    let calling: ApiName | undefined;
    try {
      if (!isApiName(name)) {
        throw new AppError(
          'unknown-call',
          `Advocate Desk has no call named ${JSON.stringify(name)}.`,
        );
      }
      if (ctx.busy) throw new AppError('busy', ctx.busy);
      if (ctx.damaged && !WHEN_DAMAGED.has(name)) throw ctx.damaged;
      active += 1;
      counted = true;
      const args = apiArgs[name].parse(rawArgs ?? undefined);
      guard.requireOwnFile();
      currentCall = calling = name;
      guard.calling(name, true);
      const reads = READS.test(name);
      let value: unknown;
      try {
        if (SELF_TRANSACTED.has(name)) {
          value = await (handlers[name] as (a: unknown) => unknown)(args);
        } else {
          // A busy library is waited for on timers; the transaction is whole or not at all.
          value = await retryWhileBusy(() => {
            const handler = handlers[name] as (a: unknown) => unknown;
            const tx = ctx.db.transaction(() => handler(args));
            return reads ? tx.deferred() : tx.immediate();
          });
          // A deleted record's words must not survive in the WAL either.
          if (name.endsWith('.delete')) checkpointAway(ctx.db);
        }
      } catch (error) {
        // SQLite met a damaged page: refused from now on, like damage the check finds.
        if (isCorrupt(error)) {
          writeDamageNote(ctx.databasePath, (error as { code: string }).code);
          markDamaged(damaged(undefined, ctx.databasePath, (error as { code: string }).code));
          throw ctx.damaged!;
        }
        throw guard.describeFailure(error, SELF_TRANSACTED.has(name));
      }
      // A write that landed in a file replaced meanwhile is lost: never acknowledge it.
      if (!reads) guard.requireOwnFile();
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    } finally {
      if (counted) active -= 1;
      if (calling) guard.calling(calling, false);
    }
  };

  return {
    call: (name, args) => run(name, args) as Promise<ApiReply<never>>,
    callUnchecked: run,
    get databasePath() {
      return ctx.databasePath;
    },
    get db() {
      return ctx.db;
    },
    context: ctx,
    close: () => {
      check?.stop();
      ctx.db.close();
      guard.release();
      tidyOpenedCopies('close');
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown user';
  }
}

export { toApiError };
