// What an engine does to be one of several processes on a library safely: it refuses to open a
// library that is missing, holds a lease on the file while open (moved with the library), says
// which long job it runs, notices when its file is replaced under it, and turns SQLite's lock and
// full-disk failures into errors a person can act on.
import { rmdirSync } from 'node:fs';
import { AppError } from '../../contract/errors';
import type { ApiName } from '../../contract/api';
import { isBusy, isDiskFull } from '../db/busy';
import type { Lease } from './leases';
import { leaseFolder, takeLease } from './leases';
import { refuseMissingLibrary } from './missing';
import { LONG_JOBS, busyMessage, fileIdentity, requireSameFile } from './ownership';

export interface GuardOptions {
  door: string;
  latestSchema: number;
  locationFile?: string;
  /** Create a new empty library even where one existed and is now missing. */
  createIfMissing?: boolean;
}

export interface FileGuard {
  readonly lease: Lease | undefined;
  /** Records which file was just opened (after each open and reopen). */
  opened(): void;
  /** The library now lives at `path` (a move): the lease goes with it. */
  movedTo(path: string): void;
  /** Throws library-replaced when the file is no longer the one opened (and from then on). */
  requireOwnFile(): void;
  /** Marks the start or end of a call, so other processes can name a long one. */
  calling(name: ApiName, running: boolean): void;
  /** A lock or full-disk failure as an AppError; anything else unchanged. */
  describeFailure(error: unknown, long: boolean): unknown;
  /** Gives up the lease (at close). */
  release(): void;
  /** After a failed first open: gives up the lease and leaves no trace that reads as a lost library. */
  abandon(): void;
}

/** Starts guarding the library at `databasePath`, before it is opened. */
export function guardLibrary(databasePath: string, options: GuardOptions): FileGuard {
  let path = databasePath;
  const onDisk = path !== ':memory:';
  if (onDisk && !options.createIfMissing) {
    refuseMissingLibrary(path, options.latestSchema, options.locationFile);
  }
  let lease = onDisk ? takeLease(path, options.door) : undefined;
  let identity: string | null = null;
  let replaced: AppError | null = null;
  const jobs: string[] = [];

  return {
    get lease() {
      return lease;
    },
    opened() {
      identity = onDisk ? fileIdentity(path) : null;
    },
    movedTo(newPath) {
      lease?.release();
      path = newPath;
      lease = takeLease(path, options.door);
    },
    requireOwnFile() {
      if (replaced) throw replaced;
      try {
        requireSameFile(path, identity);
      } catch (error) {
        replaced = error as AppError;
        throw error;
      }
    },
    calling(name, running) {
      const job = LONG_JOBS[name];
      if (!job) return;
      if (running) jobs.push(job);
      else jobs.splice(jobs.indexOf(job), 1);
      lease?.setJob(jobs.at(-1) ?? null);
    },
    describeFailure(error, long) {
      if (isBusy(error)) return new AppError('busy', busyMessage(path, lease));
      if (!isDiskFull(error)) return error;
      const what = long ? 'what was not finished was not saved' : 'nothing was saved';
      return new AppError(
        'disk-full',
        `The disk that holds the library (${path}) is full; ${what}. Free some space on it, then try again.`,
      );
    },
    release() {
      lease?.release();
    },
    abandon() {
      lease?.release();
      if (onDisk && fileIdentity(path) === null) {
        try {
          rmdirSync(leaseFolder(path));
        } catch {
          // Other processes' leases are still in it, or it was never made.
        }
      }
    },
  };
}
