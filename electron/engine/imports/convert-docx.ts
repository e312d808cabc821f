// Converts a checked .docx to HTML and plain text in a worker with a time and memory limit.
import { Worker } from 'node:worker_threads';
import { IMPORT_LIMITS } from './limits';

export interface Converted {
  html: string;
  text: string;
  warnings: string[];
}

export type Conversion = ({ ok: true } & Converted) | { ok: false; problem: string };

const WORKER = new URL('./convert-worker.mjs', import.meta.url);

export function convertDocx(
  bytes: Buffer,
  timeoutMs: number = IMPORT_LIMITS.timeoutMs,
): Promise<Conversion> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, {
      workerData: { bytes },
      resourceLimits: { maxOldGenerationSizeMb: IMPORT_LIMITS.workerHeapMb },
    });
    let settled = false;
    const settle = (result: Conversion) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        settle({
          ok: false,
          problem: `reading it took longer than ${timeoutMs / 1000} s, so it was stopped.`,
        }),
      timeoutMs,
    );
    worker.once(
      'message',
      (
        m:
          | { ok: true; html: string; text: string; warnings: string[] }
          | { ok: false; message: string },
      ) =>
        settle(
          m.ok
            ? { ok: true, html: m.html, text: m.text, warnings: m.warnings }
            : { ok: false, problem: `Word's contents could not be read (${m.message}).` },
        ),
    );
    worker.once('error', (error) =>
      settle({
        ok: false,
        problem: `reading it failed (${error.message}); it may be damaged or too large to open.`,
      }),
    );
    worker.once('exit', () => settle({ ok: false, problem: 'reading it stopped unexpectedly.' }));
  });
}
