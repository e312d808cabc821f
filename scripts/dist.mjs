// `npm run dist`: builds the app and its installers with electron-builder (this platform's, or
// every platform's with --all). electron-builder rebuilds better-sqlite3 in node_modules for
// Electron; Node's build is kept aside first and put back after, so `npm test` still loads it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBinding, nodeBindingKeep } from './sqlite-builds.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });

const targets = process.argv.includes('--all') ? ['--win', '--mac', '--linux'] : [];
const nodeBuild = nodeBinding(root);
const kept = nodeBindingKeep(root, process.versions.modules);
mkdirSync(dirname(kept), { recursive: true });
if (existsSync(nodeBuild)) copyFileSync(nodeBuild, kept);

let status = run(bin('electron-vite'), ['build']).status ?? 1;
try {
  if (status === 0)
    status = run(bin('electron-builder'), ['--publish', 'never', ...targets]).status ?? 1;
} finally {
  if (existsSync(kept)) copyFileSync(kept, nodeBuild);
}
if (status !== 0)
  console.error(
    'Building the installers failed. electron-builder downloads Electron and its packaging tools ' +
      'on first use: a machine without internet access cannot build them.',
  );
process.exit(status);
