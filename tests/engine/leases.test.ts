// Leases: every engine on a library file registers itself beside it (only the user can read the
// file), removes itself at close, and a lease left by a process that is gone never blocks.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { leaseFolder } from '../../electron/engine/library/leases';
import type { LeaseRecord } from '../../electron/engine/library/leases';
import { cleanup, clientWithCase, fails, ok, openTracked, tempDir } from './helpers';

afterEach(cleanup);

const leasesOf = (databasePath: string) =>
  readdirSync(leaseFolder(databasePath)).filter((n) => n.endsWith('.json'));

/** A pid no process has any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

function foreignLease(databasePath: string, overrides: Partial<LeaseRecord>): string {
  const file = join(leaseFolder(databasePath), `${overrides.pid}-1.json`);
  const record: LeaseRecord = {
    pid: 1,
    door: 'browser',
    processStartedAt: new Date(0).toISOString(),
    processStartTicks: null,
    openedAt: new Date().toISOString(),
    host: hostname(),
    job: null,
    ...overrides,
  };
  writeFileSync(file, JSON.stringify(record), { mode: 0o600 });
  return file;
}

describe('leases', () => {
  it('are written beside the library for the user alone, and removed at close', async () => {
    const path = join(tempDir(), 'case-library.sqlite');
    const engine = openTracked(path);
    const [name] = leasesOf(path);
    expect(name).toBe(`${process.pid}-${name!.split('-')[1]}`);
    const file = join(leaseFolder(path), name!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(leaseFolder(path)).mode & 0o777).toBe(0o700);
    const record = JSON.parse(readFileSync(file, 'utf8')) as LeaseRecord;
    expect(record).toMatchObject({ pid: process.pid, door: 'engine', job: null });
    expect(Date.parse(record.processStartedAt)).toBeLessThanOrEqual(Date.now());
    await ok(engine, 'cases.list', {});
    engine.close();
    expect(existsSync(file)).toBe(false);
  });

  it('say which long job runs now, for other processes to name when they meet a lock', async () => {
    const path = join(tempDir(), 'case-library.sqlite');
    const engine = openTracked(path);
    const { case: kase } = await clientWithCase(engine);
    const file = join(leaseFolder(path), leasesOf(path)[0]!);
    const job = () => (JSON.parse(readFileSync(file, 'utf8')) as LeaseRecord).job;
    const folder = join(process.cwd(), '../shared/fixtures/word/clinical');
    const running = engine.call('documents.import', { caseId: kase.id, paths: [folder] });
    expect(job()).toBe('importing documents');
    expect((await running).ok).toBe(true);
    expect(job()).toBeNull();
  });

  it('refuse a restore while another engine has the library open, and not after it closed', async () => {
    const path = join(tempDir(), 'case-library.sqlite');
    const engine = openTracked(path);
    await clientWithCase(engine);
    const backup = await ok(engine, 'backups.create', {});
    const other = openTracked(path);
    const refused = await fails(engine, 'backups.restore', { file: backup.file });
    expect(refused.code).toBe('library-in-use');
    expect(refused.message).toContain(`open in another Advocate Desk process (pid ${process.pid})`);
    // Nothing was changed: no pre-restore backup, the other engine goes on working.
    const list = await ok(engine, 'backups.list', {});
    expect(list.backups.map((b) => b.reason)).toEqual(['manual']);
    await ok(other, 'clients.create', { firstName: 'Still', lastName: 'Here' });
    other.close();
    await ok(engine, 'backups.restore', { file: backup.file });
  });

  it('left by a process that is gone never block, and are cleaned away', async () => {
    const path = join(tempDir(), 'case-library.sqlite');
    const engine = openTracked(path);
    const backup = await ok(engine, 'backups.create', {});
    const dead = foreignLease(path, { pid: deadPid() });
    await ok(engine, 'backups.restore', { file: backup.file });
    expect(existsSync(dead)).toBe(false);
  });

  it.skipIf(!existsSync('/proc/self/stat'))(
    'of a pid now reused by another process never block',
    async () => {
      const path = join(tempDir(), 'case-library.sqlite');
      const engine = openTracked(path);
      const backup = await ok(engine, 'backups.create', {});
      // pid 1 runs, but started long before this lease says its process did.
      const reused = foreignLease(path, { pid: 1, processStartTicks: '999999999999' });
      await ok(engine, 'backups.restore', { file: backup.file });
      expect(existsSync(reused)).toBe(false);

      // The same pid with its real start is alive: it blocks.
      const stat = readFileSync('/proc/1/stat', 'utf8');
      const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
      foreignLease(path, { pid: 1, processStartTicks: ticks, door: 'cli', job: 'writing letters' });
      const refused = await fails(engine, 'backups.restore', { file: backup.file });
      expect(refused.message).toBe(
        'The case library is open in the advocate command (CLI) (pid 1), writing letters: wait for it to finish, then try again. Nothing was changed.',
      );
    },
  );
});

describe('the job a lease names', () => {
  it('is a batch of letters while it runs; one letter, over in moments, rewrites no lease', async () => {
    const path = join(tempDir(), 'library.sqlite');
    const engine = openTracked(path);
    const { case: kase } = await clientWithCase(engine);
    const [name] = leasesOf(path);
    const file = join(leaseFolder(path), name!);
    const job = () => (JSON.parse(readFileSync(file, 'utf8')) as LeaseRecord).job;
    const batch = engine.call('letters.generateMany', { caseIds: [kase.id], kind: 'appeal' });
    expect(job()).toBe('writing letters');
    expect((await batch).ok).toBe(true);
    expect(job()).toBeNull();

    const written = statSync(file).mtimeMs;
    const one = engine.call('letters.generate', { caseId: kase.id, kind: 'appeal' });
    expect(job()).toBeNull();
    expect((await one).ok).toBe(true);
    expect(statSync(file).mtimeMs).toBe(written);
  });
});
