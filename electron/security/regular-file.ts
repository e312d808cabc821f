// Opens a file a person named only when it is a plain file. A device (/dev/zero), a named pipe or
// a socket, named directly or through a symbolic link, would hang or flood whatever reads it.
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';

/** `code` is the system's error code when opening or reading failed (ENOENT...). */
export type Refused = { ok: false; problem: string; code?: string };
export type OpenedFile = { ok: true; fd: number; size: number } | Refused;

/** What a path that is not a plain file is, as words that follow "it is". */
function kindOf(stat: Stats): string | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return 'a folder, not a file';
  if (stat.isFIFO()) return 'a named pipe (FIFO), not a file';
  if (stat.isSocket()) return 'a socket, not a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device, not a file';
  return 'not a regular file';
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'unknown error';

/** The sentence for an error met while opening or reading `path`. */
export function readProblem(error: unknown): string {
  const code = errorCode(error);
  const why =
    code === 'ENOENT'
      ? 'no such file or folder'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENXIO'
          ? 'it is a socket or a device, not a file'
          : code;
  return `it cannot be read (${why}).`;
}

const notAFile = (kind: string) => `it is ${kind}; it was not opened.`;

/**
 * Opens `path` for reading when it is a plain file (a link to one is fine). The target is checked
 * before opening (opening some devices has effects), and the opened descriptor again (the path
 * may have changed in between); O_NONBLOCK keeps a named pipe from blocking the open itself.
 */
export function openRegularFile(path: string): OpenedFile {
  let fd: number | undefined;
  try {
    const kind = kindOf(statSync(path));
    if (kind) return { ok: false, problem: notAFile(kind) };
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    const opened = kindOf(stat);
    if (opened) {
      closeSync(fd);
      return { ok: false, problem: notAFile(opened) };
    }
    return { ok: true, fd, size: stat.size };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    return { ok: false, problem: readProblem(error), code: errorCode(error) };
  }
}

/** Whether `path` is a plain file, for readers (SQLite) that open the path themselves. */
export function checkRegularFile(path: string): { ok: true } | Refused {
  const opened = openRegularFile(path);
  if (!opened.ok) return opened;
  closeSync(opened.fd);
  return { ok: true };
}

/**
 * Reads a plain file of at most `maxBytes`; `tooLarge` words the refusal from the file's size.
 * The size is checked on the opened file, before a byte is read.
 */
export function readRegularFile(
  path: string,
  maxBytes: number,
  tooLarge: (size: number) => string,
): { ok: true; bytes: Buffer } | Refused {
  const opened = openRegularFile(path);
  if (!opened.ok) return opened;
  try {
    if (opened.size > maxBytes) return { ok: false, problem: tooLarge(opened.size) };
    return { ok: true, bytes: readFileSync(opened.fd) };
  } catch (error) {
    return { ok: false, problem: readProblem(error), code: errorCode(error) };
  } finally {
    closeSync(opened.fd);
  }
}
