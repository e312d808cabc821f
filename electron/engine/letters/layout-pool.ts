// Worker threads that lay letters out as .docx for a batch (the CLI's hundreds of letters): the
// layout is most of a letter's time, and the main thread reads and composes the next letters
// meanwhile. Warm for a minute after the last letter; idle workers never keep the process alive.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { LayoutTask } from './docx-task';

const WORKER = fileURLToPath(new URL('./docx-worker.mjs', import.meta.url));

/** Two threads at most: the user's machine is theirs. */
const THREADS = Math.max(1, Math.min(2, availableParallelism()));

let pool: Piscina | null = null;

/** Lays one letter out on a worker thread. */
export async function layoutInPool(task: LayoutTask): Promise<Buffer> {
  pool ??= new Piscina({
    filename: WORKER,
    maxThreads: THREADS,
    minThreads: 0,
    execArgv: [],
    idleTimeout: 60_000,
  });
  const bytes = (await pool.run(task)) as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** How many letters can be laid out at once. */
export const LAYOUT_THREADS = THREADS;

/** Stops the workers (tests, and a process about to exit). */
export async function closeLayoutPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
