// Starts the browser host from the command line: `npm run host -- [--db FILE] [--port N]`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openEngine } from '../engine';
import { defaultDatabasePath, defaultLocationFile } from '../engine/data-path';
import { startBackupSchedule } from '../engine/backups/schedule';
import { startHost } from './server';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '0' },
    renderer: { type: 'string', default: resolve(root, 'out/renderer') },
  },
});

const rendererDir = resolve(values.renderer);
if (!existsSync(resolve(rendererDir, 'index.html'))) {
  console.error(`No built app in ${rendererDir}: run "npm run build" first.`);
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  version: string;
};
const databasePath = resolve(values.db ?? defaultDatabasePath());
let engine: ReturnType<typeof openEngine>;
try {
  const locationFile = defaultLocationFile(values.db);
  engine = openEngine({
    databasePath,
    appVersion: version,
    door: 'browser',
    ...(locationFile ? { locationFile } : {}),
  });
} catch (error) {
  // A damaged library is never overwritten: say so, with the newest good backup to restore.
  console.error((error as Error).message);
  process.exit(1);
}
// Today's backup if there is none yet, then a check every hour.
const schedule = startBackupSchedule(engine.context, (error) =>
  console.error(`Backup failed: ${(error as Error).message}`),
);
const host = await startHost({ engine, rendererDir, port: Number(values.port) });

console.log(`Advocate Desk is running at ${host.url}`);
console.log(`Case library: ${databasePath}`);
console.log('Only this computer can reach it. Press Ctrl+C to stop.');

const stop = () => {
  schedule.stop();
  void host.close().then(() => {
    engine.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
