// Pages stay fresh: a change made elsewhere — by the CLI, a second process on the same library
// file, or in another tab — shows on the open page without reloading it, and what the advocate
// is typing stays as typed.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';
import type { Host } from './harness';

const harness = new Harness();
let host: Host;
beforeAll(async () => {
  await harness.setUp();
  host = await harness.startHost();
});
afterAll(() => harness.tearDown());

/** `advocate call NAME JSON` on the test library, as a second process. */
function advocateCall(name: string, args: unknown): unknown {
  const run = spawnSync(
    process.execPath,
    ['bin/advocate.js', '--db', harness.dbPath, 'call', name, JSON.stringify(args)],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`advocate call ${name} failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

async function newCase(lastName: string) {
  const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
    firstName: 'Rosa',
    lastName,
  });
  return apiCall<Record<string, unknown> & { id: number }>(host.url, 'cases.create', {
    clientId: client.id,
    requestedTreatment: 'Transcranial magnetic stimulation',
    insurerName: 'Prairie Health',
  });
}

describe('pages refresh when the library changes elsewhere', () => {
  test('a change made by the CLI shows on the open case page, and typing is kept', async () => {
    const kase = await newCase('Delgado');
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Rosa Delgado' }).click();
    const meta = page.locator('.page-meta');
    await meta.getByText('Prairie Health').waitFor();
    // A mark on the window: a reload of the page would take it away.
    await page.evaluate('window.stillHere = true');
    await page.getByLabel('Case notes').fill('Half-typed note about the peer review');

    advocateCall('cases.update', { ...kase, insurerName: 'Summit Mutual' });
    advocateCall('diagnoses.create', {
      caseId: kase.id,
      values: { icd10Code: 'F33.2', description: 'Major depressive disorder, recurrent, severe' },
    });

    await meta.getByText('Summit Mutual').waitFor({ timeout: 10_000 });
    const diagnoses = page.getByRole('table', { name: 'Diagnoses' });
    await diagnoses.getByText('Major depressive disorder, recurrent, severe').waitFor();
    expect(await page.evaluate('window.stillHere')).toBe(true);
    expect(await page.getByLabel('Case notes').inputValue()).toBe(
      'Half-typed note about the peer review',
    );
    await page.close();
  });

  test('a change saved in one tab shows in another tab of the same browser', async () => {
    await newCase('Ibarra');
    const context = await harness.browser!.newContext({ viewport: { width: 1400, height: 1000 } });
    const [first, second] = [await context.newPage(), await context.newPage()];
    for (const tab of [first, second]) {
      await tab.goto(host.url);
      await tab.getByRole('link', { name: 'Rosa Ibarra' }).click();
      await tab
        .locator('.page-meta')
        .getByText(/^Member ID/)
        .waitFor();
    }
    await second.getByLabel('Member ID').fill('TAB-2-ID');
    await second.getByRole('button', { name: 'Save case' }).click();
    await second.getByRole('status').getByText('Saved').waitFor();

    await first.locator('.page-meta').getByText('Member ID TAB-2-ID').waitFor({ timeout: 10_000 });

    // A list is fresh as well: a client the CLI adds appears on the open Clients page.
    await second.getByRole('link', { name: 'Clients', exact: true }).click();
    await second.getByRole('link', { name: /Ibarra/ }).waitFor();
    advocateCall('clients.create', { firstName: 'Nuevo', lastName: 'Zamora' });
    await second.getByRole('link', { name: /Zamora/ }).waitFor({ timeout: 10_000 });
    await context.close();
  });
});
