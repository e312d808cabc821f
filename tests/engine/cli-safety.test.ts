// The CLI's safety commands: back up to a file, restore (also over a damaged library), and move
// the whole library with an archive.
import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/program';
import { cleanup, clientWithCase, ok, openTracked, tempDir } from './helpers';

afterEach(cleanup);

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

async function libraryWith(cases: number) {
  const dir = tempDir();
  const db = join(dir, 'lib.sqlite');
  const engine = openTracked(db);
  for (let i = 0; i < cases; i++) await clientWithCase(engine, { lastName: `C${i}` });
  engine.close();
  return { dir, db };
}

describe('advocate backup and restore', () => {
  it('backs up to a chosen file and restores it, keeping the current state as a backup', async () => {
    const { dir, db } = await libraryWith(2);
    const out = join(dir, 'my-backup.sqlite');
    const backup = await cli('--db', db, 'backup', '--out', out);
    expect(backup.code).toBe(0);
    expect(backup.out[0]).toContain(out);
    expect(statSync(out).size).toBeGreaterThan(0);

    const engine = openTracked(db);
    await clientWithCase(engine, { lastName: 'Later' });
    engine.close();

    const restore = await cli('--db', db, 'restore', out);
    expect(restore.err).toEqual([]);
    expect(restore.code).toBe(0);
    expect(restore.out.join('\n')).toContain('2 clients, 2 cases, 0 documents');
    const after = openTracked(db);
    expect((await ok(after, 'cases.list', {})).items).toHaveLength(2);
    const kept = readdirSync(join(dir, 'backups'));
    expect(kept.some((f) => f.endsWith('-pre-restore.sqlite'))).toBe(true);
  });

  it('restores over a damaged library, keeping the damaged file untouched beside the backups', async () => {
    const { dir, db } = await libraryWith(40);
    const good = await cli('--db', db, 'backup');
    expect(good.code).toBe(0);
    const size = statSync(db).size;
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(size / 2, 0x5a), 0, size / 2, size / 4);
    closeSync(fd);

    const refused = await cli('--db', db, 'case', 'list');
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toContain('is damaged');
    const backupFile = /The newest good backup is (\S+) /.exec(refused.err[0]!)?.[1];
    expect(backupFile && existsSync(backupFile)).toBe(true);

    const restore = await cli('--db', db, 'restore', backupFile!);
    expect(restore.code).toBe(0);
    expect(restore.out[0]).toContain('kept the damaged library');
    expect(readdirSync(join(dir, 'backups')).some((f) => f.endsWith('-damaged.sqlite'))).toBe(true);
    const list = await cli('--db', db, 'case', 'list');
    expect(list.out).toHaveLength(40);
  });

  it('refuses to restore a file that is not a backup, and changes nothing', async () => {
    const { dir, db } = await libraryWith(1);
    const result = await cli('--db', db, 'restore', join(dir, 'missing.sqlite'));
    expect(result.code).toBe(1);
    expect(result.err[0]).toContain('cannot be used as a backup');
    expect((await cli('--db', db, 'case', 'list')).out).toHaveLength(1);
  });
});

describe('advocate archive', () => {
  it('exports the whole library to one file and imports it into another', async () => {
    const { dir, db } = await libraryWith(3);
    const file = join(dir, 'everything.zip');
    const exported = await cli('--db', db, 'archive', 'export', '--out', file);
    expect(exported.code).toBe(0);
    expect(exported.out[0]).toContain('3 clients, 3 cases, 0 documents, 0 contacts');
    const other = join(tempDir(), 'new-laptop.sqlite');
    const imported = await cli('--db', other, 'archive', 'import', file);
    expect(imported.err).toEqual([]);
    expect(imported.out[0]).toContain('now holds 3 clients, 3 cases');
    expect((await cli('--db', other, 'case', 'list')).out).toHaveLength(3);
  });
});
