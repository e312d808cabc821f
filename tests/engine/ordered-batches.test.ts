// Files are prepared a few at a time and written in their order, several to a write, without
// ever holding more than the limits allow.
import { describe, expect, it } from 'vitest';
import { inOrderedBatches, type BatchLimits } from '../../electron/engine/imports/ordered-batches';

const LIMITS: BatchLimits = { concurrency: 3, maxItems: 4, maxBytes: 1000, maxWaitMs: 50 };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the batches over `count` items that take `msOf(i)` to prepare and weigh `size` each. */
async function run(
  count: number,
  msOf: (i: number) => number,
  limits: Partial<BatchLimits> = {},
  size = 10,
) {
  const writes: number[][] = [];
  let preparing = 0;
  let mostPreparing = 0;
  const results = await inOrderedBatches(
    count,
    async (i) => {
      preparing += 1;
      mostPreparing = Math.max(mostPreparing, preparing);
      await pause(msOf(i));
      preparing -= 1;
      return i;
    },
    () => size,
    async (batch) => {
      writes.push(batch);
      await pause(1);
      return batch.map((i) => `wrote ${i}`);
    },
    { ...LIMITS, ...limits },
  );
  return { results, writes, mostPreparing };
}

describe('preparing in parallel, writing in order and in batches', () => {
  it('writes every item once, in order, never preparing more than the limit at once', async () => {
    const { results, writes, mostPreparing } = await run(11, (i) => (i % 3) * 5);
    expect(results).toEqual(Array.from({ length: 11 }, (_, i) => `wrote ${i}`));
    expect(writes.flat()).toEqual(Array.from({ length: 11 }, (_, i) => i));
    expect(mostPreparing).toBe(3);
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThanOrEqual(4);
  });

  it('writes items that finish close together in one write', async () => {
    const { writes } = await run(8, () => 1, { concurrency: 8, maxItems: 8, maxWaitMs: 200 });
    expect(writes).toEqual([[0, 1, 2, 3, 4, 5, 6, 7]]);
  });

  it('does not keep a prepared item waiting longer than the limit for a slow one after it', async () => {
    const started = Date.now();
    const { writes } = await run(2, (i) => (i === 0 ? 0 : 400), { maxWaitMs: 30 });
    expect(writes).toEqual([[0], [1]]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('starts a write once the bytes waiting reach the limit', async () => {
    const { writes } = await run(6, () => 1, { concurrency: 6, maxItems: 6, maxWaitMs: 200 }, 400);
    expect(writes.every((w) => w.length <= 3)).toBe(true);
    expect(writes.flat()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('writes the items before one that fails, then fails with its error', async () => {
    const writes: number[][] = [];
    const failing = inOrderedBatches(
      5,
      async (i) => {
        await pause(i);
        if (i === 3) throw new Error('cannot read item 3');
        return i;
      },
      () => 1,
      async (batch) => {
        writes.push(batch);
        return batch;
      },
      LIMITS,
    );
    await expect(failing).rejects.toThrow('cannot read item 3');
    expect(writes.flat()).toEqual([0, 1, 2]);
  });
});
