// A second process on the library: opens it through the engine (so it holds a lease, as a door
// does), says which long job it is doing, and holds SQLite's write lock for a while, as a long
// transaction in another door would. Usage: hold-write-lock.ts DB MS DOOR JOB
import { openEngine } from '../../../electron/engine';

const [databasePath, ms, door, job] = process.argv.slice(2) as [string, string, string, string];
const engine = openEngine({ databasePath, door });
engine.context.lease?.setJob(job);
engine.db.exec('BEGIN IMMEDIATE');
engine.db.prepare("INSERT INTO clients (first_name, last_name) VALUES ('Held', 'Lock')").run();
process.stdout.write('holding\n');
// Synchronous, like a long transaction: the lock is held the whole time.
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
engine.db.exec('COMMIT');
engine.close();
process.stdout.write('released\n');
