// The newer writes with a second process on the same library (the browser host in a child
// process, this process as the CLI would be): tags from a stale editor keep the other's tags, a
// stale rename of a saved view, a stale "record as sent" and a bulk stage move from an old list
// are refused or skipped, never applied over the newer data.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localToday } from '../../electron/engine/letters/handlers';
import { cleanup, clientWithCase, fails, ok, openTracked, tempDir } from './helpers';
import { startHostProcess, stopProcesses } from './processes';

afterEach(() => {
  stopProcesses();
  cleanup();
});

async function twoDoors() {
  const databasePath = join(tempDir(), 'case-library.sqlite');
  const engine = openTracked(databasePath);
  const { case: kase } = await clientWithCase(engine);
  const host = await startHostProcess([], { ADVOCATE_DESK_DB: databasePath });
  const theirs = async <T>(name: string, args: unknown): Promise<T> => {
    const reply = await host.call(name, args);
    if (!reply.ok) throw new Error(`${name} failed in the host: ${JSON.stringify(reply.error)}`);
    return reply.value as T;
  };
  return { engine, host, caseId: kase.id, theirs };
}

describe('two processes on one library', () => {
  it('keeps tags each added from the same starting set, and applies a removal once', async () => {
    const { engine, host, caseId, theirs } = await twoDoors();
    await ok(engine, 'caseTags.set', { caseId, tags: ['grant-funded'] });
    // Both editors opened on ["grant-funded"]; each adds one, the host also removes the old one.
    await theirs('caseTags.set', { caseId, tags: ['urgent'], from: ['grant-funded'] });
    const mine = await ok(engine, 'caseTags.set', {
      caseId,
      tags: ['grant-funded', 'Spanish'],
      from: ['grant-funded'],
    });
    expect(mine).toEqual(['Spanish', 'urgent']);
    await host.stop();
  }, 60_000);

  it('refuses a stale rename of a saved view and a stale record of sending', async () => {
    const { engine, host, caseId, theirs } = await twoDoors();
    const view = await ok(engine, 'views.create', { name: 'Urgent', query: 'tag=urgent' });
    await theirs('views.rename', { id: view.id, version: view.version, name: 'Urgent cases' });
    const rename = await fails(engine, 'views.rename', {
      id: view.id,
      version: view.version,
      name: 'Hot',
    });
    expect(rename.code).toBe('conflict');
    expect((await ok(engine, 'views.list')).map((v) => v.name)).toEqual(['Urgent cases']);

    const letter = await ok(engine, 'letters.generate', { caseId, kind: 'appeal' });
    await theirs('letters.recordSent', {
      documentId: letter.documentId,
      expectedVersion: 0,
      sentOn: '2026-11-02',
      channel: 'fax',
      reference: 'FAX-1',
    });
    const stale = await fails(engine, 'letters.recordSent', {
      documentId: letter.documentId,
      expectedVersion: 0,
      sentOn: '2026-11-03',
      channel: 'mail',
    });
    expect(stale.code).toBe('conflict');
    const [journey] = (await ok(engine, 'letters.list', { caseId })).items;
    expect(journey).toMatchObject({ sentOn: '2026-11-02', sentReference: 'FAX-1' });
    await host.stop();
  }, 60_000);

  it('skips a case another process moved since the list was read', async () => {
    const { engine, host, caseId, theirs } = await twoDoors();
    const other = await ok(engine, 'cases.create', {
      clientId: (await ok(engine, 'cases.get', { id: caseId })).client.id,
      requestedTreatment: 'TMS',
      status: 'denied',
    });
    const today = localToday();
    await theirs('stages.move', { caseId, to: 'internal-appeal-1', movedOn: today });
    const bulk = await ok(engine, 'stages.moveMany', {
      cases: [
        { caseId, from: 'denied' },
        { caseId: other.id, from: 'denied' },
      ],
      to: 'closed-withdrawn',
      movedOn: today,
    });
    expect(bulk.moved).toEqual([other.id]);
    expect(bulk.refused).toEqual([
      { caseId, reason: 'It was changed elsewhere: it is now at “Internal appeal, level 1”.' },
    ]);
    expect((await ok(engine, 'cases.get', { id: caseId })).case.status).toBe('internal-appeal-1');
    await host.stop();
  }, 60_000);
});
