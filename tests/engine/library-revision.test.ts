// The library's revision, which pages poll to know when to reload: it stays put while nothing
// changes and moves on every write, whether this engine made it or another process did.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, clientWithCase, ok, openTracked, tempEngine } from './helpers';

afterEach(cleanup);

const revision = async (engine: ReturnType<typeof tempEngine>) =>
  (await ok(engine, 'library.revision', {})).revision;

describe('library.revision', () => {
  it('stays the same across reads and changes after this engine writes', async () => {
    const engine = tempEngine();
    const { case: c } = await clientWithCase(engine);
    const before = await revision(engine);
    await ok(engine, 'cases.get', { id: c.id });
    await ok(engine, 'cases.list', {});
    expect(await revision(engine)).toBe(before);

    await ok(engine, 'cases.update', { ...c, memberId: 'NEW-1' });
    const after = await revision(engine);
    expect(after).not.toBe(before);
    expect(await revision(engine)).toBe(after);
  });

  it('changes when another connection to the same file commits', async () => {
    const app = tempEngine();
    const { case: c } = await clientWithCase(app);
    const cliEngine = openTracked(app.databasePath);
    const before = await revision(app);
    await ok(cliEngine, 'cases.update', { ...c, memberId: 'FROM-CLI' });
    expect(await revision(app)).not.toBe(before);
  });

  it('changes when the CLI, a second process, writes to the file', async () => {
    const app = tempEngine();
    const { case: c } = await clientWithCase(app);
    const before = await revision(app);
    const run = spawnSync(
      process.execPath,
      [
        'bin/advocate.js',
        '--db',
        app.databasePath,
        'call',
        'cases.update',
        JSON.stringify({ ...c, insurerName: 'Changed elsewhere' }),
      ],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(await revision(app)).not.toBe(before);
    expect((await ok(app, 'cases.get', { id: c.id })).case.insurerName).toBe('Changed elsewhere');
  });
});
