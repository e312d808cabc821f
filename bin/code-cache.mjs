// Runs one of the CLI's CommonJS bundles with V8's code cache: the machine code V8 compiled for it
// on an earlier run is read back instead of parsing and compiling megabytes of JavaScript again.
// Node 20 keeps no such cache for modules by itself. A cache V8 rejects (another Node version) is
// ignored and written afresh; one that cannot be written (a read-only install) is simply not kept.
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/**
 * Runs the bundle `url` (a CommonJS file) as a module and returns its exports, with `saveCache`,
 * which keeps what V8 compiled so far (call it once the work has run, so the functions it
 * needed are in the cache) under `name` beside the bundle, unless a usable cache was read.
 */
export function runWithCodeCache(url, name) {
  const file = fileURLToPath(url);
  const cacheFile = `${dirname(file)}/${name}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // None yet: this run makes it.
  }
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), {
    filename: file,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  let saved = cachedData !== undefined && !script.cachedDataRejected;
  const saveCache = () => {
    if (saved) return;
    saved = true;
    // Written aside and renamed into place: another process never reads half a cache.
    const partial = `${cacheFile}.${randomBytes(6).toString('hex')}`;
    try {
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
    } catch {
      rmSync(partial, { force: true });
    }
  };
  return { exports: module.exports, saveCache };
}
