// One pool of import workers for the whole process (piscina): each file converts in a worker
// thread with a heap cap and a time limit; a worker that hangs or runs out of memory is thrown
// away and replaced, and the workers stay warm between files instead of starting one per file.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { conversionTimeMs, IMPORT_LIMITS } from './limits';

/**
 * What a reader in the worker makes of a file; `source` says whether its text is Word's, a PDF's
 * text layer, or OCR's (a scan, fax or picture of a page).
 */
export interface Converted {
  html: string;
  text: string;
  warnings: string[];
  source: 'word' | 'pdf' | 'ocr';
}

export type ConvertFormat = 'docx' | 'doc' | 'pdf' | 'png' | 'jpeg' | 'tiff';

/** Why a file could not be read; `code` lets the UI ask for a password. */
export interface ConversionProblem {
  ok: false;
  problem: string;
  code?: 'password-required' | 'wrong-password' | 'no-text';
}

export type Conversion = ({ ok: true } & Converted) | ConversionProblem;

const WORKER = fileURLToPath(new URL('./convert-worker.mjs', import.meta.url));

/** Two cores are plenty for a batch and leave the rest of the machine to the user. */
const THREADS = Math.max(1, Math.min(2, availableParallelism()));

/**
 * Word files convert in a few milliseconds each, and storing them keeps this thread (and V8's
 * own helper threads) as busy as the conversions: a core is left to them, so on two cores one
 * worker reads Word files, and a second would only take turns with the rest for the same cores.
 * Scans are read by OCR for seconds a page while this thread waits, and use every worker.
 */
const WORD_THREADS = Math.max(1, Math.min(THREADS, availableParallelism() - 1));

const isWord = (format: ConvertFormat) => format === 'docx' || format === 'doc';

export interface ConvertPool {
  /** Converts one checked file in a worker; never throws. */
  convert(
    format: ConvertFormat,
    bytes: Buffer,
    options?: { timeoutMs?: number; password?: string | undefined },
  ): Promise<Conversion>;
  /** Starts the workers now and has each load the readers for `formats`, ready for the files. */
  warm(formats: ConvertFormat[]): void;
  /** Stops the workers; the next conversion starts new ones. */
  close(): Promise<void>;
}

/** A pool of import workers, each with a heap of `heapMb`; the process shares one (below). */
export function createConvertPool({
  heapMb = IMPORT_LIMITS.workerHeapMb,
  threads = THREADS,
  wordThreads = Math.min(threads, WORD_THREADS),
}: { heapMb?: number; threads?: number; wordThreads?: number } = {}): ConvertPool {
  let pool: Piscina | null = null;

  // Tasks wait here for a free worker rather than in the pool's queue, so a file's time limit
  // runs from when a worker starts on it, never while it waits behind a slow one. At most
  // `threads` run at once, of them at most `wordThreads` Word files.
  const running = { all: 0, word: 0 };
  const waiting: { word: boolean; start: () => void }[] = [];
  const mayStart = (word: boolean) =>
    running.all < threads && (!word || running.word < wordThreads);
  const take = (word: boolean) => {
    running.all += 1;
    if (word) running.word += 1;
  };
  const freeWorker = async (word: boolean): Promise<() => void> => {
    if (mayStart(word)) take(word);
    else await new Promise<void>((start) => waiting.push({ word, start }));
    return () => {
      running.all -= 1;
      if (word) running.word -= 1;
      const next = waiting.findIndex((task) => mayStart(task.word));
      if (next >= 0) {
        const [task] = waiting.splice(next, 1);
        take(task!.word);
        task!.start();
      }
    };
  };

  const thePool = (minThreads = 0) =>
    (pool ??= new Piscina({
      filename: WORKER,
      maxThreads: threads,
      minThreads,
      // The workers are plain JavaScript: no TypeScript loader (tsx) to start in each of them.
      execArgv: [],
      // Warm for a minute after the last file; idle workers never keep the process alive.
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    }));

  return {
    async convert(format, bytes, { timeoutMs = conversionTimeMs(format), password } = {}) {
      const release = await freeWorker(isWord(format));
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        return (await thePool().run({ format, bytes, password }, { signal })) as Conversion;
      } catch (error) {
        if (signal.aborted) {
          return {
            ok: false,
            problem: `reading it took longer than ${timeoutMs / 1000} s, so it was stopped.`,
          };
        }
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
          return {
            ok: false,
            problem: `reading it needed more than ${heapMb} MB of memory, so it was stopped; it may be damaged or built to overload the app.`,
          };
        }
        return { ok: false, problem: 'reading it stopped unexpectedly; it may be damaged.' };
      } finally {
        release();
      }
    },
    warm(formats) {
      const workers = formats.every(isWord) ? wordThreads : threads;
      const started = thePool(workers);
      // One task a worker: each loads its readers while the caller is still getting ready.
      for (let i = 0; i < workers; i++) {
        started.run({ warm: formats }).catch(() => undefined);
      }
    },
    async close() {
      const closing = pool;
      pool = null;
      await closing?.destroy();
    },
  };
}

const shared = createConvertPool();

/** Converts one checked file in the process's pool; never throws. */
export function convertInPool(
  format: ConvertFormat,
  bytes: Buffer,
  options: { timeoutMs?: number; password?: string | undefined } = {},
): Promise<Conversion> {
  return shared.convert(format, bytes, options);
}

/** Starts the process's pool workers for `formats` ahead of a batch (the CLI's import). */
export function warmConvertPool(formats: ConvertFormat[]): void {
  shared.warm(formats);
}

/** Stops the process's pool workers (tests, and a process about to exit). */
export function closeConvertPool(): Promise<void> {
  return shared.close();
}
