// One library, one owner at a time: what refuses a restore or a move while another process has
// the library open, what a busy write says about who holds the lock, and how a door notices that
// its file was replaced or deleted under it.
import { statSync } from 'node:fs';
import { AppError } from '../../contract/errors';
import type { ApiName } from '../../contract/api';
import type { Lease } from './leases';
import { describeHolder, doorName, otherHolders } from './leases';

/** What each long call tells other processes it is doing, in their busy messages. */
export const LONG_JOBS: Partial<Record<ApiName, string>> = {
  'documents.import': 'importing documents',
  'documents.importFile': 'importing a document',
  // A batch; one letter is over in moments, and marking it would cost it two lease writes.
  'letters.generateMany': 'writing letters',
  'archive.import': 'importing an archive',
  'archive.export': 'exporting an archive',
  'backups.create': 'taking a backup',
  'backups.restore': 'restoring a backup',
  'library.move': 'moving the library',
};

/**
 * Refuses to replace (restore) or leave (move) the library at `databasePath` while another live
 * process holds it: that process would go on writing to a file nobody opens again.
 */
export function refuseWhileHeld(
  databasePath: string,
  own: Lease | undefined,
  action: 'restore' | 'move',
): void {
  const holders = otherHolders(databasePath, own);
  if (holders.length === 0) return;
  const where = holders.map(describeHolder).join(' and in ');
  const what = action === 'restore' ? 'restore' : 'move the library';
  // A command ends by itself; a window or the host has to be closed.
  const advice = holders.every((h) => h.door === 'cli')
    ? 'wait for it to finish, then try again'
    : `close it first, or ${what} from inside it`;
  throw new AppError(
    'library-in-use',
    `The case library is open in ${where}: ${advice}. Nothing was changed.`,
  );
}

/** The busy message for a write that met another process's lock, naming it when it can. */
export function busyMessage(databasePath: string, own: Lease | undefined): string {
  const holders = otherHolders(databasePath, own);
  const working = holders.find((h) => h.job) ?? holders[0];
  if (!working) {
    return 'The library is busy with another program; nothing was saved. Try again in a moment.';
  }
  const job = working.job ? ` ${working.job}` : '';
  return `The library is busy${job} in ${doorName(working.door)}; nothing was saved. Try again in a moment.`;
}

/** The file's identity on disk (device and inode), or null when it is gone. */
export function fileIdentity(path: string): string | null {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

export const REPLACED_MESSAGE =
  'The case library was replaced or removed by another program; nothing was saved. Restart Advocate Desk.';

/** Throws library-replaced unless the file at `path` is still the one opened as `opened`. */
export function requireSameFile(path: string, opened: string | null): void {
  if (opened === null) return;
  if (fileIdentity(path) !== opened) throw new AppError('library-replaced', REPLACED_MESSAGE);
}
