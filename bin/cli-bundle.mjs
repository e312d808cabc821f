// The CLI as one JavaScript bundle, built from the TypeScript sources with esbuild the first time
// it runs and again whenever a source is newer. Starting from it takes a fraction of the time the
// TypeScript loader needs to compile the engine on every start, and it can never be out of date.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = join(root, 'electron');
const CACHE = join(root, 'node_modules', '.cache', 'advocate-cli');

/**
 * The newest change to any source the CLI is built from (this recipe included: a bundle built by
 * an older one may lack a worker), and how many there are.
 */
function sourceStamp(sources) {
  let newest = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  let count = 0;
  for (const entry of readdirSync(sources, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|mjs|json)$/.test(entry.name)) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    count += 1;
  }
  return `${Math.floor(newest).toString(36)}-${count.toString(36)}`;
}

/**
 * The URL of the bundle's entry module for the sources as they are now, building it if needed; null when
 * it cannot be built here (a read-only install), and the caller runs the sources directly.
 */
export async function cliBundle({ sources = SOURCES, cache = CACHE } = {}) {
  const stamp = sourceStamp(sources);
  const folder = join(cache, stamp);
  const entry = join(folder, 'main.mjs');
  try {
    statSync(entry);
    return pathToFileURL(entry).href;
  } catch {
    // Not built for these sources yet.
  }
  try {
    mkdirSync(cache, { recursive: true });
    const { build } = await import('esbuild');
    // Built aside and renamed into place, so a CLI started meanwhile never loads half a bundle.
    const building = join(cache, `.building-${randomBytes(6).toString('hex')}`);
    await build({
      entryPoints: {
        main: join(sources, 'cli', 'main.ts'),
        // The import and layout pools start their workers from these files, found beside the
        // bundle (as the packaged app's are: electron.vite.config.ts).
        'convert-worker': join(sources, 'engine', 'imports', 'convert-worker.mjs'),
        'docx-worker': join(sources, 'engine', 'letters', 'docx-task.ts'),
      },
      outdir: building,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    try {
      renameSync(building, folder);
    } catch {
      // Another CLI built the same sources first: use its bundle.
      rmSync(building, { recursive: true, force: true });
    }
    removeOldBundles(cache, stamp);
    return pathToFileURL(entry).href;
  } catch {
    return null;
  }
}

const DAY_MS = 86_400_000;

/** Bundles of older sources, once a day old: a long job started from one may still be running. */
function removeOldBundles(cache, current) {
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (name !== current && Date.now() - statSync(path).mtimeMs > DAY_MS) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}
