// The library opens at once and is checked for damage in the background: damage found after the
// first screen stops every change, says so in a banner, and the newest good backup is one click
// away.
import BetterSqlite3 from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openEngine } from '../../electron/engine';
import { Harness, apiCall } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

const CASES = 30;

/** A library with cases, a good backup of it, then the pages of one table overwritten. */
async function damagedLibrary(path: string) {
  const engine = openEngine({ databasePath: path, appVersion: 'e2e' });
  for (let i = 0; i < CASES; i++) {
    const client = await engine.call('clients.create', {
      firstName: `Client${i}`,
      lastName: 'Kept',
    });
    if (!client.ok) throw new Error(client.error.message);
    await engine.call('cases.create', { clientId: client.value.id, requestedTreatment: 'TMS' });
  }
  await engine.call('welcome.finish', {});
  const backup = await engine.call('backups.create', {});
  if (!backup.ok) throw new Error(backup.error.message);
  engine.close();
  // The case history's pages: the schema and the first screen's tables stay readable.
  const db = new BetterSqlite3(path, { readonly: true });
  const pages = db
    .prepare("SELECT pageno FROM dbstat WHERE name = 'case_history'")
    .pluck()
    .all() as number[];
  const size = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(path, 'r+');
  for (const page of pages) writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, (page - 1) * size);
  closeSync(fd);
}

describe('the background check of the library', () => {
  test('finds damage after the first screen, refuses changes and restores the newest backup', async () => {
    await damagedLibrary(harness.dbPath);
    const host = await harness.startHost(harness.dbPath, { firstRun: true });
    const page = await harness.openApp(host.url);
    const banner = page.getByRole('alert', { name: 'Library damaged' });
    await banner.waitFor({ timeout: 30_000 });
    await expect.poll(() => banner.textContent()).toContain('is damaged');
    await expect(
      apiCall(host.url, 'clients.create', { firstName: 'Not', lastName: 'Saved' }),
    ).rejects.toThrow(/database-damaged/);
    await Promise.all([
      page.waitForEvent('load', { timeout: 30_000 }),
      banner.getByRole('button', { name: /Restore the newest good backup/ }).click(),
    ]);
    // The page reloads on the restored library: no banner, every case there.
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `${CASES} cases` })
      .waitFor();
    await expect.poll(() => banner.count()).toBe(0);
    await page.goto(`${host.url.split('#')[0]}#/backups`);
    await page.getByTestId('library-check').waitFor();
    expect(await page.getByTestId('library-check').textContent()).toContain('no problems found');
  });
});
