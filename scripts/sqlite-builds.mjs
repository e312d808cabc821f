// Where each better-sqlite3 build lives, so Node (tests, CLI, browser host) and Electron (the app)
// each load one built for their own ABI without rebuilding when you switch between them.
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

/**
 * Where `npm run dist` keeps Node's addon while electron-builder rebuilds node_modules for
 * Electron in place, to put it back afterwards. Keyed by Node's module ABI.
 */
export const nodeBindingKeep = (root, nodeAbi) =>
  join(root, '.cache', `node-abi-${nodeAbi}`, 'better_sqlite3.node');
