// Opens a stored document in the app the computer uses for its type ("Open in Word"): the bytes
// are written to a folder of our own under the system's temp folder, then handed to the opener.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathInside, safeFileName } from '../../security/safe-file-name';

/** Opens a file with the system's default app; the Electron shell passes shell.openPath. */
export type OpenFile = (path: string) => Promise<void>;

/** The system's own opener: `open` on macOS, `start` on Windows, `xdg-open` elsewhere. */
export const systemOpener: OpenFile = (path) => {
  const custom = process.env.ADVOCATE_DESK_OPENER;
  const [command, args] = custom
    ? [custom, [path]]
    : process.platform === 'darwin'
      ? ['open', [path]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', path]]
        : ['xdg-open', [path]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', (error) => reject(new Error(`no app to open it with (${error.message})`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
};

/** Where opened copies go. The name comes from the document, so only its last part is used. */
export function openCopyPath(documentId: number, fileName: string): string {
  const folder = join(tmpdir(), 'advocate-desk-open');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  return pathInside(folder, `${documentId}-${safeFileName(fileName, 'document.docx')}`);
}

/** Writes the copy and opens it; resolves with the copy's path. */
export async function openDocumentCopy(
  documentId: number,
  fileName: string,
  bytes: Uint8Array,
  open: OpenFile,
): Promise<string> {
  const path = openCopyPath(documentId, fileName);
  writeFileSync(path, bytes, { mode: 0o600 });
  await open(path);
  return path;
}
