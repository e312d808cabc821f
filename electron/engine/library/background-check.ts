// The page-by-page check of the open library, on a worker thread once the first screen is up:
// quick_check, or the full integrity_check once a week. What it found is shown (library.check);
// damage makes the engine refuse every call but the ones that restore a backup.
import type { LibraryCheck } from '../../contract/safety';
import { backupFolderOf, defaultBackupFolder, newestGoodBackupOffThread } from '../backups/files';
import type { EngineContext } from '../context';
import { retryWhileBusy } from '../db/busy';
import { checkpointAway } from '../db/checkpoint';
import { checkFileInWorker, writeDamageNote } from '../db/library-check';
import { DamagedLibraryError, fullCheckDue } from '../db/open';
import { SETTING, readSetting, writeSetting } from '../settings/queries';

export interface BackgroundCheck {
  status(): LibraryCheck;
  /** Settles when the check has finished (or was stopped); never rejects. */
  readonly done: Promise<LibraryCheck>;
  stop(): void;
}

/** Starts checking the library `ctx` has open; `onDamaged` hears of damage once, if found. */
export function startBackgroundCheck(
  ctx: EngineContext,
  onDamaged: (error: DamagedLibraryError) => void,
  now: Date = new Date(),
  every = 0,
): BackgroundCheck {
  const path = ctx.databasePath;
  const full = fullCheckDue(ctx.db, now);
  // A process that asks for checks at most every so often (the CLI: a day) skips one when a
  // check found the file sound that recently; the weekly full one is never skipped.
  const last = readSetting(ctx.db, SETTING.lastCheck);
  if (every > 0 && !full && last && now.getTime() - Date.parse(last) < every) {
    const skipped: LibraryCheck = {
      state: 'ok',
      kind: 'quick',
      startedAt: last,
      finishedAt: last,
      message: null,
      newestBackup: null,
    };
    return { status: () => skipped, done: Promise.resolve(skipped), stop: () => {} };
  }
  let status: LibraryCheck = {
    state: 'checking',
    kind: full ? 'full' : 'quick',
    startedAt: now.toISOString(),
    finishedAt: null,
    message: null,
    newestBackup: null,
  };
  const finished = (state: LibraryCheck['state'], extra: Partial<LibraryCheck> = {}) => {
    status = { ...status, state, finishedAt: new Date().toISOString(), ...extra };
    return status;
  };
  const folder = (() => {
    try {
      return backupFolderOf(ctx.db, path);
    } catch {
      return defaultBackupFolder(path);
    }
  })();

  const found = async (what: string) => {
    writeDamageNote(path, what);
    const newest = await newestGoodBackupOffThread(folder, ctx.schemaVersion, ctx.nativeBinding);
    const error = new DamagedLibraryError(path, newest, what);
    finished('damaged', { message: error.message, newestBackup: newest });
    onDamaged(error);
  };

  const check = checkFileInWorker(path, full, ctx.nativeBinding);
  const done = check.done
    .then(
      async (problems) => {
        if (problems.length) {
          await found(problems.slice(0, 3).join('; '));
          return status;
        }
        if (ctx.db.open) {
          try {
            await retryWhileBusy(() =>
              ctx.db
                .transaction(() => {
                  writeSetting(ctx.db, SETTING.lastCheck, now.toISOString());
                  if (full) writeSetting(ctx.db, SETTING.lastFullCheck, now.toISOString());
                })
                .immediate(),
            );
          } catch {
            // Busy or closing: the check simply runs again at the next start.
          }
        }
        // A delete made while the check was reading could not empty the WAL: do it now.
        if (ctx.db.open) checkpointAway(ctx.db);
        return finished('ok');
      },
      async (error: { code?: string; message?: string }) => {
        if (error.code === 'STOPPED') return finished('stopped');
        const code = error.code ?? '';
        if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
          await found(code);
        } else {
          finished('failed', { message: `The library could not be checked: ${error.message}` });
        }
        return status;
      },
    )
    .catch((error: unknown) =>
      finished('failed', { message: `The library could not be checked: ${String(error)}` }),
    );
  return { status: () => status, done, stop: check.stop };
}
