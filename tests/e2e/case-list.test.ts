// The case list as an advocate with many cases uses it: filter by insurer and what is due, sort
// by a column, come back to the same list from the address, take it away as CSV or on paper.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { Harness, apiCall } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

/** Today in a time zone's calendar (the browser's by default), plus `days`. */
function dayFromNow(days: number, timeZone?: string): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function addCase(
  url: string,
  last: string,
  insurerName: string,
  requestedTreatment: string,
  dueIn: number | null,
  timeZone?: string,
) {
  const client = await apiCall<{ id: number }>(url, 'clients.create', {
    firstName: 'Pat',
    lastName: last,
    state: 'IL',
  });
  const kase = await apiCall<{ id: number }>(url, 'cases.create', {
    clientId: client.id,
    requestedTreatment,
    insurerName,
    status: 'denied',
  });
  if (dueIn !== null)
    await apiCall(url, 'deadlines.create', {
      caseId: kase.id,
      values: { title: 'Appeal due', dueOn: dayFromNow(dueIn, timeZone) },
    });
}

const clientColumn = (page: Page) =>
  page
    .getByRole('table', { name: 'Cases' })
    .locator('tbody tr a[href*="/cases/"]')
    .allTextContents();

describe('the case list and the dashboard', () => {
  test('filters, sorts, keeps both in the address, and exports and prints what it shows', async () => {
    const host = await harness.startHost();
    await addCase(host.url, 'Quinn', 'Prairie Health', 'TMS', 7);
    await addCase(host.url, 'Abbott', 'Prairie Health', 'Esketamine', 8);
    await addCase(host.url, 'Moreno', 'Cigna', 'TMS', 2);
    await addCase(host.url, 'Lowe', 'Prairie Health', 'IV ketamine', null);
    const page = await harness.openApp(host.url);
    await page.getByRole('status').filter({ hasText: '4 cases' }).waitFor();

    // One insurer, then only what is due within 7 days: the seventh day is in, the eighth not.
    await page.getByLabel('Insurer').selectOption('Prairie Health');
    await page.getByRole('status').filter({ hasText: '3 cases' }).waitFor();
    await page.getByLabel('Due', { exact: true }).selectOption('7');
    await page.getByRole('status').filter({ hasText: '1 case' }).waitFor();
    expect(await clientColumn(page)).toEqual(['Pat Quinn']);
    await page.getByLabel('Due', { exact: true }).selectOption('');

    // Sorted by client, then the other way; the header says which.
    const header = page.getByRole('columnheader', { name: 'Client' });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => clientColumn(page)).toEqual(['Pat Abbott', 'Pat Lowe', 'Pat Quinn']);
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => clientColumn(page)).toEqual(['Pat Quinn', 'Pat Lowe', 'Pat Abbott']);

    // Leaving and coming back to this address (a bookmark, a reload) shows the same list.
    const address = page.url();
    expect(address).toContain('insurer=Prairie');
    expect(address).toContain('sort=client');
    await page.goto('about:blank');
    await page.goto(address);
    const again = page;
    await again.getByRole('status').filter({ hasText: '3 cases' }).waitFor();
    await expect.poll(() => clientColumn(again)).toEqual(['Pat Quinn', 'Pat Lowe', 'Pat Abbott']);
    expect(await again.getByLabel('Insurer').inputValue()).toBe('Prairie Health');

    // CSV of the whole filtered list, in the list's order.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('advocate-desk-cases.csv');
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('Case,Client,Treatment,Stage,Insurer,Member ID,Next due,Last activity');
    expect(csv.slice(1, 4).map((l) => l.split(',')[1])).toEqual([
      'Pat Quinn',
      'Pat Lowe',
      'Pat Abbott',
    ]);
    expect(csv.filter((l) => l.includes('Cigna'))).toEqual([]);

    // On paper: the list alone, without the app's navigation or the filter controls.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByLabel('Insurer').isVisible()).toBe(false);
    expect(await page.getByRole('table', { name: 'Cases' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // Clearing the filters brings every case back.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('status').filter({ hasText: '4 cases' }).waitFor();

    // The dashboard counts in each client's state (Illinois here): the seventh day is "in the
    // next 7 days", the eighth under "Coming up".
    await addCase(host.url, 'Reyes', 'Aetna', 'TMS', 7, 'America/Chicago');
    await addCase(host.url, 'Stone', 'Aetna', 'TMS', 8, 'America/Chicago');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const week = page.getByRole('table', { name: 'Overdue and due in the next 7 days' });
    await week.getByRole('row', { name: /Pat Reyes/ }).waitFor();
    expect(await week.getByRole('row', { name: /Pat Stone/ }).count()).toBe(0);
    const month = page.getByRole('table', { name: 'In 8 to 30 days' });
    await month.getByRole('row', { name: /Pat Stone/ }).waitFor();
  });
});

describe('tags, saved views and acting on several cases', () => {
  test('tag a case, filter by the tag, save and reopen a view, move two cases, export the picks', async () => {
    const host = await harness.startHost(join(harness.dir, 'second.sqlite'));
    await addCase(host.url, 'Ibarra', 'Prairie Health', 'TMS', null);
    await addCase(host.url, 'Jensen', 'Prairie Health', 'TMS', null);
    await addCase(host.url, 'Kowalski', 'Cigna', 'TMS', null);
    const page = await harness.openApp(host.url);
    const origin = new URL(host.url).origin;

    // A tag, given on the case page.
    await page.getByRole('link', { name: 'Pat Jensen' }).click();
    await page.getByRole('button', { name: 'Add tags' }).click();
    await page.getByLabel('Tags').fill('Spanish, grant');
    await page.getByRole('button', { name: 'Save tags' }).click();
    await page.getByRole('button', { name: 'Edit tags' }).waitFor();

    // The list filters by it, and shows it on the row.
    await page.goto(`${origin}/#/`);
    await page.getByLabel('Tag').selectOption('Spanish');
    await page.getByRole('status').filter({ hasText: '1 case' }).waitFor();
    expect(await clientColumn(page)).toEqual(['Pat Jensen']);
    await page.getByLabel('Tag').selectOption('');

    // A view: Prairie Health by client, saved, left and opened again.
    await page.getByLabel('Insurer').selectOption('Prairie Health');
    await page.getByRole('columnheader', { name: 'Client' }).getByRole('button').click();
    await page.getByRole('button', { name: 'Save this view…' }).click();
    await page.getByLabel('Name of the view').fill('Prairie by name');
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('status').filter({ hasText: '3 cases' }).waitFor();
    await page.getByRole('button', { name: 'Prairie by name', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '2 cases' }).waitFor();
    await expect.poll(() => clientColumn(page)).toEqual(['Pat Ibarra', 'Pat Jensen']);

    // Both picked, moved to an internal appeal in one go, then exported as CSV.
    await page.getByLabel('Pick every case on this page').check();
    const bulk = page.getByRole('region', { name: 'Act on the picked cases' });
    await bulk.getByText('2 cases picked').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      bulk.getByRole('button', { name: 'Export picked (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Pat Ibarra');
    expect(csv).not.toContain('Kowalski');
    await page.getByLabel('Pick every case on this page').check();
    await bulk.getByLabel('Move to').selectOption('internal-appeal-1');
    await bulk.getByRole('button', { name: 'Move' }).click();
    await page.getByText('Moved 2 cases to “Internal appeal, level 1”.').waitFor();
    await page.getByLabel('Status').selectOption('internal-appeal-1');
    await page
      .getByRole('status')
      .filter({ hasText: /^2 cases$/ })
      .waitFor();
  });
});
