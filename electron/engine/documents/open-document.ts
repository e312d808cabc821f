// Opens a stored document in the app the computer uses for its type ("Open in Word"): the bytes
// are written to a fresh folder inside a private folder of our own under the system's temp
// folder, then handed to the opener. The temp folder is shared by every user of a Mac or Linux
// computer, so the private folder is checked, not trusted: ours, a real folder, 0700.
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRIVATE_FILE, PRIVATE_FOLDER, narrow } from '../../security/private-files';
import { pathInside, safeFileName } from '../../security/safe-file-name';
import type { OpenFile } from './system-opener';

export type { OpenFile } from './system-opener';
export { systemOpener } from './system-opener';

/** A copy is given this long for the opener to read it before closing the engine removes it. */
export const OPENER_GRACE_MS = 2 * 60_000;
/** Copies older than this are removed when any door starts or opens another document. */
export const COPY_LIFETIME_MS = 60 * 60_000;

const currentUid = () => (typeof process.getuid === 'function' ? process.getuid() : -1);

/**
 * The folder opened copies go in, made if missing. On macOS and Linux it is named for the user,
 * made 0700, and refused when it is a link, not a folder, or someone else's; on Windows the temp
 * folder is already the user's own.
 */
export function openCopiesFolder(base: string = tmpdir(), uid: number = currentUid()): string {
  if (process.platform === 'win32' || uid < 0) {
    const folder = join(base, 'advocate-desk-open');
    mkdirSync(folder, { recursive: true });
    return folder;
  }
  const folder = join(base, `advocate-desk-open-${uid}`);
  try {
    mkdirSync(folder, { mode: PRIVATE_FOLDER });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stat = lstatSync(folder);
  if (stat.isSymbolicLink() || !stat.isDirectory()) {
    throw new Error(`${folder} is not a folder (another program or user put something there)`);
  }
  if (stat.uid !== uid) throw new Error(`${folder} belongs to another user of this computer`);
  narrow(folder, PRIVATE_FOLDER);
  return folder;
}

/** When a copy's folder or the file in it last changed (saving changes into it counts). */
function lastChange(fresh: string): number {
  return Math.max(
    statSync(fresh).mtimeMs,
    ...readdirSync(fresh).map((n) => statSync(join(fresh, n)).mtimeMs),
  );
}

/** Removes the copies in `folder` last changed more than `olderThanMs` ago; their paths. */
export function removeOpenedCopies(
  olderThanMs: number,
  folder: string = openCopiesFolder(),
  now: number = Date.now(),
): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    const copy = join(folder, name);
    try {
      if (now - lastChange(copy) < olderThanMs) continue;
      rmSync(copy, { recursive: true, force: true });
      removed.push(copy);
    } catch {
      // Open in Word on Windows (locked), or removed by another door: the next pass tries again.
    }
  }
  return removed;
}

/** The fresh folders this process made: closing removes these, never another door's. */
const madeHere = new Set<string>();

/**
 * Tidies quietly (it must never stop the app starting or closing): at start every copy older
 * than `COPY_LIFETIME_MS`; at close this process's own copies once the opener has had time to
 * read them.
 */
export function tidyOpenedCopies(when: 'start' | 'close', now: number = Date.now()): void {
  if (when === 'start') {
    try {
      removeOpenedCopies(COPY_LIFETIME_MS, openCopiesFolder(), now);
    } catch {
      // The folder is not usable (someone else's): opening a document says so.
    }
    return;
  }
  for (const fresh of [...madeHere]) {
    try {
      if (!existsSync(fresh)) {
        madeHere.delete(fresh);
        continue;
      }
      if (now - lastChange(fresh) < OPENER_GRACE_MS) continue;
      rmSync(fresh, { recursive: true, force: true });
      madeHere.delete(fresh);
    } catch {
      // Open in Word on Windows (locked): the next start removes it.
    }
  }
}

/**
 * A new path for a copy: its own fresh folder (0700, a name no one can guess) holding the file
 * under the document's name, so Word shows that name. Only the name's last part is used.
 */
export function openCopyPath(documentId: number, fileName: string, folder = openCopiesFolder()) {
  const fresh = mkdtempSync(join(folder, `${documentId}-`));
  madeHere.add(fresh);
  return pathInside(fresh, safeFileName(fileName, 'document.docx'));
}

/** Writes `bytes` to a file that must not exist yet (never through a link), 0600. */
function writeNewFile(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx', PRIVATE_FILE);
  try {
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
  } finally {
    closeSync(fd);
  }
}

/** Writes the copy and opens it; resolves with the copy's path. */
export async function openDocumentCopy(
  documentId: number,
  fileName: string,
  bytes: Uint8Array,
  open: OpenFile,
): Promise<string> {
  const folder = openCopiesFolder();
  removeOpenedCopies(COPY_LIFETIME_MS, folder);
  const path = openCopyPath(documentId, fileName, folder);
  writeNewFile(path, bytes);
  await open(path);
  return path;
}
