// The Backups page: back up now, see it listed, restore it after a preview and a confirmation.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

describe('Backups page', () => {
  test('back up now, see it listed, restore it after seeing what it holds', async () => {
    const host = await harness.startHost();
    for (const lastName of ['Alvarez', 'Brooks']) {
      const c = await apiCall<{ id: number }>(host.url, 'clients.create', {
        firstName: 'Pat',
        lastName,
      });
      await apiCall(host.url, 'cases.create', { clientId: c.id, requestedTreatment: 'Esketamine' });
    }
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Backups' }).click();
    await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
    // The host took the day's backup when it started.
    const table = page.getByRole('table', { name: 'Backups, newest first' });
    await table.getByText('Daily').waitFor();

    await page.getByRole('button', { name: 'Back up now' }).click();
    await page
      .getByRole('status')
      .getByText(/^Backed up/)
      .waitFor();
    await table.getByText('Backed up by you').waitFor();
    const backupRow = table.getByRole('row', { name: /Backed up by you/ });

    // A change made after the backup, which the restore will take away.
    const later = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Pat',
      lastName: 'Later',
    });
    await apiCall(host.url, 'cases.create', { clientId: later.id, requestedTreatment: 'TMS' });

    await backupRow.getByRole('button', { name: /^Restore the backup taken/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    const facts = dialog.getByRole('definition');
    await expect.poll(() => dialog.locator('[data-count="cases"]').textContent()).toBe('2');
    expect(await dialog.locator('[data-count="clients"]').textContent()).toBe('2');
    expect(await facts.count()).toBeGreaterThan(5);
    await dialog.screenshot({ path: '/tmp/restore-preview.png' });
    await dialog.getByRole('button', { name: 'Restore this backup' }).click();
    await page
      .getByRole('status')
      .getByText(/^Restored the backup taken/)
      .waitFor();
    await table.getByText('Before a restore').waitFor();
    await page.screenshot({ path: '/tmp/backups-page.png', fullPage: true });

    // The library is the backup's again: the later case is gone, the others are there.
    await page.getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('link', { name: 'Pat Alvarez' }).waitFor();
    expect(await page.getByRole('link', { name: 'Pat Later' }).count()).toBe(0);
    expect(existsSync(join(harness.dir, 'backups'))).toBe(true);
  });

  test('backups go to the folder typed in, and a relative path is refused', async () => {
    const host = await harness.startHost(join(harness.dir, 'second.sqlite'));
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Backups' }).click();
    const input = page.getByLabel(/^Folder/);
    // As a person would: the current folder is shown before another is typed over it.
    await expect.poll(() => input.inputValue()).toMatch(/backups$/);
    await input.fill('relative/path');
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await page
      .getByRole('alert')
      .getByText(/full path/)
      .waitFor();
    const chosen = join(harness.dir, 'external drive', 'backups');
    await input.fill(chosen);
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await page.getByRole('status').getByText(`Backups now go to ${chosen}.`).waitFor();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page
      .getByRole('status')
      .getByText(new RegExp(`to ${chosen}/advocate-desk-`))
      .waitFor();
  });
});
