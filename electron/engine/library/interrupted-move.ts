// A move copies the whole library into the new folder before anything points at it. If the app
// is killed or the computer stops during the copy, that half-written copy (as private as the
// library, and as large) is in a folder nothing else records: a note in the app's own folder
// names it, so the next start can remove it.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import { PRIVATE_FILE } from '../../security/private-files';

const noteOf = (locationFile: string) => `${locationFile}.moving`;

/** Records that a copy is being written at `partial`. */
export function noteMoveStarted(locationFile: string, partial: string): void {
  rmSync(noteOf(locationFile), { force: true });
  writeFileSync(noteOf(locationFile), JSON.stringify({ partial }), {
    flag: 'wx',
    mode: PRIVATE_FILE,
  });
}

/** The move finished or failed and cleaned up after itself. */
export function noteMoveEnded(locationFile: string): void {
  rmSync(noteOf(locationFile), { force: true });
}

/** Removes the copy an interrupted move left behind; returns its path, or null when none. */
export function removeInterruptedMove(locationFile: string): string | null {
  const note = noteOf(locationFile);
  if (!existsSync(note)) return null;
  let partial: unknown;
  try {
    partial = (JSON.parse(readFileSync(note, 'utf8')) as { partial?: unknown }).partial;
  } catch {
    partial = null;
  }
  // Only ever a hidden .partial copy, never whatever else a damaged note might name.
  const removable =
    typeof partial === 'string' && isAbsolute(partial) && /^\..+\.partial$/.test(basename(partial))
      ? partial
      : null;
  if (removable) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) {
      rmSync(`${removable}${suffix}`, { force: true });
    }
  }
  rmSync(note, { force: true });
  return removable;
}
