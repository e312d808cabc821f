// First run and daily use in the real UI: the welcome on a new library (profile, sample case added
// and removed in one click), the command palette by keyboard, default recipients from Settings
// preselected in a case's letters, the help page, and moving the library to another folder.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { Harness, apiCall, stopHost } from './harness';

const harness = new Harness();
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

describe('first run', () => {
  test('a new library opens on the welcome; the profile is saved; the sample comes and goes', async () => {
    const host = await harness.startHost(harness.dbPath, { firstRun: true });
    const page = await harness.openApp(host.url);
    await page.getByRole('heading', { name: 'Welcome to Advocate Desk' }).waitFor();
    expect(page.url()).toContain('#/welcome');
    // The sidebar says where data stays, on every page.
    await expect
      .poll(() => page.locator('.sidebar').textContent())
      .toContain('All data stays on this computer');
    // Where the library lives, from the engine.
    await expect.poll(() => page.getByTestId('database-path').textContent()).toBe(harness.dbPath);

    const profile = page.getByRole('region', { name: 'About you' });
    await profile.getByLabel('Your name').fill('Jordan Reyes');
    await profile.getByLabel('Organization').fill('Reyes Patient Advocacy');
    await profile.getByLabel('Signature block').fill('Jordan Reyes\nPatient advocate');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await expect
      .poll(async () => (await apiCall<{ name: string }>(host.url, 'profile.get', {})).name)
      .toBe('Jordan Reyes');

    await page.getByRole('button', { name: 'Add the sample case' }).click();
    await page.getByRole('link', { name: 'Open the sample case' }).waitFor();
    const cases = await apiCall<{ total: number }>(host.url, 'cases.list', {});
    expect(cases.total).toBe(1);

    // Finish leads to the case list, where the sample is badged and removable in one click.
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    const row = page.getByRole('row', { name: /Rivera \(sample\)/ });
    await row.getByText('Sample', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Remove sample' }).click();
    await page.getByText('No cases yet').waitFor();
    expect((await apiCall<{ total: number }>(host.url, 'cases.list', {})).total).toBe(0);
    expect((await apiCall<{ items: unknown[] }>(host.url, 'contacts.list', {})).items).toEqual([]);

    // Finished once, the welcome no longer takes over the home page; Settings reopens it.
    const again = await harness.openApp(host.url);
    await again.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await nav(again).getByRole('link', { name: 'Settings' }).click();
    await again.getByRole('link', { name: 'Show the welcome again' }).click();
    await again.getByRole('heading', { name: 'Welcome to Advocate Desk' }).waitFor();
  });
});

describe('daily use', () => {
  test('the command palette finds a case by keyboard', async () => {
    const host = await harness.startHost(harness.dbPath.replace('lib', 'palette'));
    const sample = await apiCall<{ caseId: number; clientId: number }>(
      host.url,
      'sample.create',
      {},
    );
    const page = await harness.openApp(host.url);
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    // The client list badges the sample too.
    await nav(page).getByRole('link', { name: 'Clients' }).click();
    await page
      .getByRole('row', { name: /Rivera \(sample\), Jamie/ })
      .getByText('Sample', { exact: true })
      .waitFor();

    await page.keyboard.press('Control+K');
    const box = page.getByRole('combobox', { name: 'Find a case, client or action' });
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.role'))
      .toBe('combobox');
    await box.pressSequentially('rivera');
    const options = page.getByRole('option');
    await expect.poll(() => options.first().textContent()).toContain('Transcranial');
    // Down to the client, back up to the case: the active option follows.
    // The option the combobox points to (aria-activedescendant) is the one Enter opens.
    const activeText = async () => {
      const id = await box.getAttribute('aria-activedescendant');
      return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? '') : '';
    };
    await page.keyboard.press('ArrowDown');
    await expect.poll(activeText).toMatch(/^Client: Jamie Rivera/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(activeText).toMatch(/^Case: Jamie Rivera \(sample\) · Transcranial/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Jamie Rivera \(sample\) · Transcranial/ }).waitFor();
    expect(page.url()).toContain(`#/cases/${sample.caseId}`);
    expect(await page.getByRole('dialog').count()).toBe(0);

    // Actions too; Escape closes without going anywhere.
    await page.keyboard.press('Control+K');
    await box.pressSequentially('settings');
    await expect.poll(activeText).toBe('Action: Settings');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(page.url()).toContain(`#/cases/${sample.caseId}`);
    await page.keyboard.press('Control+K');
    await box.pressSequentially('settings');
    await expect.poll(activeText).toBe('Action: Settings');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
  });

  test('a default recipient chosen in Settings is preselected in the Letters section', async () => {
    const host = await harness.startHost(harness.dbPath.replace('lib', 'recipients'));
    const sample = await apiCall<{ caseId: number }>(host.url, 'sample.create', {});
    const contacts = await apiCall<{ items: { id: number; kind: string; name: string }[] }>(
      host.url,
      'contacts.list',
      {},
    );
    const insurer = contacts.items.find((c) => c.kind === 'insurer')!;
    const templates = await apiCall<{ id: number; kind: string }[]>(host.url, 'templates.list', {});
    const appeal = templates.find((t) => t.kind === 'appeal')!;

    const page = await harness.openApp(host.url);
    await nav(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Internal appeal').selectOption({ value: String(insurer.id) });
    await page.getByText('Saved the default for “Internal appeal”.').waitFor();

    await page.goto(`${new URL(host.url).origin}/#/cases/${sample.caseId}`);
    const letter = page.getByLabel('Letter', { exact: true });
    const to = page.getByLabel('To', { exact: true });
    await letter.selectOption({ value: String(appeal.id) });
    await expect.poll(() => to.inputValue()).toBe(String(insurer.id));
    // The preview is written to that contact.
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.locator('.letter-paper').textContent()).toContain(insurer.name);
    // Another kind with no default goes to the case's own insurer (in the address book); a choice
    // by hand wins over both.
    const other = templates.find((t) => t.kind === 'claim-file-request')!;
    await letter.selectOption({ value: String(other.id) });
    await expect.poll(() => to.inputValue()).toBe(String(insurer.id));
    await to.selectOption({ value: '' });
    await letter.selectOption({ value: String(appeal.id) });
    await expect.poll(() => to.inputValue()).toBe('');
  });

  test('the help page has a table of contents leading to each section', async () => {
    const host = await harness.startHost(harness.dbPath.replace('lib', 'help'));
    const page = await harness.openApp(host.url);
    await nav(page).getByRole('link', { name: 'Help', exact: true }).click();
    await page.getByRole('heading', { name: 'Help', exact: true }).waitFor();
    const toc = page.getByRole('navigation', { name: 'Contents' });
    const entries = await toc.getByRole('link').allTextContents();
    expect(entries).toContain('Backups, restore and moving computers');
    expect(entries).toContain('Privacy: nothing leaves this computer');
    for (const title of entries) {
      await page.getByRole('region', { name: title }).waitFor();
    }
    await toc.getByRole('link', { name: 'Backups, restore and moving computers' }).click();
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
      .toBe('help-backups');
    // A page's header links straight to its section.
    await nav(page).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Help' }).click();
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
      .toBe('help-workflow');
  });

  test('the library is moved to another folder from Settings and stays there after a restart', async () => {
    const configHome = join(harness.dir, 'config');
    const drive = join(harness.dir, 'external-drive');
    mkdirSync(drive, { recursive: true });
    const first = await harness.startHost(undefined, { configHome });
    await apiCall(first.url, 'clients.create', { firstName: 'Moved', lastName: 'Along' });
    const page = await harness.openApp(first.url);
    await page.goto(`${new URL(first.url).origin}/#/settings`);
    const path = page.getByTestId('database-path');
    await expect
      .poll(() => path.textContent())
      .toBe(join(configHome, 'Advocate Desk', 'case-library.sqlite'));
    await page.getByLabel('Move the library to another folder').fill(drive);
    await page.getByRole('button', { name: 'Move library' }).click();
    await page
      .getByRole('status')
      .getByText(/The library is now at/)
      .waitFor();
    const moved = join(drive, 'case-library.sqlite');
    await expect.poll(() => path.textContent()).toBe(moved);

    await stopHost(first.child);
    const second = await harness.startHost(undefined, { configHome });
    const info = await apiCall<{ databasePath: string }>(second.url, 'app.info', {});
    expect(info.databasePath).toBe(moved);
    const clients = await apiCall<{ items: { lastName: string }[] }>(
      second.url,
      'clients.list',
      {},
    );
    expect(clients.items.map((c) => c.lastName)).toContain('Along');
  });
});
