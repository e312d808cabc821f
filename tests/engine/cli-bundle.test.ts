// The `advocate` command runs from a bundle of the current sources: built once, rebuilt after a
// change, and never in the way where it cannot be built (the command then runs the sources).
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliBundle } from '../../bin/cli-bundle.mjs';
import { cleanup, tempDir } from './helpers';

afterEach(cleanup);

/** A source tree shaped like electron/: the CLI's entry, the import and the layout workers. */
function sources(answer: number): string {
  const root = tempDir();
  mkdirSync(join(root, 'cli'), { recursive: true });
  mkdirSync(join(root, 'engine', 'imports'), { recursive: true });
  mkdirSync(join(root, 'engine', 'letters'), { recursive: true });
  writeAnswer(root, answer);
  writeFileSync(join(root, 'engine', 'imports', 'convert-worker.mjs'), 'export default () => 1;\n');
  writeFileSync(
    join(root, 'engine', 'letters', 'docx-task.ts'),
    'export default (n: number): number => n * 2;\n',
  );
  return root;
}

function writeAnswer(root: string, answer: number) {
  writeFileSync(
    join(root, 'cli', 'main.ts'),
    `export const main = (): Promise<number> => Promise.resolve(${answer} as number);\n`,
  );
}

const run = async (entry: string | null) =>
  ((await import(entry!)) as { main: () => Promise<number> }).main();

describe('the CLI bundle', () => {
  it('is built from the sources, with the import and layout workers beside it', async () => {
    const root = sources(7);
    const entry = await cliBundle({ sources: root, cache: join(tempDir(), 'cache') });
    expect(entry).toMatch(/main\.mjs$/);
    expect(await run(entry)).toBe(7);
    const worker = (await import(entry!.replace(/main\.mjs$/, 'convert-worker.mjs'))) as {
      default: () => number;
    };
    expect(worker.default()).toBe(1);
    const layout = (await import(entry!.replace(/main\.mjs$/, 'docx-worker.mjs'))) as {
      default: (n: number) => number;
    };
    expect(layout.default(4)).toBe(8);
  });

  it('is built again once a source changed, and reused while none did', async () => {
    const root = sources(1);
    const cache = join(tempDir(), 'cache');
    const first = await cliBundle({ sources: root, cache });
    expect(await cliBundle({ sources: root, cache })).toBe(first);
    writeAnswer(root, 2);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'cli', 'main.ts'), later, later);
    const second = await cliBundle({ sources: root, cache });
    expect(second).not.toBe(first);
    expect(await run(second)).toBe(2);
  });

  it('is skipped where it cannot be written, so the command runs the sources instead', async () => {
    // A cache folder that cannot be made (a file stands in its way), even for root.
    const blocked = join(tempDir(), 'not-a-folder');
    writeFileSync(blocked, '');
    expect(await cliBundle({ sources: sources(3), cache: join(blocked, 'cache') })).toBeNull();
  });
});
