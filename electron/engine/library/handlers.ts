// Moving the case library to another folder (a synced or external drive): a checked copy is made
// with the online backup API while every other call waits, the app's own folder records where the
// library went, and the engine carries on with the new file. The old file is left where it was,
// untouched, for the advocate to delete once they have seen the new one work.
import { existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../contract/errors';
import { backupToFile, partialPathFor } from '../backups/files';
import type { EngineContext, HandlerSet } from '../context';
import { DATABASE_FILE, writeLibraryLocation } from '../data-path';
import { isDiskFull } from '../db/busy';
import { noteMoveEnded, noteMoveStarted } from './interrupted-move';
import { refuseWhileHeld } from './ownership';

export function libraryHandlers(ctx: EngineContext): HandlerSet<'library.move' | 'library.check'> {
  const openedAt = new Date().toISOString();
  return {
    // With no background check (the file was checked as it opened), what that check found.
    'library.check': () =>
      ctx.libraryCheck?.() ?? {
        state: 'ok',
        kind: 'quick',
        startedAt: openedAt,
        finishedAt: openedAt,
        message: null,
        newestBackup: null,
      },
    // Self-transacted: the copy is SQLite's online backup, with every other call refused meanwhile.
    'library.move': async ({ folder }) => {
      const { locationFile, replaceDatabase } = ctx;
      if (!locationFile || !replaceDatabase) {
        throw new AppError(
          'invalid-input',
          'This library was opened at a path given when the app started (ADVOCATE_DESK_DB or --db): change that path instead.',
        );
      }
      // A long call still running (an import, a batch of letters) would write to the old file.
      if ((ctx.activeCalls?.() ?? 1) > 1) {
        throw new AppError(
          'busy',
          'Other work is still running (an import or letters); move the library when it is done.',
        );
      }
      // Another process with the library open would go on writing to the file left behind.
      refuseWhileHeld(ctx.databasePath, ctx.lease, 'move');
      const dir = resolve(folder);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new AppError('invalid-input', `${dir} is not a folder on this computer.`, 'folder');
      }
      const previous = ctx.databasePath;
      const target = join(dir, DATABASE_FILE);
      if (resolve(target) === resolve(previous)) {
        throw new AppError('invalid-input', 'The library is already in that folder.', 'folder');
      }
      if (existsSync(target)) {
        throw new AppError(
          'conflict',
          `${dir} already holds a case library; it is never replaced. Choose an empty folder.`,
          'folder',
        );
      }
      ctx.busy = 'The case library is being moved; try again in a moment.';
      try {
        noteMoveStarted(locationFile, partialPathFor(target));
        try {
          await backupToFile(ctx.db, target, ctx.nativeBinding);
          writeLibraryLocation(locationFile, target);
        } catch (error) {
          // Nothing points at the copy yet: a full copy of the library is not left lying there.
          rmSync(target, { force: true });
          rmSync(`${locationFile}.partial`, { force: true });
          if (!isDiskFull(error)) throw error;
          throw new AppError(
            'disk-full',
            `The disk that holds ${locationFile} is full; the library was not moved. Free some space on it, then try again.`,
          );
        } finally {
          noteMoveEnded(locationFile);
        }
        replaceDatabase(() => undefined, target);
      } finally {
        ctx.busy = null;
      }
      return { databasePath: target, previous };
    },
  };
}
