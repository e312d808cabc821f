// The real UI in Chromium against the real browser host and a fresh case library on disk.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, stopHost } from './harness';

const harness = new Harness();
const startHost = (db: string) => harness.startHost(db);
const openApp = (url: string) => harness.openApp(url);
let dbPath: string;

beforeAll(async () => {
  await harness.setUp();
  dbPath = harness.dbPath;
});

afterAll(() => harness.tearDown());

describe('Advocate Desk in a browser', () => {
  test('a case is created, edited, found, and survives a restart', async () => {
    const first = await startHost(dbPath);
    const page = await openApp(first.url);

    // The token leaves the address bar as soon as the app has it.
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    expect(page.url()).not.toContain('token=');
    await page.getByText('No cases yet').waitFor();

    // The API refuses a caller without the token.
    const refused = await fetch(new URL('/api/call', first.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'cases.list', args: {} }),
    });
    expect(refused.status).toBe(401);

    // A client...
    await page.getByRole('link', { name: 'New client' }).first().click();
    await page.getByLabel('First name').fill('Maria');
    await page.getByLabel('Last name').fill('Delgado');
    await page.getByLabel('Date of birth').fill('1984-06-02');
    await page.getByLabel('State').fill('CA');
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.getByRole('heading', { name: 'Maria Delgado' }).waitFor();

    // ...and a case for her.
    await page.getByRole('link', { name: 'New case for this client' }).click();
    await expect.poll(() => page.getByLabel('Client').inputValue()).not.toBe('');
    await page.getByLabel('Requested treatment').fill('Transcranial magnetic stimulation');
    await page.getByLabel('Insurer').fill('Blue Shield of California');
    await page.getByLabel('Plan type').selectOption({ label: 'Employer self-funded (ERISA)' });
    await page.getByLabel('Member ID').fill('XJK100200');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page
      .getByRole('heading', { name: /Maria Delgado · Transcranial magnetic stimulation/ })
      .waitFor();

    // A diagnosis, after the engine turns away a bad code.
    await page.getByRole('button', { name: 'Add diagnosis' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('ICD-10 code').fill('Z9');
    await dialog.getByRole('button', { name: 'Add diagnosis' }).click();
    await dialog.getByText('ICD-10 code must be an ICD-10-CM code').waitFor();
    expect(await dialog.getByLabel('ICD-10 code').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('ICD-10 code').fill('f33.2');
    await dialog.getByLabel('Description').fill('Major depressive disorder, recurrent, severe');
    await dialog.getByRole('button', { name: 'Add diagnosis' }).click();
    await page.getByRole('cell', { name: 'F33.2' }).waitFor();

    // A treatment tried before.
    await page.getByRole('button', { name: 'Add treatment' }).click();
    await dialog.getByLabel('Kind').selectOption('medication');
    await dialog.getByLabel('Name').fill('Sertraline');
    await dialog.getByLabel('Dose', { exact: true }).fill('200 mg');
    await dialog.getByLabel('Started').fill('2023-01-10');
    await dialog.getByLabel('Ended').fill('2023-05-01');
    await dialog.getByRole('button', { name: 'Add treatment' }).click();
    await page.getByRole('cell', { name: 'Sertraline' }).waitFor();

    // Esc closes a dialog without saving.
    await page.getByRole('button', { name: 'Add assessment' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Edit the case: a new member ID and status.
    await page.getByLabel('Member ID').fill('XJK999111');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Denied' });
    await page.getByRole('button', { name: 'Save case' }).click();
    await page.getByText('Member ID XJK999111').waitFor();

    // A bad NPI is named next to its field.
    await page.getByLabel('Provider NPI').fill('1234567890');
    await page.getByRole('button', { name: 'Save case' }).click();
    await page.getByText('Provider NPI must be a 10-digit NPI').waitFor();
    await page.getByLabel('Provider NPI').fill('');
    await page.getByRole('button', { name: 'Save case' }).click();
    await page.getByRole('status').getByText('Saved').waitFor();

    await page.screenshot({ path: '/tmp/case-page.png', fullPage: true });

    // Find the case from the list by client name and by member ID.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Cases' })
      .click();
    const search = page.getByLabel('Find cases');
    await search.fill('Delgado');
    await page.getByRole('cell', { name: 'XJK999111' }).waitFor();
    await search.fill('nobody-like-this');
    await page.getByText('No cases match').waitFor();
    await search.fill('XJK999111');
    await page.getByRole('cell', { name: 'Maria Delgado', exact: true }).waitFor();

    // And from the header search.
    await page.getByLabel('Search all cases').fill('Delgado');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Search results/ }).waitFor();
    await page.getByRole('link', { name: 'Maria Delgado' }).waitFor();
    await page.close();

    // Everything is still there after the host restarts on the same library.
    await stopHost(first.child);
    const second = await startHost(dbPath);
    const again = await openApp(second.url);
    await again.getByRole('link', { name: 'Maria Delgado' }).click();
    await again.getByRole('cell', { name: 'F33.2' }).waitFor();
    await again.getByRole('cell', { name: 'Sertraline' }).waitFor();
    expect(await again.getByLabel('Member ID').inputValue()).toBe('XJK999111');
    expect(await again.getByLabel('Status', { exact: true }).inputValue()).toBe('denied');
    await again.close();
  });
});
