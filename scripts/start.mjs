// `npm start`: opens Advocate Desk in Electron where its runtime can be had, otherwise serves the
// same UI from the browser host on 127.0.0.1. `npm start -- --browser` always uses the browser.
import { spawnSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinding, electronSqliteDir } from './sqlite-builds.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args, options = {}) =>
  spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    ...options,
  });

/** Electron's binary, fetched by electron's own install script on first use. */
function ensureElectronRuntime() {
  const electronDir = dirname(require.resolve('electron/package.json'));
  if (existsSync(join(electronDir, 'path.txt'))) return { ok: true };
  console.log('Fetching the Electron runtime (first start only)…');
  const result = run(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'pipe',
    timeout: 300_000,
  });
  if (result.status === 0 && existsSync(join(electronDir, 'path.txt'))) return { ok: true };
  const reason =
    `${result.stderr ?? ''}`.split('\n').find((l) => /error|failed/i.test(l)) ?? 'download failed';
  return {
    ok: false,
    reason: `could not download it: ${reason.replace(/^\w*Error: /, '').trim()}`,
  };
}

/**
 * better-sqlite3 built for Electron's ABI, kept beside (not over) the Node build the tests use,
 * so switching between `npm start` and `npm test` never rebuilds anything.
 */
function ensureElectronSqlite() {
  const electronVersion = JSON.parse(
    readFileSync(require.resolve('electron/package.json'), 'utf8'),
  ).version;
  const dir = electronSqliteDir(root, electronVersion);
  const binding = electronBinding(root, electronVersion);
  if (existsSync(binding)) return { ok: true, binding };
  console.log(`Building the database driver for Electron ${electronVersion} (first start only)…`);
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), dir, { recursive: true });
  const env = { ...process.env };
  delete env.npm_config_nodedir; // that points node-gyp at Node's headers, not Electron's
  const gyp = process.env.npm_config_node_gyp ?? 'node-gyp';
  const result = run(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: dir, env, stdio: 'pipe' },
  );
  return result.status === 0 && existsSync(binding)
    ? { ok: true, binding }
    : { ok: false, reason: 'could not build the database driver for Electron' };
}

function startBrowserHost(reason) {
  if (reason)
    console.log(
      `Electron's runtime is not available here (${reason}); opening Advocate Desk in your browser instead.`,
    );
  const built = run(bin('electron-vite'), ['build']);
  if (built.status !== 0) process.exit(built.status ?? 1);
  const host = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'electron/host/run.ts'),
      ...process.argv.slice(2).filter((a) => a !== '--browser'),
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  host.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv.includes('--browser')) {
  startBrowserHost();
} else {
  const runtime = ensureElectronRuntime();
  const sqlite = runtime.ok ? ensureElectronSqlite() : runtime;
  if (!runtime.ok || !sqlite.ok) {
    startBrowserHost(runtime.ok ? sqlite.reason : runtime.reason);
  } else {
    const app = run(bin('electron-vite'), ['preview'], {
      env: { ...process.env, ADVOCATE_DESK_SQLITE_BINDING: sqlite.binding },
    });
    process.exit(app.status ?? 0);
  }
}
