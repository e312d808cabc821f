// A library file deleted under the running app: the next save says nothing was saved, a banner
// stays on every screen, and what the advocate typed is still on the page to copy out.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

describe('a library replaced or removed under the app', () => {
  test('a save is refused with a banner that stays, and the form keeps its text', async () => {
    const host = await harness.startHost();
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'New client' }).first().click();
    await page.getByLabel('First name').fill('Maria');
    await page.getByLabel('Last name').fill('Delgado');

    for (const f of ['', '-wal', '-shm']) rmSync(`${harness.dbPath}${f}`, { force: true });
    await page.getByRole('button', { name: 'Create client' }).click();

    const banner = page.getByRole('alert', { name: 'Library lost' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(
      'The case library was replaced or removed by another program; nothing was saved. Restart Advocate Desk.',
    );
    expect(await page.getByLabel('Last name').inputValue()).toBe('Delgado');
    // It stays on other screens.
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await banner.waitFor();
  });
});
