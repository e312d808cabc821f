// Who has the case library open: every process that opens it leaves a small lease file beside it
// (`<library>.leases/<pid>-<n>.json`), saying which door it is and what long job it is doing, and
// removes it when it closes. A restore or a move reads them to refuse while another live process
// would go on writing to the old file; a busy write reads them to say what holds the library.
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** One process's claim on a library, as written in its lease file. */
export interface LeaseRecord {
  pid: number;
  /** The door: "app", "browser", "cli" (or another name a door gives). */
  door: string;
  /** When the process started (ISO), to tell a reused pid from the one that wrote this. */
  processStartedAt: string;
  /** The kernel's own start stamp of the process where it has one (Linux), else null. */
  processStartTicks: string | null;
  openedAt: string;
  host: string;
  /** The long job running now ("importing an archive"), or null. */
  job: string | null;
}

export interface Lease {
  readonly file: string;
  readonly record: LeaseRecord;
  /** Says which long job runs now (null when none); other processes read it when they meet a lock. */
  setJob(job: string | null): void;
  /** Removes the lease file (at close). */
  release(): void;
}

/** The folder of a library's leases. */
export function leaseFolder(databasePath: string): string {
  return `${databasePath}.leases`;
}

/** The kernel's start time of `pid` in clock ticks since boot (Linux /proc), or null elsewhere. */
function processStartTicks(pid: number | 'self'): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

const ownStart = {
  at: new Date(Date.now() - Math.round(process.uptime() * 1000)).toISOString(),
  ticks: processStartTicks('self'),
};

/** Whether the process that wrote `record` still runs (a dead or reused pid does not). */
export function isAlive(record: LeaseRecord): boolean {
  if (record.pid === process.pid) return record.processStartedAt === ownStart.at;
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (record.processStartTicks === null) return true;
  const now = processStartTicks(record.pid);
  return now === null || now === record.processStartTicks;
}

const live = new Set<string>();
let seq = 0;
let exitHook = false;

function writeRecord(file: string, record: LeaseRecord): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, file);
}

/** Registers this process as holding the library at `databasePath` through `door`. */
export function takeLease(databasePath: string, door: string): Lease {
  const folder = leaseFolder(databasePath);
  seq += 1;
  const file = join(folder, `${process.pid}-${seq}.json`);
  const record: LeaseRecord = {
    pid: process.pid,
    door,
    processStartedAt: ownStart.at,
    processStartTicks: ownStart.ticks,
    openedAt: new Date().toISOString(),
    host: hostname(),
    job: null,
  };
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    chmodSync(folder, 0o700);
    writeRecord(file, record);
  } catch {
    // A full disk or a read-only folder: the library still opens (its own errors say why a
    // write fails); other processes just cannot see this one.
  }
  live.add(file);
  if (!exitHook) {
    exitHook = true;
    // A process that exits without closing (process.exit) still leaves no lease behind.
    process.once('exit', () => {
      for (const f of live) rmSync(f, { force: true });
    });
  }
  return {
    file,
    record,
    setJob(job) {
      if (record.job === job || !live.has(file)) return;
      record.job = job;
      try {
        writeRecord(file, record);
      } catch {
        // The job is a courtesy to other processes; the work itself must not fail for it.
      }
    },
    release() {
      live.delete(file);
      rmSync(file, { force: true });
      rmSync(`${file}.partial`, { force: true });
    },
  };
}

/**
 * The live leases on the library other than `own`, oldest first. Leases of processes that are
 * gone are deleted on the way. Leases written on another computer (a synced folder) are ignored:
 * their process cannot be checked from here, and SQLite cannot share a file across computers.
 */
export function otherHolders(databasePath: string, own?: Lease): LeaseRecord[] {
  const folder = leaseFolder(databasePath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: LeaseRecord[] = [];
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const file = join(folder, name);
    if (own && file === own.file) continue;
    let record: LeaseRecord;
    try {
      record = JSON.parse(readFileSync(file, 'utf8')) as LeaseRecord;
    } catch {
      continue; // Being written this instant, or not ours: neither blocks nor is deleted.
    }
    if (typeof record.pid !== 'number' || record.host !== hostname()) continue;
    if (!isAlive(record)) {
      rmSync(file, { force: true });
      continue;
    }
    found.push(record);
  }
  return found.sort((a, b) => a.openedAt.localeCompare(b.openedAt));
}

const DOORS: Record<string, string> = {
  app: 'the app',
  browser: 'the browser host',
  cli: 'the advocate command (CLI)',
  engine: 'another Advocate Desk process',
};

/** "the browser host", "the app" */
export function doorName(door: string): string {
  return DOORS[door] ?? door;
}

/** "the browser host (pid 4121)", "the advocate command (CLI) (pid 77), importing an archive" */
export function describeHolder(record: LeaseRecord): string {
  return `${doorName(record.door)} (pid ${record.pid})${record.job ? `, ${record.job}` : ''}`;
}
