// Prepares a list of items a few at a time and writes what they came to in their own order, in
// batches: every write waits for the disk and rewrites a case's search row, so one write for many
// items costs little more than one for each. A prepared item waits a moment for the ones after it
// to join its write; memory stays bounded by how many items are prepared at once and how many
// bytes wait to be written.

export interface BatchLimits {
  /** Items being prepared at once. */
  concurrency: number;
  /** Most items in one write. */
  maxItems: number;
  /** Most bytes (as `sizeOf` counts them) waiting to be written; a write takes them once reached. */
  maxBytes: number;
  /** Longest a prepared item waits for the ones after it to join its write. */
  maxWaitMs: number;
}

/**
 * Runs `prepare` on the items 0…count-1 (at most `concurrency` at once) and `write` on what they
 * came to, in order and in batches; the results of every write, in order. A `prepare` that throws
 * stops the run there once the items before it are written.
 */
export async function inOrderedBatches<T, R>(
  count: number,
  prepare: (index: number) => Promise<T>,
  sizeOf: (prepared: T) => number,
  write: (batch: T[]) => Promise<R[]>,
  limits: BatchLimits,
): Promise<R[]> {
  const prepared: T[] = [];
  const failures = new Map<number, unknown>();
  const isDone = (index: number) => index in prepared || failures.has(index);
  let started = 0;
  let preparing = 0;
  let written = 0;
  let heldBytes = 0;

  // The writer sleeps here until a preparation ends.
  let wake: (() => void) | null = null;
  const preparationEnded = () => new Promise<void>((resolve) => (wake = resolve));

  const fill = () => {
    while (
      started < count &&
      preparing < limits.concurrency &&
      heldBytes < limits.maxBytes &&
      started - written < limits.maxItems + limits.concurrency
    ) {
      const index = started++;
      preparing += 1;
      prepare(index)
        .then(
          (value) => {
            prepared[index] = value;
            heldBytes += sizeOf(value);
          },
          (error: unknown) => failures.set(index, error),
        )
        .finally(() => {
          preparing -= 1;
          fill();
          const waiting = wake;
          wake = null;
          waiting?.();
        });
    }
  };

  const results: R[] = [];
  fill();
  while (written < count) {
    while (!isDone(written)) await preparationEnded();
    if (failures.has(written)) throw failures.get(written);
    const firstReady = Date.now();
    let end = written;
    let bytes = 0;
    for (;;) {
      while (
        end < count &&
        end - written < limits.maxItems &&
        bytes < limits.maxBytes &&
        end in prepared
      ) {
        bytes += sizeOf(prepared[end]!);
        end += 1;
      }
      const full =
        end === count ||
        end - written === limits.maxItems ||
        bytes >= limits.maxBytes ||
        failures.has(end);
      const left = limits.maxWaitMs - (Date.now() - firstReady);
      if (full || left <= 0) break;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        preparationEnded(),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, left))),
      ]);
      clearTimeout(timer);
    }
    const batch = prepared.slice(written, end);
    // Released before the write, so the next items prepare while it runs.
    for (let i = written; i < end; i++) delete prepared[i];
    written = end;
    heldBytes -= bytes;
    fill();
    results.push(...(await write(batch)));
  }
  return results;
}
