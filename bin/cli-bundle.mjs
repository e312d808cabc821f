// The CLI as JavaScript bundles, built from the TypeScript sources with esbuild the first time it
// runs and again whenever a source is newer. Starting from them takes a fraction of the time the
// TypeScript loader needs to compile the engine on every start, and they can never be out of date.
// Each bundle is one CommonJS file holding its packages too (resolving and opening hundreds of
// module files was most of a start), run with V8's code cache (code-cache.mjs); every worker the
// engine starts is built beside the CLI's, where the engine looks for it.
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = join(root, 'electron');
const CACHE = join(root, 'node_modules', '.cache', 'advocate-cli');

/**
 * The newest change to any source the CLI is built from, and how many there are. The packages are
 * in the bundle too (installing others rewrites npm's lock files), and so is this recipe.
 */
function sourceStamp(sources) {
  let newest = 0;
  let count = 0;
  const recipe = [
    fileURLToPath(import.meta.url),
    join(root, 'bin', 'code-cache.mjs'),
    join(root, 'package-lock.json'),
    join(root, 'node_modules', '.package-lock.json'),
  ];
  for (const file of recipe) {
    if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
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
    const entryPoints = Object.fromEntries(
      Object.entries(ENTRIES)
        .map(([name, path]) => [name, join(sources, path)])
        .filter(([, path]) => existsSync(path)),
    );
    await build({
      entryPoints,
      outdir: building,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: EXTERNAL,
      // import() of a package left outside becomes require(), which loads ES modules too (Node
      // 20.19 and later): a script run from a code cache has no loader for import() of its own.
      supported: { 'dynamic-import': false },
      // The sources find their workers and resources from their own URL: the bundle's, here.
      define: { 'import.meta.url': '__bundleUrl' },
      banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
      logLevel: 'silent',
    });
    for (const name of Object.keys(entryPoints)) {
      writeFileSync(join(building, `${name}.mjs`), name === 'main' ? mainShim() : workerShim(name));
    }
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

/** What is bundled: the CLI, and the workers the engine starts from files beside it. */
const ENTRIES = {
  main: 'cli/main.ts',
  'convert-worker': 'engine/imports/convert-worker.mjs',
  'check-worker': 'engine/db/check-worker.mjs',
  // The source tree's docx-worker.mjs only loads docx-task.ts through tsx; bundled, it is that.
  'docx-worker': 'engine/letters/docx-task.ts',
};

/**
 * Packages left out of the bundles: a native addon, the worker pool (it starts its workers from
 * its own files), packages that load files of their own at run time, and the build tools.
 */
const EXTERNAL = [
  'better-sqlite3',
  'piscina',
  'pdfjs-dist',
  'tesseract.js',
  '@tesseract.js-data/eng',
  'esbuild',
  'tsx',
  'electron',
];

const CODE_CACHE = pathToFileURL(join(root, 'bin', 'code-cache.mjs')).href;

/**
 * The CLI's entry: its bundle, with a code cache for each command (`import`, `letter`…), saved
 * after the command ran so that it holds the functions that command needs.
 */
const mainShim = () => `import { runWithCodeCache } from ${JSON.stringify(CODE_CACHE)};
const command = process.argv.slice(2).find((arg) => /^[a-z][a-z-]{0,30}$/.test(arg)) ?? 'none';
const bundle = runWithCodeCache(new URL('./main.cjs', import.meta.url), \`main.\${command}\`);
export async function main(...args) {
  try {
    return await bundle.exports.main(...args);
  } finally {
    bundle.saveCache();
  }
}
`;

/**
 * A worker's entry: a pool's task function (the cache is saved after the first task that did
 * real work, not a warm-up, which answers null), or a script that runs as it loads.
 */
const workerShim = (name) => `import { runWithCodeCache } from ${JSON.stringify(CODE_CACHE)};
const bundle = runWithCodeCache(new URL('./${name}.cjs', import.meta.url), '${name}');
const task = bundle.exports.default;
if (typeof task !== 'function') bundle.saveCache();
const saveAfter = (result) => {
  if (result !== null && result !== undefined) bundle.saveCache();
  return result;
};
export default typeof task === 'function'
  ? (...args) => {
      const result = task(...args);
      return typeof result?.then === 'function' ? result.then(saveAfter) : saveAfter(result);
    }
  : task;
`;

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
