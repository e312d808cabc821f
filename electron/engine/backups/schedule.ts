// The daily backup: a check when the app starts and then every hour; used by the Electron main
// process and the browser host (the CLI runs too briefly to need it).
import type { BackupInfo } from '../../contract/safety';
import type { EngineContext } from '../context';
import { backupFolderOf, listBackups, removeStalePartials } from './files';
import { backupNow, recordBackupFailure } from './handlers';

export const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Whether no backup was taken yet on `now`'s calendar day (the computer's local time). */
export function dailyBackupDue(backups: readonly BackupInfo[], now: Date): boolean {
  const today = now.toDateString();
  return !backups.some(
    (b) => b.reason !== 'damaged' && new Date(b.takenAt).toDateString() === today,
  );
}

export interface BackupSchedule {
  /** Resolves when the check made at start has finished (tests wait on it). */
  readonly started: Promise<BackupInfo | null>;
  stop(): void;
}

/**
 * Takes today's backup if there is none yet, then checks again every hour. A failure (the chosen
 * drive unplugged) is reported through `onError` and retried at the next check.
 */
export function startBackupSchedule(
  ctx: EngineContext,
  onError: (error: unknown) => void = () => {},
  every = CHECK_EVERY_MS,
): BackupSchedule {
  let running = false;
  const check = async (): Promise<BackupInfo | null> => {
    if (running || !ctx.db.open) return null;
    running = true;
    try {
      const folder = backupFolderOf(ctx.db, ctx.databasePath);
      // A copy a crash or a kill left half-written holds as much as a backup: not kept.
      removeStalePartials(folder);
      if (!dailyBackupDue(listBackups(folder), new Date())) return null;
      return await backupNow(ctx, 'daily');
    } catch (error) {
      try {
        recordBackupFailure(ctx, error);
      } catch {
        // The library itself is busy or closing; the next check tries again.
      }
      onError(error);
      return null;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), every);
  timer.unref();
  return { started: check(), stop: () => clearInterval(timer) };
}
