// Checking the library file without keeping anyone waiting. Before the first screen: a look at
// its structure (the schema parses, the small tables read first are whole), in milliseconds
// however large the file. After it: the page-by-page check (quick_check, or the full
// integrity_check once a week) on a worker thread, which takes seconds on a library of gigabytes
// and never holds up the thread that answers the app. A damaged file found either way is refused:
// every call but those that restore it answers with the damage, and a note beside the file makes
// the next start refuse it before showing anything.
import type { Database } from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const WORKER = fileURLToPath(new URL('./check-worker.mjs', import.meta.url));

/** Tables small enough to read whole before the first screen, and read by every start. */
const FIRST_READ = ['settings', 'profile', 'list_counts', 'letter_templates'];

/**
 * The problems a quick look finds: a schema that does not parse, or damage in the small tables
 * the app reads first. Throws SQLite's own error when the file is not a database at all.
 */
export function structuralProblems(db: Database): string[] {
  const tables = new Set(
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[],
  );
  const problems: string[] = [];
  for (const table of FIRST_READ.filter((t) => tables.has(t))) {
    const rows = db.pragma(`quick_check(${table})`) as Record<string, string>[];
    const messages = rows.map((r) => Object.values(r)[0] ?? '');
    if (!(messages.length === 1 && messages[0] === 'ok')) problems.push(...messages);
  }
  return problems;
}

/** A running page-by-page check of a file; `stop` ends it early (the library is closing). */
export interface FileCheck {
  readonly done: Promise<string[]>;
  stop(): void;
}

/** Checks `path` page by page on a worker thread: the problems found, none when it is sound. */
export function checkFileInWorker(path: string, full: boolean, nativeBinding?: string): FileCheck {
  return inWorker({ path, full, nativeBinding });
}

/**
 * Copies the library at `path` into the empty file `to` on a worker thread (VACUUM INTO, from one
 * snapshot): writing gigabytes, which the system may slow to a crawl, never holds up the app.
 */
export async function copyFileInWorker(path: string, to: string, nativeBinding?: string) {
  await inWorker({ path, copyTo: to, nativeBinding }).done;
}

function inWorker(task: {
  path: string;
  full?: boolean;
  copyTo?: string;
  nativeBinding?: string | undefined;
}): FileCheck {
  const worker = new Worker(WORKER, { workerData: task });
  let stopped = false;
  const done = new Promise<string[]>((resolve, reject) => {
    worker.once(
      'message',
      (m: { ok: boolean; problems?: string[]; code?: string; message?: string }) => {
        if (m.ok) resolve(m.problems ?? []);
        else reject(Object.assign(new Error(m.message), { code: m.code }));
      },
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (stopped) reject(Object.assign(new Error('The check was stopped.'), { code: 'STOPPED' }));
      else if (code !== 0) reject(new Error(`The check ended unexpectedly (exit ${code}).`));
    });
  });
  return {
    done,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}

/** The note left beside a library that a check found damaged. */
export const damageNotePath = (databasePath: string) => `${databasePath}.damaged`;

/** What the last check found wrong with the library, if it left a note. */
export function readDamageNote(databasePath: string): string | null {
  const note = damageNotePath(databasePath);
  if (!existsSync(note)) return null;
  try {
    return readFileSync(note, 'utf8').trim() || 'damage found by an earlier check';
  } catch {
    return 'damage found by an earlier check';
  }
}

export function writeDamageNote(databasePath: string, what: string): void {
  try {
    writeFileSync(damageNotePath(databasePath), `${what}\n`, { mode: 0o600 });
  } catch {
    // A read-only folder: the check at the next start finds the damage again.
  }
}

export function clearDamageNote(databasePath: string): void {
  rmSync(damageNotePath(databasePath), { force: true });
}
