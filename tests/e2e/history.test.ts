// The case page's History section: each saved change appears with its old and new value and who
// made it, newest first.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

describe('case history', () => {
  test('a change saved on the case page shows in its History section', async () => {
    const host = await harness.startHost();
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Hana',
      lastName: 'Sato',
    });
    await apiCall(host.url, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'Esketamine nasal spray',
      memberId: 'OLD-1',
    });
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Hana Sato' }).click();
    const history = page.getByRole('table', { name: 'Changes to this case, newest first' });
    // Folded until asked for, so it never crowds the records above.
    await page.getByText('Show the one change, newest first').click();
    await history.getByText('Added Esketamine nasal spray').waitFor();

    await page.getByLabel('Member ID').fill('NEW-2');
    await page.getByRole('button', { name: 'Save case' }).click();
    await page.getByRole('status').getByText('Saved').waitFor();

    const newest = history.getByRole('row').nth(1);
    await expect
      .poll(() => newest.textContent())
      .toContain('Changed Member ID from OLD-1 to NEW-2');
    expect(await newest.textContent()).toMatch(/, in the browser: Changed the case/);
    expect(await newest.textContent()).not.toMatch(/cases\.update/);
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'History', exact: true }) })
      .screenshot({ path: '/tmp/history.png' });
  });
});
