// The `advocate` command runs from a bundle of the current sources: built once, rebuilt after a
// change, and never in the way where it cannot be built (the command then runs the sources).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cliBundle } from '../../bin/cli-bundle.mjs';
import { cleanup, tempDir } from './helpers';

afterEach(cleanup);

const CODE_CACHE = join(process.cwd(), 'bin', 'code-cache.mjs');

/** A source tree shaped like electron/: the CLI's entry and the import worker. */
function sources(answer: number): string {
  const root = tempDir();
  mkdirSync(join(root, 'cli'), { recursive: true });
  mkdirSync(join(root, 'engine', 'imports'), { recursive: true });
  writeAnswer(root, answer);
  writeFileSync(join(root, 'engine', 'imports', 'convert-worker.mjs'), 'export default () => 1;\n');
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
  it('is built from the sources, with the import worker beside it', async () => {
    const root = sources(7);
    const entry = await cliBundle({ sources: root, cache: join(tempDir(), 'cache') });
    expect(entry).toMatch(/main\.mjs$/);
    expect(await run(entry)).toBe(7);
    const worker = (await import(entry!.replace(/main\.mjs$/, 'convert-worker.mjs'))) as {
      default: () => number;
    };
    expect(worker.default()).toBe(1);
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

describe('the code cache a bundle runs with', () => {
  it('is kept beside the bundle, read back, and ignored (then written again) when unusable', () => {
    const file = join(tempDir(), 'bundle.cjs');
    writeFileSync(file, 'exports.answer = (n) => n * 6;\n');
    const cache = join(file, '..', 'work.v8cache');
    // Each run in a process of its own, as the CLI runs: V8 reads a cache only for a script it has
    // not compiled yet.
    const answer = (n: number) =>
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { runWithCodeCache } from ${JSON.stringify(pathToFileURL(CODE_CACHE).href)};
           const bundle = runWithCodeCache(${JSON.stringify(pathToFileURL(file).href)}, 'work');
           process.stdout.write(String(bundle.exports.answer(${n})));
           bundle.saveCache();`,
        ],
        { encoding: 'utf8' },
      );
    expect(answer(7)).toBe('42');
    const made = readFileSync(cache);
    expect(answer(2)).toBe('12');
    expect(readFileSync(cache).equals(made)).toBe(true);
    // A cache from another Node version, or damaged: V8 refuses it and compiles as usual.
    writeFileSync(cache, 'not a code cache');
    expect(answer(1)).toBe('6');
    expect(readFileSync(cache, 'utf8')).not.toBe('not a code cache');
  });
});
