// Calls for backups: list them, take one now, choose their folder, preview one and restore it.
import { isAbsolute, join, resolve } from 'node:path';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../../contract/errors';
import type { BackupList } from '../../contract/safety';
import type { EngineContext, HandlerSet } from '../context';
import { SETTING, deleteSetting, readSetting, writeSetting } from '../settings/queries';
import {
  backupFolderOf,
  inspectBackupOffThread,
  listBackups,
  peekCounts,
  rotateBackups,
  takeBackup,
} from './files';
import { retryWhileBusy } from '../db/busy';
import { refuseWhileHeld } from '../library/ownership';
import { keepDamagedCopy, replaceLibraryFile } from './restore';

type BackupCalls =
  'backups.list' | 'backups.create' | 'backups.setFolder' | 'backups.preview' | 'backups.restore';

/** Takes a backup of the engine's library now and applies rotation; what a timer calls too. */
export async function backupNow(
  ctx: EngineContext,
  reason: 'daily' | 'manual' | 'pre-restore',
  rotate = true,
) {
  const folder = backupFolderOf(ctx.db, ctx.databasePath);
  const info = await takeBackup(ctx.db, {
    folder,
    reason,
    ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}),
  });
  if (rotate) rotateBackups(folder);
  await retryWhileBusy(() =>
    ctx.db.transaction(() => deleteSetting(ctx.db, SETTING.lastBackupFailure)).immediate(),
  );
  return info;
}

/** Remembers why an automatic backup failed, for the Backups page to say so. */
export function recordBackupFailure(ctx: EngineContext, error: unknown): void {
  if (!ctx.db.open) return;
  const failure = {
    at: new Date().toISOString(),
    message: error instanceof Error ? error.message : String(error),
  };
  ctx.db
    .transaction(() => writeSetting(ctx.db, SETTING.lastBackupFailure, JSON.stringify(failure)))
    .immediate();
}

export function backupHandlers(ctx: EngineContext): HandlerSet<BackupCalls> {
  const { db, databasePath, schemaVersion, nativeBinding } = ctx;
  const list = () => {
    const folder = backupFolderOf(db, databasePath);
    const backups = listBackups(folder).map((b) => ({
      ...b,
      counts: b.reason === 'damaged' ? null : peekCounts(b.file, nativeBinding),
    }));
    const failure = readSetting(db, SETTING.lastBackupFailure);
    const lastFailure = failure ? (JSON.parse(failure) as BackupList['lastFailure']) : null;
    return { folder, backups, lastFailure };
  };

  return {
    'backups.list': list,
    'backups.create': () => backupNow(ctx, 'manual'),
    'backups.setFolder': ({ folder }) => {
      if (!isAbsolute(folder)) {
        throw new AppError(
          'invalid-input',
          'Give the full path of the folder (for example /Users/you/Dropbox/Advocate backups).',
          'folder',
        );
      }
      const target = resolve(folder);
      try {
        mkdirSync(target, { recursive: true, mode: 0o700 });
        const probe = join(target, '.advocate-desk-write-test');
        writeFileSync(probe, '');
        rmSync(probe);
      } catch (error) {
        throw new AppError(
          'invalid-input',
          `Backups cannot be written to ${target} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose a folder you may write to, on a drive that is connected.`,
          'folder',
        );
      }
      writeSetting(db, SETTING.backupFolder, target);
      return list();
    },
    // The full check of a backup of gigabytes takes seconds: it runs on a worker thread.
    'backups.preview': ({ file }) =>
      inspectBackupOffThread(resolve(file), schemaVersion, nativeBinding),
    'backups.restore': async ({ file }) => {
      const source = resolve(file);
      // Another process with the library open would go on writing to the file replaced here.
      refuseWhileHeld(databasePath, ctx.lease, 'restore');
      const restored = await inspectBackupOffThread(source, schemaVersion, nativeBinding);
      if (!ctx.replaceDatabase) throw new Error('This engine cannot replace its database.');
      // The library as it is now, first: a restore can itself be undone. A damaged library
      // cannot be backed up through SQLite: its file is kept exactly as it is instead.
      // Rotation waits until the restore is done: it could otherwise delete the chosen backup.
      const previous = ctx.damaged
        ? keepDamagedCopy(databasePath, backupFolderOf(ctx.db, databasePath))
        : await backupNow(ctx, 'pre-restore', false);
      ctx.replaceDatabase(() => replaceLibraryFile(databasePath, source, nativeBinding));
      rotateBackups(backupFolderOf(ctx.db, databasePath));
      return { restored, previous };
    },
  };
}
