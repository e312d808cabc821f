// Other processes on one library, for the tests of two doors at once: the real browser host in a
// child process, answering API calls over HTTP, and a child that holds the write lock.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiReply } from '../../electron/contract/errors';
import { tempDir } from './helpers';

const ROOT = process.cwd();

export interface Exited {
  code: number | null;
  out: string;
  err: string;
}

/** Resolves when `child` prints `text` (or rejects when it exits first). */
function waitFor(child: ChildProcess, text: string | RegExp, log: { out: string; err: string }) {
  return new Promise<RegExpMatchArray>((resolve, reject) => {
    const check = () => {
      const match = log.out.match(text);
      if (match) {
        child.stdout?.off('data', check);
        resolve(match);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) =>
      reject(new Error(`exited (${code}) before printing ${String(text)}: ${log.err}${log.out}`)),
    );
    check();
  });
}

const running = new Set<ChildProcess>();

/** Kills every child a test left running (use in afterEach). */
export function stopProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

function track(child: ChildProcess) {
  running.add(child);
  child.once('exit', () => running.delete(child));
  const log = { out: '', err: '' };
  child.stdout?.on('data', (c: Buffer) => (log.out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log.err += c.toString()));
  const exited = new Promise<Exited>((resolve) =>
    child.once('exit', (code) => resolve({ code, ...log })),
  );
  return { log, exited };
}

export interface HostProcess {
  pid: number;
  call(name: string, args?: unknown): Promise<ApiReply<unknown>>;
  /** Stops it as Ctrl+C would and resolves when it is gone. */
  stop(): Promise<Exited>;
}

/** A renderer folder with a placeholder page: the host refuses to start without one. */
function rendererFolder(): string {
  const dir = join(tempDir(), 'renderer');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Advocate Desk</title>');
  return dir;
}

function hostArgs(args: string[]) {
  return [
    '--import',
    'tsx',
    join(ROOT, 'electron/host/run.ts'),
    '--renderer',
    rendererFolder(),
    ...args,
  ];
}

/** Starts `npm run host` in a child process (with `args`, in `env`); resolves once it listens. */
export async function startHostProcess(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<HostProcess> {
  const child = spawn(process.execPath, hostArgs(args), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { log, exited } = track(child);
  const [, url] = await waitFor(child, /running at (\S+)/, log);
  const { origin, hash } = new URL(url!);
  const token = hash.replace('#token=', '');
  return {
    pid: child.pid!,
    call: async (name, callArgs) => {
      const res = await fetch(`${origin}/api/call`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, args: callArgs }),
      });
      return (await res.json()) as ApiReply<unknown>;
    },
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs the host where it cannot start, and resolves with what it said when it exited. */
export function hostThatExits(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Exited> {
  const child = spawn(process.execPath, hostArgs(args), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return track(child).exited;
}

export interface LockHolder {
  pid: number;
  /** Resolves when it has committed and exited. */
  done: Promise<Exited>;
}

/** A child process that opens the library as `door`, doing `job`, and holds its write lock `ms`. */
export async function holdWriteLock(
  databasePath: string,
  ms: number,
  door: string,
  job: string,
): Promise<LockHolder> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'tests/engine/workers/hold-write-lock.ts'),
      databasePath,
      String(ms),
      door,
      job,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const { log, exited } = track(child);
  await waitFor(child, 'holding', log);
  return { pid: child.pid!, done: exited };
}
