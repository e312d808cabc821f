// Checks a library file page by page (quick_check, or the full integrity_check) on a thread of
// its own, so the app goes on answering while a large file is read. Its own read-only connection
// sees one snapshot of the file. Plain JavaScript so that it loads the same way under Node, tsx
// and Electron.
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

/** @type {{ path: string, full: boolean, nativeBinding?: string }} */
const { path, full, nativeBinding } = workerData;

let db;
try {
  db = new BetterSqlite3(path, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  const rows = db.pragma(full ? 'integrity_check(100)' : 'quick_check(100)');
  const messages = rows.map((r) => String(Object.values(r)[0] ?? ''));
  const problems = messages.length === 1 && messages[0] === 'ok' ? [] : messages;
  parentPort.postMessage({ ok: true, problems });
} catch (error) {
  parentPort.postMessage({
    ok: false,
    code: String(error?.code ?? ''),
    message: String(error?.message ?? error),
  });
} finally {
  db?.close();
}
