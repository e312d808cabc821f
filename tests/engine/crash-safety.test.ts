// Crash safety: a process is killed (SIGKILL, no chance to clean up) at random moments of a long
// operation, many times over the same library. After every kill the file passes integrity_check,
// holds no half-imported document and no orphan rows, and the app starts and works.
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../electron/engine';
import { ARCHIVE_CLIENTS } from './crash/sizes';
import { cleanup, ok, tempDir } from './helpers';

afterEach(cleanup);

const WORKER = join(process.cwd(), 'tests/engine/crash/crash-worker.ts');
const FIXTURES = join(process.cwd(), '../shared/fixtures/word/clinical');

/** Seeded, so a failing run can be repeated: CRASH_SEED=<seed printed on failure>. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts the worker, waits until its loop runs, kills it `afterMs` later; resolves when dead. */
function runAndKill(operation: string, databasePath: string, afterMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WORKER, operation, databasePath, FIXTURES],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    let killed = false;
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      if (!killed && c.toString().includes('go')) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
    });
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(err);
      else reject(new Error(`${operation} worker exited by itself (${code}): ${err}`));
    });
  });
}

const count = (db: Database, sql: string) => db.prepare(sql).pluck().get() as number;

/** What must hold after any crash, whatever the operation. */
function checkLibrary(path: string) {
  const db = new BetterSqlite3(path);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // No half-imported document: each has its bytes, matching its size and checksum, its
    // preview, its search entry and its line in the case's history.
    const docs = db
      .prepare(
        `SELECT d.id, d.sha256, d.size_bytes, d.origin, d.html, c.bytes FROM documents d
         LEFT JOIN document_contents c ON c.document_id = d.id`,
      )
      .all() as {
      id: number;
      sha256: string;
      size_bytes: number;
      origin: string;
      html: string | null;
      bytes: Buffer | null;
    }[];
    for (const d of docs) {
      expect(d.bytes, `document ${d.id} has no bytes`).not.toBeNull();
      expect(d.bytes!.length).toBe(d.size_bytes);
      expect(createHash('sha256').update(d.bytes!).digest('hex')).toBe(d.sha256);
      // An imported Word file is stored with its preview in the same transaction.
      if (d.origin === 'imported') expect(d.html, `document ${d.id} has no preview`).not.toBeNull();
    }
    expect(
      count(
        db,
        'SELECT count(*) FROM document_contents WHERE document_id NOT IN (SELECT id FROM documents)',
      ),
    ).toBe(0);
    // The search index holds exactly what the records say: a row per case, as its text is now,
    // and one per client; none for anything deleted.
    expect(count(db, 'SELECT count(*) FROM case_search')).toBe(
      count(db, 'SELECT count(*) FROM cases'),
    );
    expect(
      count(
        db,
        `SELECT count(*) FROM case_search s JOIN case_search_source v ON v.case_id = s.rowid
         WHERE s.client IS NOT v.client OR s.kase IS NOT v.kase OR s.records IS NOT v.records
            OR s.documents IS NOT v.documents`,
      ),
      'index rows out of step with their case',
    ).toBe(0);
    expect(
      count(db, 'SELECT count(*) FROM client_search WHERE rowid NOT IN (SELECT id FROM clients)'),
    ).toBe(0);
    expect(count(db, 'SELECT count(*) FROM client_search')).toBe(
      count(db, 'SELECT count(*) FROM clients'),
    );
    // And a row per letter the app wrote, none for a letter deleted.
    expect(
      count(db, 'SELECT count(*) FROM letter_search WHERE rowid NOT IN (SELECT id FROM documents)'),
    ).toBe(0);
    expect(count(db, 'SELECT count(*) FROM letter_search')).toBe(
      count(db, "SELECT count(*) FROM documents WHERE origin = 'generated'"),
    );
    expect(
      count(
        db,
        `SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM case_history h
        WHERE h.table_name = 'documents' AND h.record_id = d.id AND h.action = 'create')`,
      ),
    ).toBe(0);
    return { documents: docs.length, clients: count(db, 'SELECT count(*) FROM clients') };
  } finally {
    db.close();
  }
}

/** The app starts on the library and works: reads, and a write that goes through. */
async function nextStartWorks(path: string) {
  const engine = openEngine({ databasePath: path });
  try {
    await ok(engine, 'cases.list', {});
    const client = await ok(engine, 'clients.create', { firstName: 'After', lastName: 'Crash' });
    await ok(engine, 'clients.delete', { id: client.id });
  } finally {
    engine.close();
  }
}

interface CrashCase {
  /** The crash-worker operation (tests/engine/crash/crash-worker.ts OPERATIONS). */
  operation: string;
  kills: number;
  /** Kills land uniformly within this many ms after the operation's loop starts. */
  windowMs: number;
  /** Checks particular to the operation, after the common ones. */
  check?: (path: string, round: number) => void;
}

const CASES: CrashCase[] = [
  { operation: 'batch-import', kills: 10, windowMs: 1500 },
  {
    operation: 'archive-import',
    kills: 5,
    windowMs: 1500,
    check: (path) => {
      // The next start removes what an interrupted import wrote: only whole archives remain.
      openEngine({ databasePath: path }).close();
      const db = new BetterSqlite3(path, { readonly: true });
      try {
        expect(count(db, 'SELECT count(*) FROM clients') % ARCHIVE_CLIENTS).toBe(0);
        expect(
          count(db, "SELECT count(*) FROM settings WHERE key = 'archive.import.pending'"),
        ).toBe(0);
      } finally {
        db.close();
      }
    },
  },
  {
    operation: 'restore',
    kills: 6,
    windowMs: 600,
    check: (path) => {
      // One whole library (the old or the restored one), and every backup left is itself sound.
      checkLibrary(path);
      const folder = join(path, '..', 'backups');
      for (const f of readdirSync(folder).filter((n) => n.endsWith('.sqlite'))) {
        const backup = new BetterSqlite3(join(folder, f), { readonly: true });
        expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
        backup.close();
      }
    },
  },
  {
    operation: 'letters',
    kills: 8,
    windowMs: 1500,
    check: (path) => {
      // Every generated document has its origin (template and data) and every origin its document.
      const db = new BetterSqlite3(path, { readonly: true });
      try {
        expect(
          count(
            db,
            `SELECT count(*) FROM documents d WHERE d.origin = 'generated'
             AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.document_id = d.id)`,
          ),
          'generated documents without their origin',
        ).toBe(0);
        expect(
          count(
            db,
            'SELECT count(*) FROM letters WHERE document_id NOT IN (SELECT id FROM documents)',
          ),
        ).toBe(0);
      } finally {
        db.close();
      }
    },
  },
];

describe('killed mid-operation', () => {
  for (const c of CASES) {
    it(`${c.operation}: ${c.kills} kills at random moments leave a sound library`, async () => {
      const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
      const next = random(seed);
      const path = join(tempDir(), 'case-library.sqlite');
      const stats: number[] = [];
      for (let round = 0; round < c.kills; round++) {
        const delay = Math.floor(next() * c.windowMs);
        try {
          await runAndKill(c.operation, path, delay);
          stats.push(checkLibrary(path).documents);
          c.check?.(path, round);
          expect(existsSync(path)).toBe(true);
          await nextStartWorks(path);
        } catch (error) {
          throw new Error(
            `round ${round} (seed ${seed}, kill after ${delay} ms): ${String(error)}`,
            {
              cause: error,
            },
          );
        }
      }
      // The kills did interrupt real work: documents kept arriving between them.
      if (c.operation !== 'restore') expect(stats.at(-1)).toBeGreaterThan(0);
    }, 90_000);
  }
});
