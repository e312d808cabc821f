// Reads a library file page by page on a thread of its own, so the app goes on answering while a
// file of gigabytes is read: checks it (quick_check, or the full integrity_check), or copies it
// (VACUUM INTO: one consistent snapshot, written compactly, deleted pages left behind). Its own
// read-only connection sees one snapshot of the file. Plain JavaScript so that it loads the same
// way under Node, tsx and Electron.
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

/** @type {{ path: string, full?: boolean, copyTo?: string, nativeBinding?: string }} */
const { path, full, copyTo, nativeBinding } = workerData;

let db;
try {
  db = new BetterSqlite3(path, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  if (copyTo) {
    db.prepare('VACUUM INTO ?').run(copyTo);
    parentPort.postMessage({ ok: true, problems: [] });
  } else {
    const rows = db.pragma(full ? 'integrity_check(100)' : 'quick_check(100)');
    const messages = rows.map((r) => String(Object.values(r)[0] ?? ''));
    const problems = messages.length === 1 && messages[0] === 'ok' ? [] : messages;
    parentPort.postMessage({ ok: true, problems });
  }
} catch (error) {
  parentPort.postMessage({
    ok: false,
    code: String(error?.code ?? ''),
    message: String(error?.message ?? error),
  });
} finally {
  db?.close();
}
