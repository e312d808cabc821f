// Unsaved work is never dropped silently: leaving a page, reloading it, pressing Esc on a dialog
// or leaving the template editor with edits asks first; long text typed into a form survives an
// accidental reload as a draft of this tab, offered back and cleared once saved.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { Harness, apiCall } from './harness';
import type { Host } from './harness';

const harness = new Harness();
let host: Host;
beforeAll(async () => {
  await harness.setUp();
  host = await harness.startHost();
  const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
    firstName: 'Tomas',
    lastName: 'Reyes',
    phone: '555-0100',
  });
  await apiCall(host.url, 'cases.create', {
    clientId: client.id,
    requestedTreatment: 'IV ketamine infusions',
  });
});
afterAll(() => harness.tearDown());

const prompt = (page: Page) => page.getByRole('dialog', { name: /^Discard your changes to/ });

async function openCase(page: Page) {
  await page.getByRole('link', { name: 'Tomas Reyes' }).click();
  await page.getByRole('heading', { name: /Tomas Reyes/ }).waitFor();
}

describe('leaving with unsaved changes asks first', () => {
  test('leaving a form with edits asks; Keep editing keeps them, Discard leaves', async () => {
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Clients', exact: true }).click();
    await page.getByRole('link', { name: /Reyes/ }).click();
    await page.getByLabel('Phone').fill('555-0199');

    await page.getByRole('link', { name: 'Dashboard' }).click();
    const ask = prompt(page);
    await ask.waitFor();
    expect(await ask.textContent()).toContain('Phone');
    // The safe answer has the focus, so Enter keeps the work.
    await expect
      .poll(() => page.evaluate('document.activeElement?.textContent'))
      .toBe('Keep editing');
    await page.keyboard.press('Enter');
    await ask.waitFor({ state: 'hidden' });
    expect(await page.getByLabel('Phone').inputValue()).toBe('555-0199');
    expect(page.url()).toMatch(/#\/clients\/\d+$/);

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await ask.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();

    // Nothing changed, nothing to ask: the menu just goes.
    await page.getByRole('link', { name: 'Clients', exact: true }).click();
    await page.getByRole('link', { name: /Reyes/ }).click();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    expect(await prompt(page).count()).toBe(0);
    await page.close();
  });

  test('reloading the page with edits asks the browser to confirm', async () => {
    const page = await harness.openApp(host.url);
    await openCase(page);
    await page.getByLabel('Member ID').click();
    await page.keyboard.type('MEM-77');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.reload({ timeout: 3000 }).catch(() => undefined);
    expect(dialogs).toEqual(['beforeunload']);
    expect(await page.getByLabel('Member ID').inputValue()).toBe('MEM-77');
    await page.close();
  });

  test('Esc on a dialog with edits asks; Esc again keeps editing', async () => {
    const page = await harness.openApp(host.url);
    await openCase(page);
    await page.getByRole('button', { name: 'Add diagnosis' }).click();
    const form = page.getByRole('dialog', { name: 'Add diagnosis' });
    await form.getByLabel('Description').fill('Treatment-resistant depression');

    await page.keyboard.press('Escape');
    const ask = prompt(page);
    await ask.waitFor();
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'hidden' });
    expect(await form.getByLabel('Description').inputValue()).toBe(
      'Treatment-resistant depression',
    );

    await page.keyboard.press('Escape');
    await ask.getByRole('button', { name: 'Discard' }).click();
    await form.waitFor({ state: 'hidden' });

    // An untouched dialog still closes on Esc at once.
    await page.getByRole('button', { name: 'Add diagnosis' }).click();
    await form.waitFor();
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'hidden' });
    expect(await prompt(page).count()).toBe(0);
    await page.close();
  });

  test('leaving the template editor with edits asks', async () => {
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Letter templates' }).click();
    await page.getByRole('table').getByRole('link').first().click();
    const source = page.getByLabel('Template text');
    await source.waitFor();
    await source.press('End');
    await page.keyboard.type('\nA sentence the advocate added.');

    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    const ask = prompt(page);
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    expect(await source.inputValue()).toContain('A sentence the advocate added.');

    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await ask.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('link', { name: 'Tomas Reyes' }).waitFor();
    await page.close();
  });
});

describe('long text survives an accidental reload as a draft', () => {
  test('a typed call summary is offered back after a reload, and cleared once saved', async () => {
    const page = await harness.openApp(host.url);
    await openCase(page);
    await page.getByRole('button', { name: 'Add communication' }).click();
    const form = page.getByRole('dialog', { name: 'Add communication' });
    const summary = 'Spoke to Anna at the plan: peer-to-peer review offered for Thursday.';
    await form.getByLabel(/^Date/).fill('2026-11-30');
    await form.getByLabel('Summary').fill(summary);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await page.getByRole('heading', { name: /Tomas Reyes/ }).waitFor();
    await page.getByRole('button', { name: 'Add communication' }).click();
    const offer = form.getByText(/^Restore your unsaved draft from \d{1,2}:\d{2}/);
    await offer.waitFor();
    await form.getByRole('button', { name: 'Restore' }).click();
    expect(await form.getByLabel('Summary').inputValue()).toBe(summary);
    // Only long text is kept as a draft: the date is typed again.
    await form.getByLabel(/^Date/).fill('2026-11-30');

    await form.getByRole('button', { name: 'Add communication' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'Communication log' }).getByText(summary).waitFor();
    await page.getByRole('button', { name: 'Add communication' }).click();
    await form.getByLabel('Summary').waitFor();
    expect(await form.getByText(/Restore your unsaved draft/).count()).toBe(0);
    // Kept only in this tab's session storage, never on disk, and gone once saved.
    expect(
      await page.evaluate("Object.keys(sessionStorage).filter((k) => k.includes('draft'))"),
    ).toEqual([]);
    await page.close();
  });
});
