// A large library in the browser: every list shows a page, says how many there are in all, and
// shows more on request — the case list (plain and searched), search results, clients, contacts
// and the dashboard's lists.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openEngine } from '../../electron/engine';
import { Harness } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

const CASES = 120;
const CONTACTS = 130;
const OVERDUE = 27;

/** Writes the library before the host opens it: many clients, cases, contacts and deadlines. */
function seed(path: string) {
  const engine = openEngine({ databasePath: path, appVersion: 'e2e' });
  const db = engine.db;
  db.transaction(() => {
    const client = db.prepare(
      "INSERT INTO clients (first_name, last_name, state) VALUES (?, 'Pagewell', 'IL') RETURNING id",
    );
    const kase = db.prepare(
      "INSERT INTO cases (client_id, requested_treatment, status) VALUES (?, 'Deep TMS', 'gathering-records') RETURNING id",
    );
    const deadline = db.prepare(
      "INSERT INTO deadlines (case_id, kind, title, due_on) VALUES (?, 'deadline', ?, '2020-01-01')",
    );
    for (let i = 0; i < CASES; i++) {
      const { id } = client.get(`Client${i}`) as { id: number };
      const made = kase.get(id) as { id: number };
      if (i < OVERDUE) deadline.run(made.id, `Send records ${i}`);
    }
    const contact = db.prepare("INSERT INTO contacts (kind, name) VALUES ('insurer', ?)");
    for (let i = 0; i < CONTACTS; i++) contact.run(`Insurer ${String(i).padStart(3, '0')}`);
  })();
  engine.close();
}

const rows = (page: Page, table: string) =>
  page.getByRole('table', { name: table }).locator('tbody tr').count();

describe('lists in a large library', () => {
  test('each list shows a page with its count, and more on request', async () => {
    seed(harness.dbPath);
    const host = await harness.startHost();
    const page = await harness.openApp(host.url);
    const base = host.url.split('#')[0];

    // The case list: 50 of 120, then 100, then all, and the button goes.
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `${CASES} cases` })
      .waitFor();
    await expect.poll(() => rows(page, 'Cases')).toBe(50);
    await page.getByText(`Showing 50 of ${CASES} cases`).waitFor();
    await page.getByRole('button', { name: 'Show 50 more' }).click();
    await expect.poll(() => rows(page, 'Cases')).toBe(100);
    await page.getByRole('button', { name: 'Show 20 more' }).click();
    await expect.poll(() => rows(page, 'Cases')).toBe(CASES);
    expect(await page.getByRole('button', { name: /^Show \d+ more$/ }).count()).toBe(0);

    // A search of the case list starts again at one page of its own matches.
    await page.getByLabel('Find cases').fill('pagewell client119');
    await page.getByRole('status').filter({ hasText: '1 case' }).waitFor();
    await page.getByLabel('Find cases').fill('pagewell');
    await page.getByText(`Showing 50 of ${CASES} cases`).waitFor();
    await expect.poll(() => rows(page, 'Cases')).toBe(50);

    // The search page pages the same way.
    await page.goto(`${base}#/search?q=deep%20tms`);
    await page.getByText(`Showing 50 of ${CASES} matching cases`).waitFor();
    await page.getByRole('button', { name: 'Show 50 more' }).click();
    await expect.poll(() => rows(page, 'Search results')).toBe(100);

    // Clients: a hundred at a time, and a box to find one.
    await page.goto(`${base}#/clients`);
    await page
      .getByRole('status')
      .filter({ hasText: `${CASES} clients` })
      .waitFor();
    await page.getByText(`Showing 100 of ${CASES} clients`).waitFor();
    await page.getByLabel('Find clients').fill('client7');
    await page.getByRole('status').filter({ hasText: '11 clients' }).waitFor();

    // Contacts likewise.
    await page.goto(`${base}#/contacts`);
    await page.getByText(`Showing 100 of ${CONTACTS} contacts`).waitFor();
    await page.getByRole('button', { name: 'Show 30 more' }).click();
    await expect.poll(() => rows(page, 'Contacts')).toBe(CONTACTS);

    // The dashboard counts every overdue deadline but lists a page of them.
    await page.goto(`${base}#/dashboard`);
    await page.getByRole('heading', { name: 'Overdue and due in the next 7 days' }).waitFor();
    await expect
      .poll(() => page.locator('.tile-bad .tile-count').first().textContent())
      .toBe(String(OVERDUE));
    await page.getByText(`Showing 20 of ${OVERDUE} overdue`).waitFor();
    await expect.poll(() => rows(page, 'Overdue and due in the next 7 days')).toBe(20);
    await page.getByRole('button', { name: 'Show 7 more' }).click();
    await expect.poll(() => rows(page, 'Overdue and due in the next 7 days')).toBe(OVERDUE);
  });
});
