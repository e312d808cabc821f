// `npm run bench`: how fast the case library is, as figures beside their targets and beside raw
// SQLite/FTS5 (and raw docx.js, raw mammoth) doing the same work in the same run — the floor.
//
//   npm run bench                       2,000 cases, 300 letters (a minute or two)
//   npm run bench -- --full             100,000 cases / 300,000 documents, 1,000 letters
//   BENCH_CASES=20000 npm run bench     any size; BENCH_LETTERS, BENCH_API_CASES likewise
//   npm run bench -- --imports          also OCR of scanned pages (slow: LibreOffice makes them)
//   BENCH_IMPORT_ROUNDS=5               rounds of raw mammoth and the CLI importing Word files
//   BENCH_DB=/path/lib.sqlite           keep the library there and reuse it on the next run
//
// Figures, not pass/fail: the targets are what an advocate should never wait longer than.
import BetterSqlite3 from 'better-sqlite3';
import { Packer } from 'docx';
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openEngine } from '../electron/engine';
import type { Engine } from '../electron/engine';
import type { ApiArgs, ApiName } from '../electron/contract/api';
import { ftsSearches } from '../electron/engine/search/fts-query';
import { letterDocument } from '../electron/engine/letters/docx';
import { INSURERS, buildLibrary } from './library';
import { benchQueries } from './queries';
import { benchImports } from './imports';

const argv = process.argv.slice(2);
const FULL = argv.includes('--full');
const CASES = Number(process.env.BENCH_CASES ?? (FULL ? 100_000 : 2_000));
const API_CASES = Number(process.env.BENCH_API_CASES ?? Math.min(200, Math.ceil(CASES / 10)));
const LETTERS = Math.min(CASES, Number(process.env.BENCH_LETTERS ?? (FULL ? 1000 : 300)));
const TODAY = new Date().toISOString().slice(0, 10);

const keep = process.env.BENCH_DB;
const dir = keep ? dirname(keep) : mkdtempSync(join(tmpdir(), 'advocate-bench-'));
const dbPath = keep ?? join(dir, 'bench.sqlite');
mkdirSync(dir, { recursive: true });

const rows: string[][] = [];
const row = (what: string, engine: string, raw: string, target: string) => {
  rows.push([what, engine, raw, target]);
  // As it comes, too: a long run that fails later still says what it measured.
  console.log(`  ${what}: ${engine}${raw ? ` | floor: ${raw}` : ''} | target ${target}`);
};
const ms = (n: number) =>
  n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 0)} MB`;

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.at(-1)! };
}
const spread = (samples: number[]) => {
  const s = stats(samples);
  return `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)}`;
};

async function must<N extends ApiName>(engine: Engine, name: N, args: ApiArgs<N>) {
  const reply = await engine.call(name, args);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
  return reply.value;
}

async function timed(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

// ─── The library ────────────────────────────────────────────────────────────────────────────
const existing = existsSync(dbPath) && statSync(dbPath).size > 0;
let engine = openEngine({ databasePath: dbPath, appVersion: 'bench' });
let facts;
if (existing) {
  console.log(`Reusing ${dbPath}`);
  const names = engine.db
    .prepare('SELECT first_name, last_name FROM clients WHERE id % 7 = 0 LIMIT 20000')
    .raw()
    .all() as [string, string][];
  const memberIds = engine.db
    .prepare('SELECT member_id FROM cases WHERE id % 7 = 0 LIMIT 20000')
    .pluck()
    .all() as string[];
  facts = { names, memberIds, apiCases: 0, bulkCases: 0, apiMs: 0, bulkMs: 0 };
} else {
  console.log(`Building ${CASES.toLocaleString()} cases in ${dbPath} …`);
  let last = performance.now();
  facts = await buildLibrary(engine, CASES, API_CASES, TODAY, (done) => {
    if (performance.now() - last > 15_000) {
      last = performance.now();
      console.log(`  ${done.toLocaleString()} cases`);
    }
  });
  engine.db.pragma('wal_checkpoint(TRUNCATE)');
  console.log(
    `Built: ${facts.apiCases} cases through the API in ${ms(facts.apiMs)} (${ms(facts.apiMs / Math.max(1, facts.apiCases))} per case, every call its own transaction), ` +
      `${facts.bulkCases.toLocaleString()} in bulk in ${ms(facts.bulkMs)} (the engine's own INSERT statements and triggers, 250 cases per transaction, each case's search row written once per batch as an archive import does)`,
  );
}
const counts = engine.db
  .prepare(
    'SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM documents) AS documents',
  )
  .get() as { cases: number; documents: number };
const size = statSync(dbPath).size;
console.log(
  `Library: ${counts.cases.toLocaleString()} cases, ${counts.documents.toLocaleString()} documents, ${mb(size)}\n`,
);
const raw = new BetterSqlite3(dbPath, { readonly: true });
const hasCaseIndex =
  raw.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'case_search'").get() !== undefined;

// ─── Search ─────────────────────────────────────────────────────────────────────────────────
const queries = benchQueries(facts);
const summarySql = `
  SELECT k.id, k.client_id, cl.first_name || ' ' || cl.last_name AS client_name,
         k.requested_treatment, k.status, k.insurer_name, k.member_id, k.updated_at,
         (SELECT min(due_on) FROM deadlines d WHERE d.case_id = k.id AND d.completed_on IS NULL) AS next_due_on
  FROM cases k JOIN clients cl ON cl.id = k.client_id`;
// The floor: the same statements the engine runs for a search (the newest matching cases by
// their own row and by their letters, then those the words describe among them, then the page's
// rows), prepared once on a read-only connection, without the engine's call and its JavaScript.
const hasLetterIndex =
  raw.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'letter_search'").get() !== undefined;
const WINDOW = 1001;
const rawWindow = hasCaseIndex
  ? raw
      .prepare(
        `SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid DESC LIMIT ${WINDOW}`,
      )
      .pluck()
  : null;
const rawLetters = hasLetterIndex
  ? raw
      .prepare(
        `SELECT d.case_id FROM letter_search l JOIN documents d ON d.id = l.rowid
         WHERE letter_search MATCH ? ORDER BY l.rowid DESC LIMIT ${WINDOW}`,
      )
      .pluck()
  : null;
const rawRows = raw.prepare(`${summarySql} WHERE k.id IN (SELECT value FROM json_each(?))`);
const rawFind = (match: string): number[] => {
  const own = rawWindow!.all(match) as number[];
  const byLetters = (rawLetters?.all(match) ?? []) as number[];
  const all = byLetters.length
    ? [...new Set([...own, ...byLetters])].sort((a, b) => b - a).slice(0, WINDOW)
    : own;
  if (!all.length) return all;
  const first = rawWindow!.all(`{client kase records} : (${match})`) as number[];
  const seen = new Set(first);
  return [...first, ...all.filter((id) => !seen.has(id))].slice(0, all.length);
};
const rawSearch = (query: string) => {
  const searches = ftsSearches(query);
  if (!rawWindow || !searches) return [];
  let found = rawFind(searches.whole);
  if (found.length < WINDOW && searches.prefix) found = rawFind(searches.prefix);
  return rawRows.all(JSON.stringify(found.slice(0, 50)));
};
// Every opening checks the file page by page on a worker thread (see "its full check" below).
// On a library the disk has to bring in, searches in that first minute wait on its reads: they
// have a row of their own, and the rest are timed once it is done, as on any later minute.
const duringCheck: number[] = [];
for (const q of queries) {
  duringCheck.push(await timed(() => must(engine, 'search', { query: q.query })));
}
const openingCheck = await timed(() => engine.context.checked);
// Warm both the way a running app is warm.
for (const q of queries.slice(0, 20)) {
  await engine.call('search', { query: q.query });
  rawSearch(q.query);
}
const engineMs: Record<string, number[]> = {};
const rawMs: Record<string, number[]> = {};
// Each goes first every other query: on a library not yet in memory, the second to run a query
// reads pages the first brought in.
for (const [i, q] of queries.entries()) {
  const ours = async () =>
    (engineMs[q.kind] ??= []).push(await timed(() => must(engine, 'search', { query: q.query })));
  const theirs = async () => (rawMs[q.kind] ??= []).push(await timed(() => rawSearch(q.query)));
  if (i % 2 === 0) {
    await ours();
    await theirs();
  } else {
    await theirs();
    await ours();
  }
}
const all = (by: Record<string, number[]>) => Object.values(by).flat();
const floor = (samples: number[]) => (hasCaseIndex ? spread(samples) : 'no per-case index');
row(
  `search, all ${queries.length} queries`,
  spread(all(engineMs)),
  floor(all(rawMs)),
  'p95 < 20 ms, max < 100 ms',
);
for (const [kind, label] of [
  ['common words', 'search a common word ("prior authorization", "patient"…)'],
  ['name + drug', 'search a name + a drug ("Pollard Escitalopram")'],
  ['typing', 'search the first letters of a word ("Pol", "keta")'],
] as const) {
  row(label, spread(engineMs[kind]!), floor(rawMs[kind]!), '< 20 ms');
}
row(
  `  the same, while the opening check reads the file`,
  `${spread(duringCheck)}; the check ended ${ms(openingCheck)} after them`,
  '',
  '',
);
const pollard = await timed(() => must(engine, 'search', { query: 'Pollard Escitalopram' }));
row('  "Pollard Escitalopram" itself', ms(pollard), '', '< 20 ms');

// ─── The case list ──────────────────────────────────────────────────────────────────────────
const filtered: number[] = [];
for (const q of queries.filter((_, i) => i % 2 === 0)) {
  filtered.push(await timed(() => must(engine, 'cases.list', { query: q.query, limit: 50 })));
}
row('case list filtered by a query', spread(filtered), '', 'p95 < 50 ms');
const firstPage: number[] = [];
const rawFirst: number[] = [];
const rawPage = raw.prepare(`${summarySql} ORDER BY k.updated_at DESC, k.id DESC LIMIT 50`);
const rawCount = hasCaseIndex
  ? raw.prepare("SELECT sum(count) FROM list_counts WHERE list = 'cases'").pluck()
  : raw.prepare('SELECT count(*) FROM cases').pluck();
for (let i = 0; i < 50; i++) {
  firstPage.push(await timed(() => must(engine, 'cases.list', { limit: 50 })));
  rawFirst.push(await timed(() => [rawPage.all(), rawCount.get()]));
}
row('case list, first page (50 and the count)', spread(firstPage), spread(rawFirst), '< 30 ms');
const byStage: number[] = [];
for (const status of ['denied', 'internal-appeal-2', 'closed-won', 'intake'] as const) {
  for (let i = 0; i < 5; i++)
    byStage.push(await timed(() => must(engine, 'cases.list', { status, limit: 50 })));
}
row('case list by stage, first page', spread(byStage), '', '< 30 ms');
// Sorted by each column, filtered by an insurer and by what is due soon, a later page included:
// every order is read from an index (cases/list-sql.ts), none sorts the whole library.
const sorted: number[] = [];
for (const sort of ['client', 'stage', 'insurer', 'treatment', 'due', 'activity'] as const) {
  for (const offset of [0, 500]) {
    sorted.push(await timed(() => must(engine, 'cases.list', { sort, limit: 50, offset })));
    sorted.push(
      await timed(() =>
        must(engine, 'cases.list', {
          sort,
          insurer: INSURERS[0]!,
          dueWithinDays: 30,
          limit: 50,
          offset,
        }),
      ),
    );
  }
}
row('case list sorted and filtered (insurer, due)', spread(sorted), '', '< 50 ms');

// ─── The dashboard ──────────────────────────────────────────────────────────────────────────
// Shown again with nothing written meanwhile, and just after a change (a call logged), which
// is when the waiting cases have to be judged again.
const boards: number[] = [];
const changedBoards: number[] = [];
let answer = 0;
const logged = 1 + Math.floor(counts.cases / 2);
for (let i = 0; i < 10; i++) {
  await must(engine, 'communications.log', {
    caseId: logged,
    values: { occurredOn: TODAY, channel: 'phone', summary: 'Bench: checked on the request' },
  });
  changedBoards.push(await timed(() => must(engine, 'dashboard.get', {})));
  boards.push(
    await timed(async () => {
      answer = JSON.stringify(await must(engine, 'dashboard.get', {})).length;
    }),
  );
}
row(
  'dashboard',
  `${spread(boards)}; answer ${(answer / 1000).toFixed(1)} KB`,
  '',
  '< 50 ms, paged',
);
row('  dashboard just after a change', spread(changedBoards), '', '< 50 ms');

// ─── Opening the library ────────────────────────────────────────────────────────────────────
raw.close();
engine.close();
// A full check is due on the next open (as after a week), the harder case for opening.
{
  const db = new BetterSqlite3(dbPath);
  db.prepare("DELETE FROM settings WHERE key = 'integrity.lastFullCheck'").run();
  db.close();
}
let firstScreen = 0;
const opened = await timed(async () => {
  engine = openEngine({ databasePath: dbPath, appVersion: 'bench' });
  firstScreen = await timed(() => must(engine, 'cases.list', { limit: 50 }));
});
const rawOpen = await timed(() => {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  db.prepare(`${summarySql} ORDER BY k.updated_at DESC, k.id DESC LIMIT 50`).all();
  db.close();
});
const quickCheck = await timed(() => {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  db.pragma('quick_check');
  db.close();
});
const checking = engine.context.checked;
const background = checking ? await timed(() => checking) : null;
const outcome = engine.context.libraryCheck?.();
row(
  'opening the library: first screen',
  `${ms(opened)} (open ${ms(opened - firstScreen)} + first page ${ms(firstScreen)})`,
  `${ms(rawOpen)} open + page; quick_check alone ${ms(quickCheck)}`,
  'first screen < 1 s',
);
row(
  '  its full check',
  background === null || !outcome?.finishedAt
    ? 'before the first screen'
    : `${outcome.kind} check ${outcome.state} in ${ms(Date.parse(outcome.finishedAt) - Date.parse(outcome.startedAt))} on a worker thread, done ${ms(background)} after the first screen`,
  '',
  'in the background',
);
engine.close();

// ─── The browser host: answering after start, and its memory ───────────────────────────────
const host = await benchHost();
row('the host answering after start (backup)', host.lag, '', 'never blocked');
row('browser host memory after these', host.memory, '', '< 300 MB');

// ─── Letters ────────────────────────────────────────────────────────────────────────────────
engine = openEngine({ databasePath: dbPath, appVersion: 'bench' });
// Each opening checks the file page by page on a worker thread (timed above): letters are timed
// once it is done, as on any day after the first minute.
await engine.context.checked;
const insurer = await must(engine, 'contacts.create', {
  kind: 'insurer',
  name: 'Medical Director',
  organisation: 'Acme Health',
});
const one: number[] = [];
const rawDocx: number[] = [];
for (let i = 0; i < 40; i++) {
  const caseId = 1 + ((i * 97) % counts.cases);
  one.push(
    await timed(() =>
      must(engine, 'letters.generate', { caseId, kind: 'appeal', recipientId: insurer.id }),
    ),
  );
  const { model } = await must(engine, 'letters.preview', {
    caseId,
    kind: 'appeal',
    recipientId: insurer.id,
  });
  // docx.js itself: the same letter's document, laid out and zipped by docx.js's own Packer.
  rawDocx.push(await timed(() => Packer.toBuffer(letterDocument(model, { subject: model.title }))));
}
const oneStats = stats(one.slice(5));
const docxStats = stats(rawDocx.slice(5));
row(
  'one letter (letters.generate)',
  `${ms(oneStats.p50)} = ${(oneStats.p50 / docxStats.p50).toFixed(2)}× raw docx.js`,
  `${ms(docxStats.p50)} raw docx.js (the same letter)`,
  '≤ 1.2× raw docx.js',
);
engine.close();
const out = join(dir, 'letters-out');
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
const ids = Array.from({ length: LETTERS }, (_, i) => 1 + ((i * 13) % counts.cases));
// The command runs from a bundle built once after the sources change (bin/cli-bundle.mjs): built
// before the clock starts, as an installed command's is.
execFileSync(process.execPath, ['bin/advocate.js', '--version'], { stdio: 'ignore' });
const cli = await timed(() => {
  try {
    execFileSync(
      process.execPath,
      [
        'bin/advocate.js',
        '--db',
        dbPath,
        'letter',
        '--cases',
        [...new Set(ids)].join(','),
        '--kind',
        'appeal',
        '--out-dir',
        out,
      ],
      { stdio: 'ignore', timeout: 1_800_000 },
    );
  } catch {
    // Letters that failed are missing from the folder; the rate counts the ones written.
  }
});
const written = existsSync(out) ? readdirSync(out).length : 0;
row(
  `${written.toLocaleString()} letters from the CLI`,
  `${((written * 1000) / cli).toFixed(1)} letters/s (whole process)`,
  `${(1000 / docxStats.p50).toFixed(0)} letters/s raw docx.js, one thread`,
  '≥ 80 letters/s',
);

// Start-up: what a user waits before `advocate --help` prints, beside Node starting and exiting.
async function startRuns(args: string[]): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++)
    samples.push(await timed(() => execFileSync(process.execPath, args, { stdio: 'ignore' })));
  return stats(samples.slice(2)).p50;
}
const cliStart = await startRuns(['bin/advocate.js', '--help']);
const nodeStart = await startRuns(['-e', '0']);
row('CLI start-up (advocate --help)', ms(cliStart), `${ms(nodeStart)} node -e 0`, '< 0.5 s');

await benchImports(dir, row, { ocr: argv.includes('--imports') });

// ─── The table ──────────────────────────────────────────────────────────────────────────────
const header = ['what', 'Advocate Desk', 'raw SQLite / FTS5 / docx.js / mammoth (floor)', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(
  `\nAt ${counts.cases.toLocaleString()} cases / ${counts.documents.toLocaleString()} documents (${mb(size)}):\n`,
);
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
console.log(`\nThis process: ${mb(process.memoryUsage().rss)} resident at the end.`);

if (!keep) rmSync(dir, { recursive: true, force: true });
else rmSync(out, { recursive: true, force: true });

/**
 * Starts the browser host on the library with no backup taken today, asks it something every
 * 20 ms while its start-up backup runs, then sends it the searches and lists above and reads
 * its memory.
 */
async function benchHost(): Promise<{ lag: string; memory: string }> {
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>bench</title>');
  const backups = join(dir, 'backups');
  rmSync(backups, { recursive: true, force: true });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/host/run.ts', '--db', dbPath, '--renderer', renderer],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (b: Buffer) => {
      text += b.toString();
      const m = /running at (\S+)/.exec(text);
      if (m) resolve(m[1]!);
    });
    child.stderr.on('data', (b: Buffer) => process.stderr.write(b));
    child.once('exit', (code) => reject(new Error(`host exited ${code}`)));
  });
  const { origin, hash } = new URL(url);
  const token = hash.replace('#token=', '');
  let failures = 0;
  const api = async (name: string, args: unknown) => {
    try {
      const res = await fetch(`${origin}/api/call`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name, args }),
        signal: AbortSignal.timeout(120_000),
      });
      return (await res.json()) as { ok: boolean };
    } catch {
      // A host too busy to answer at all (the connection dropped or timed out) counts as such.
      failures += 1;
      return { ok: false };
    }
  };
  // Until the day's backup is in the folder (or 60 s), the longest any answer took.
  const started = performance.now();
  let worst = 0;
  let answers = 0;
  const done = () =>
    existsSync(backups) && readdirSync(backups).some((f) => f.endsWith('-daily.sqlite'));
  while (performance.now() - started < 60_000) {
    worst = Math.max(worst, await timed(() => api('library.revision', {})));
    answers += 1;
    if (done()) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const backupSeconds = (performance.now() - started) / 1000;
  for (const q of queries) await api('search', { query: q.query });
  for (const q of queries.slice(0, 50)) await api('cases.list', { query: q.query });
  for (let i = 0; i < 10; i++) await api('dashboard.get', {});
  for (let i = 0; i < 10; i++) await api('cases.list', { offset: i * 50, limit: 50 });
  const status = (await import('node:fs')).readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return {
    lag: `slowest answer ${ms(worst)} of ${answers} while the backup ran (${backupSeconds.toFixed(1)} s${done() ? '' : ', not finished'})${failures ? `; ${failures} calls got no answer` : ''}`,
    memory: `${mb(rss)} resident (peak ${mb(hwm)})`,
  };
}
