// Importing the real Word fixtures, side by side with raw mammoth in the same run: mammoth alone
// over the same files in a process of its own, the API call, and the whole `advocate import`
// process. The processes take turns, a few rounds, and the medians are compared: the machine's
// other work slows both alike. With `--imports`, reading scans by OCR too (raw tesseract.js, the
// import pool); slow, as LibreOffice makes the scans.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openEngine } from '../electron/engine';
import { closeConvertPool, convertInPool } from '../electron/engine/imports/convert-pool';

type Row = (what: string, engine: string, raw: string, target: string) => void;

/** Rounds of raw mammoth then the CLI; BENCH_IMPORT_ROUNDS to change. */
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 3);

/** Raw mammoth over `files` in a fresh Node process, the way the CLI is one. */
const RAW_MAMMOTH = `
import { readFileSync } from 'node:fs';
const { default: mammoth } = await import('mammoth');
for (const file of JSON.parse(process.env.FILES)) await mammoth.convertToHtml({ buffer: readFileSync(file) });
`;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Milliseconds `run` took, from start to exit. */
function wall(run: () => void): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

export async function benchImports(dir: string, row: Row, { ocr = false } = {}): Promise<void> {
  const path = join(dir, 'imports.sqlite');
  const engine = openEngine({ databasePath: path, appVersion: 'bench' });
  const must = async (name: 'clients.create' | 'cases.create', args: never) => {
    const reply = await engine.call(name, args);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value as { id: number };
  };
  const client = await must('clients.create', { firstName: 'Bench', lastName: 'Import' } as never);
  const newCase = () =>
    must('cases.create', { clientId: client.id, requestedTreatment: 'TMS' } as never);
  const fixtures = ['clinical', 'mammoth', 'python-docx'].flatMap((folder) => {
    const dirPath = join('..', 'shared', 'fixtures', 'word', folder);
    return existsSync(dirPath)
      ? readdirSync(dirPath)
          .filter((f) => f.endsWith('.docx'))
          .map((f) => join(dirPath, f))
      : [];
  });
  if (fixtures.length > 0) {
    const raw: number[] = [];
    const cli: number[] = [];
    // The CLI's bundle and code cache are made on its first run: made here, not timed.
    execFileSync(process.execPath, ['bin/advocate.js', '--version'], { stdio: 'ignore' });
    const timeRaw = () =>
      wall(() =>
        execFileSync(process.execPath, ['--input-type=module', '-e', RAW_MAMMOTH], {
          stdio: 'ignore',
          env: { ...process.env, FILES: JSON.stringify(fixtures) },
          timeout: 300_000,
        }),
      );
    const timeCli = async () => {
      const caseId = String((await newCase()).id);
      const args = ['bin/advocate.js', '--db', path, 'import', '--case', caseId, ...fixtures];
      let last = '';
      const ms = wall(() => {
        const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 300_000 });
        last = run.stdout.trim().split('\n').at(-1) ?? '';
      });
      if (!/^\d+ imported/.test(last)) throw new Error(`advocate import: ${last}`);
      return ms;
    };
    // Each round times both back to back, first one then the other, so that a change in the
    // machine's load falls on both alike; the ratio is the median of the rounds' ratios.
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        raw.push(timeRaw());
        cli.push(await timeCli());
      } else {
        cli.push(await timeCli());
        raw.push(timeRaw());
      }
    }
    const rawMs = median(raw);
    const ratio = median(cli.map((ms, i) => ms / raw[i]!));
    const secs = (values: number[]) => values.map((v) => (v / 1000).toFixed(2)).join(', ');
    const per = (ms: number) =>
      `${(ms / 1000).toFixed(2)} s for ${fixtures.length} files (${(ms / rawMs).toFixed(2)}× raw mammoth)`;
    row(
      'advocate import, Word files (whole CLI process)',
      `${ratio.toFixed(2)}× raw mammoth (median of ${ROUNDS} rounds); ${(median(cli) / 1000).toFixed(2)} s for ${fixtures.length} files (${secs(cli)} s)`,
      `${(rawMs / 1000).toFixed(2)} s raw mammoth, one process (${secs(raw)} s)`,
      '≤ 1.5× raw mammoth',
    );
    // The API call in this process, as the app makes it.
    const engineCase = await newCase();
    // How long the thread that answers the UI is ever kept busy while the files import.
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const t = performance.now();
    const reply = await engine.call('documents.import', { caseId: engineCase.id, paths: fixtures });
    lag.disable();
    const stored = reply.ok ? reply.value.imported.length : 0;
    row(
      'documents.import (the call the app makes)',
      `${per(performance.now() - t)}, ${stored} stored; main thread busy at most ${(lag.max / 1e6).toFixed(0)} ms`,
      '',
      '',
    );
  }

  if (!ocr) {
    engine.close();
    await closeConvertPool();
    return;
  }

  // OCR: pages of the clinical notes as 150 dpi grayscale scans (pdftoppm from LibreOffice's
  // PDF), read by raw tesseract.js in this process and then through the import pool, each after
  // one warm-up page (the recognizer's start is paid once per worker).
  const clinical = join('..', 'shared', 'fixtures', 'word', 'clinical');
  if (existsSync(clinical)) {
    const scans = join(dir, 'scans');
    const notes = readdirSync(clinical)
      .filter((f) => f.endsWith('.docx'))
      .map((f) => join(clinical, f));
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', scans, ...notes], {
      stdio: 'ignore',
      timeout: 240_000,
    });
    for (const pdf of readdirSync(scans).filter((f) => f.endsWith('.pdf'))) {
      execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', join(scans, pdf), join(scans, pdf)]);
    }
    const pages = readdirSync(scans)
      .filter((f) => f.endsWith('.png'))
      .map((f) => readFileSync(join(scans, f)));
    const { createWorker } = await import('tesseract.js');
    const eng = createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json');
    const langPath = join(dirname(eng), '4.0.0_best_int');
    const raw = await createWorker('eng', 1, { langPath, cacheMethod: 'none' });
    await raw.recognize(pages[0]!);
    const r = performance.now();
    for (const page of pages) await raw.recognize(page);
    const rawRate = pages.length / ((performance.now() - r) / 1000);
    await raw.terminate();
    await convertInPool('png', pages[0]!);
    const p = performance.now();
    const read = await Promise.all(pages.map((page) => convertInPool('png', page)));
    const poolRate = pages.length / ((performance.now() - p) / 1000);
    row(
      'OCR pages per second (150 dpi scans)',
      `${poolRate.toFixed(2)} through the import pool (${read.filter((x) => x.ok).length} of ${pages.length} read)`,
      `${rawRate.toFixed(2)} raw tesseract.js, one thread`,
      '',
    );
  }
  engine.close();
  await closeConvertPool();
}
