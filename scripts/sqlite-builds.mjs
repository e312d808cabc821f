// Where each better-sqlite3 build lives, so Node (tests, CLI, browser host) and Electron (the app)
// each load one built for their own ABI without rebuilding when you switch between them.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The build npm install makes, for Node: what tests, the CLI and the browser host load. */
export const nodeBinding = (root) =>
  join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/** A copy of better-sqlite3 built for one Electron version, kept beside (never over) Node's. */
export const electronSqliteDir = (root, electronVersion) =>
  join(root, '.cache', `electron-${electronVersion}`, 'better-sqlite3');

/** Its addon, passed to the app as ADVOCATE_DESK_SQLITE_BINDING by `npm start`. */
export const electronBinding = (root, electronVersion) =>
  join(electronSqliteDir(root, electronVersion), 'build', 'Release', 'better_sqlite3.node');

/** The folder npm install builds it in; node-gyp deletes it whole when it rebuilds. */
export const nodeBuildDir = (root) => join(root, 'node_modules', 'better-sqlite3', 'build');

/**
 * Where `npm run dist` keeps Node's build folder while electron-builder rebuilds node_modules for
 * Electron in place, to put it back afterwards. Keyed by Node's module ABI.
 */
export const nodeBuildKeep = (root, nodeAbi) =>
  join(root, '.cache', `node-abi-${nodeAbi}`, 'better-sqlite3-build');

/**
 * Runs `build` (electron-builder, whose node-gyp deletes and rebuilds Node's build folder for
 * Electron) and puts Node's build back afterwards, however `build` ends. The folder is kept
 * first only when `loadsInNode()` says it is Node's, so a bad copy never replaces a good one.
 */
export function withNodeBuildKept(root, nodeAbi, loadsInNode, build) {
  const dir = nodeBuildDir(root);
  const kept = nodeBuildKeep(root, nodeAbi);
  if (existsSync(nodeBinding(root)) && loadsInNode()) {
    rmSync(kept, { recursive: true, force: true });
    cpSync(dir, kept, { recursive: true });
  }
  try {
    return build();
  } finally {
    if (existsSync(kept)) {
      rmSync(dir, { recursive: true, force: true });
      cpSync(kept, dir, { recursive: true });
    }
  }
}
