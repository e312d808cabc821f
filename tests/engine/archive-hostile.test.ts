// Hostile and ambiguous archives: sizes that lie, entries that repeat or that nothing lists, and
// an import that fails part-way. Each is refused (or undone) with nothing half-written, in bounded
// memory, and the import never holds the write lock for the whole archive.
import BetterSqlite3 from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import { hostname } from 'node:os';
import {
  cleanup,
  clientWithCase,
  fails,
  ok,
  openTracked,
  rowCounts,
  tempDir,
  tempEngine,
} from './helpers';
import { measuredImport } from './hostile/run-measured';
import { lyingZip } from './hostile/zip-bombs';
import type { LyingEntry } from './hostile/zip-bombs';

afterEach(cleanup);

const CLINICAL = join(process.cwd(), '../shared/fixtures/word/clinical');
const MB = 1024 * 1024;

/** An archive of `clients` clients, each with a case and a Word file; its entries in order. */
async function archiveOf(
  clients: number,
  { documents = true } = {},
): Promise<{ file: string; entries: LyingEntry[] }> {
  const engine = tempEngine();
  for (let i = 0; i < clients; i++) {
    const { case: kase } = await clientWithCase(engine, { lastName: `Client${i}` });
    if (documents)
      await ok(engine, 'documents.import', {
        caseId: kase.id,
        paths: [join(CLINICAL, 'intake-form.docx')],
      });
  }
  const file = join(tempDir(), 'library.zip');
  await ok(engine, 'archive.export', { out: file });
  const entries = Object.entries(unzipSync(readFileSync(file))).map(([name, content]) => ({
    name,
    content,
  }));
  return { file, entries };
}

function writeZip(entries: LyingEntry[]): string {
  const file = join(tempDir(), 'hostile.zip');
  writeFileSync(file, lyingZip(entries));
  return file;
}

const pendingJournal = (engine: Engine) =>
  engine.db.prepare("SELECT value FROM settings WHERE key = 'archive.import.pending'").get();

describe('a hostile archive', () => {
  it('whose sizes lie is stopped while inflating, in bounded memory, and writes nothing', async () => {
    const { entries } = await archiveOf(1);
    // A client file that says 1 kB and holds 2 GB: a few MB on disk.
    const bomb = writeZip([
      ...entries,
      { name: 'clients/000009.json', content: 2048 * MB, declares: 1024 },
    ]);
    const dir = tempDir();
    const m = await measuredImport(
      'archive',
      join(dir, 'lib.sqlite'),
      bomb,
      join(CLINICAL, 'intake-form.docx'),
    );
    console.info(
      `archive bomb (2 GB in ${(readFileSync(bomb).length / MB).toFixed(1)} MB): RSS ${m.baseMb} → ${m.peakMb} MB (+${m.growthMb} MB), ${m.ms} ms`,
    );
    expect(m.reply.ok).toBe(false);
    const message = m.reply.ok ? '' : m.reply.error.message;
    expect(message).toMatch(
      new RegExp(
        `^${bomb} is not a usable Advocate Desk archive: clients/000009.json unpacks to more than the 1024 bytes it declares \\(a "zip bomb"\\)`,
      ),
    );
    expect(m.growthMb).toBeLessThan(300);
    // The library it was imported into is as it was: one client, its case and warm-up document.
    const db = new BetterSqlite3(join(dir, 'lib.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(1);
    db.close();
  }, 120_000);

  it('of many honest entries that together unpack to gigabytes is refused before inflating them', async () => {
    const { entries } = await archiveOf(1);
    // 100 entries of 15 MB of zeros each, sizes told truly: 1.5 GB from about 1.5 MB.
    const bomb = writeZip([
      ...entries,
      ...Array.from({ length: 100 }, (_, i) => ({
        name: `documents/${i.toString(16).padStart(64, 'a')}`,
        content: 15 * MB,
      })),
    ]);
    const dir = tempDir();
    const m = await measuredImport(
      'archive',
      join(dir, 'lib.sqlite'),
      bomb,
      join(CLINICAL, 'intake-form.docx'),
    );
    console.info(
      `archive bomb (1.5 GB in ${(readFileSync(bomb).length / MB).toFixed(1)} MB, honest sizes): RSS ${m.baseMb} → ${m.peakMb} MB (+${m.growthMb} MB), ${m.ms} ms`,
    );
    const message = m.reply.ok ? '' : m.reply.error.message;
    expect(message).toMatch(
      /it would unpack to more than 256 MB, far more than an archive of its size holds \(a "zip bomb"\)/,
    );
    expect(m.growthMb).toBeLessThan(300);
  }, 120_000);

  it('holding manifest.json twice is refused, not read as whichever copy comes last', async () => {
    const { entries } = await archiveOf(3);
    const manifest = JSON.parse(
      new TextDecoder().decode(
        entries.find((e) => e.name === 'manifest.json')!.content as Uint8Array,
      ),
    ) as { clients: string[] };
    const second = { ...manifest, clients: manifest.clients.slice(0, 1) };
    const file = writeZip([
      ...entries,
      { name: 'manifest.json', content: new TextEncoder().encode(JSON.stringify(second)) },
    ]);
    const engine = tempEngine();
    const before = rowCounts(engine);
    const error = await fails(engine, 'archive.import', { file });
    expect(error.message).toBe(
      `${file} is not a usable Advocate Desk archive: it holds manifest.json twice, so which copy is meant is ambiguous.`,
    );
    expect(rowCounts(engine)).toEqual(before);
  }, 60_000);

  it('with a client its manifest does not list, or a document nothing refers to, is refused', async () => {
    const { entries } = await archiveOf(2);
    const manifest = entries.find((e) => e.name === 'manifest.json')!;
    const listed = JSON.parse(new TextDecoder().decode(manifest.content as Uint8Array)) as {
      clients: string[];
    };
    const shorter = entries.map((e) =>
      e === manifest
        ? {
            name: e.name,
            content: new TextEncoder().encode(
              JSON.stringify({ ...listed, clients: listed.clients.slice(0, 1) }),
            ),
          }
        : e,
    );
    const engine = tempEngine();
    const before = rowCounts(engine);
    const unlisted = writeZip(shorter);
    expect((await fails(engine, 'archive.import', { file: unlisted })).message).toMatch(
      /clients\/\d{6}\.json is not in its manifest, so it would be left out\./,
    );
    const stray = writeZip([
      ...entries,
      { name: `documents/${'0'.repeat(64)}`, content: new TextEncoder().encode('stray') },
    ]);
    expect((await fails(engine, 'archive.import', { file: stray })).message).toMatch(
      /documents\/0{64} belongs to no record/,
    );
    expect(rowCounts(engine)).toEqual(before);
  }, 60_000);
});

describe('writing an archive', () => {
  it('that fails part-way removes everything it wrote (all or nothing)', async () => {
    const { file } = await archiveOf(3);
    const engine = tempEngine();
    await clientWithCase(engine, { lastName: 'AlreadyHere' });
    const before = rowCounts(engine);
    // The third client cannot be written (as a full disk would refuse it), after two were.
    engine.db.exec(`CREATE TEMP TRIGGER fail_third BEFORE INSERT ON main.clients
      WHEN NEW.last_name = 'Client2' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    const error = await fails(engine, 'archive.import', { file });
    expect(error.message).toMatch(/disk is full/);
    engine.db.exec('DROP TRIGGER fail_third');
    expect(rowCounts(engine)).toEqual(before);
    expect(pendingJournal(engine)).toBeUndefined();
    // And it imports whole once the problem is gone.
    await ok(engine, 'archive.import', { file });
    expect(rowCounts(engine).clients).toBe(before.clients! + 3);
  }, 60_000);

  it('lets other writers in between clients instead of holding the lock for the whole archive', async () => {
    const { file } = await archiveOf(300, { documents: false });
    const engine = tempEngine();
    // Another connection (as another process would) tries to write whenever the event loop
    // lets it, without waiting for the lock.
    const other = new BetterSqlite3(engine.db.name, { timeout: 0 });
    let wrote = 0;
    let refused = 0;
    let importing = true;
    const probe = () => {
      if (!importing) return;
      try {
        other.exec('BEGIN IMMEDIATE; COMMIT');
        wrote += 1;
      } catch {
        refused += 1;
      }
      setImmediate(probe);
    };
    setImmediate(probe);
    const done = await ok(engine, 'archive.import', { file });
    importing = false;
    other.close();
    expect(done.clientIds).toHaveLength(300);
    // The lock was free between the import's transactions, and never held when another asked.
    expect(wrote).toBeGreaterThanOrEqual(3);
    expect(refused).toBe(0);
  }, 60_000);

  it('is refused as busy while another import is still running, and writes nothing', async () => {
    const { file } = await archiveOf(1);
    const engine = tempEngine();
    const before = rowCounts(engine);
    const running = {
      importId: 'running',
      file: '/elsewhere/other.zip',
      pid: process.pid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      profile: false,
      contacts: [],
      templates: [],
      clients: [],
    };
    engine.db
      .prepare("INSERT INTO settings (key, value) VALUES ('archive.import.pending', ?)")
      .run(JSON.stringify(running));
    const error = await fails(engine, 'archive.import', { file });
    expect(error.code).toBe('busy');
    expect(error.message).toMatch(/Another archive import \(\/elsewhere\/other\.zip, started/);
    expect(rowCounts(engine)).toEqual(before);
  }, 60_000);

  it('after a crash part-way, the next start removes what the import had written', async () => {
    const { file } = await archiveOf(2);
    const engine = tempEngine();
    const path = engine.db.name;
    const before = rowCounts(engine);
    await ok(engine, 'archive.import', { file });
    // As a crash would leave it: the rows written and the journal naming them, from a process
    // that is gone.
    const ids = engine.db.prepare('SELECT id FROM clients ORDER BY id').pluck().all() as number[];
    const contacts = engine.db.prepare('SELECT id FROM contacts').pluck().all() as number[];
    engine.db.prepare("INSERT INTO settings (key, value) VALUES ('archive.import.pending', ?)").run(
      JSON.stringify({
        importId: 'crashed',
        file,
        pid: 2 ** 22 + 12345,
        host: hostname(),
        startedAt: new Date().toISOString(),
        profile: false,
        contacts,
        templates: [],
        clients: [[ids[0], ids.at(-1)]],
      }),
    );
    engine.close();
    const again = openTracked(path);
    expect(rowCounts(again)).toEqual(before);
    expect(pendingJournal(again)).toBeUndefined();
  }, 60_000);
});
