// `npm run dist`: builds the app and its installers with electron-builder (this platform's, or
// every platform's with --all). electron-builder rebuilds better-sqlite3 in node_modules for
// Electron; Node's build is kept aside first and put back after, so `npm test` still loads it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withNodeBuildKept } from './sqlite-builds.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });

const targets = process.argv.includes('--all') ? ['--win', '--mac', '--linux'] : [];
/** True when node_modules holds a better-sqlite3 this Node can load (not Electron's build). */
function nodeBuildLoads() {
  try {
    const Database = createRequire(join(root, 'package.json'))('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

const status = withNodeBuildKept(root, process.versions.modules, nodeBuildLoads, () => {
  const built = run(bin('electron-vite'), ['build']).status ?? 1;
  if (built !== 0) return built;
  return run(bin('electron-builder'), ['--publish', 'never', ...targets]).status ?? 1;
});
if (status !== 0)
  console.error(
    'Building the installers failed. electron-builder downloads Electron and its packaging tools ' +
      'on first use: a machine without internet access cannot build them.',
  );
process.exit(status);
