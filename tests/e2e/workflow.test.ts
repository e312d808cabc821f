// The appeal workflow in a browser: record a denial, see the computed deadline and its rule, use
// the letter's date instead, find it on the dashboard and in the calendar file, and log a call
// from the case with the L key.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CaseWorkflow } from '../../electron/contract/workflow';
import { addDays } from '../../electron/engine/deadlines/plain-date';
import { openEngine } from '../../electron/engine';
import { Harness, apiCall } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

/** How the app writes a calendar date ("Mar 1, 2025"). */
const shown = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

describe('appeal workflow', () => {
  test('a denial gets its deadline and rule, the letter’s date wins, and a call is logged by key', async () => {
    const host = await harness.startHost();
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Rosa',
      lastName: 'Iglesias',
      state: 'IL',
    });
    const kase = await apiCall<{ id: number }>(host.url, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'Esketamine nasal spray',
      insurerName: 'Prairie Health',
      planType: 'employer-self-funded',
    });
    // Today in the client's state; a notice 178 days ago leaves 2 days under the 180-day rule.
    const { today } = await apiCall<CaseWorkflow>(host.url, 'workflow.get', { caseId: kase.id });
    const deniedOn = addDays(today, -178);
    const computed = addDays(today, 2);
    const letter = addDays(today, 1);

    const page = await harness.openApp(host.url);
    await page.goto(`${host.url.split('#')[0]}#/cases/${kase.id}`);
    await page.getByRole('heading', { name: 'Appeal workflow' }).waitFor();

    // Record the denial: the deadline and the rule appear as soon as the notice date is in.
    await page.getByRole('button', { name: 'Record denial' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date on the notice').fill(deniedOn);
    const preview = dialog.getByRole('complementary', { name: 'Appeal deadline' });
    await expect
      .poll(() => preview.getByTestId('computed-deadline').textContent())
      .toBe(shown(computed));
    await expect
      .poll(() => preview.getByTestId('deadline-rule').textContent())
      .toContain('29 CFR 2560.503-1(h)(3)(i)');
    await dialog.getByLabel('Reference number').fill('PA-55120');
    await dialog.getByLabel('Service denied').fill('Esketamine nasal spray (G2083)');
    await dialog
      .getByLabel('Reason, word for word')
      .fill('Not medically necessary: two adequate antidepressant trials are not documented.');
    // The letter prints an earlier date: use it instead of the computed one.
    await dialog.getByLabel('Deadline stated on the letter').fill(letter);
    await dialog.getByRole('button', { name: /Use the letter’s date/ }).click();
    expect(await dialog.getByLabel('Use this deadline instead').inputValue()).toBe(letter);
    await dialog.getByRole('button', { name: 'Record denial' }).click();
    await dialog.waitFor({ state: 'detached' });

    const denial = page.locator('.denial');
    await expect
      .poll(() => denial.getByTestId('denial-deadline').textContent())
      .toBe(shown(letter));
    await denial.getByText(`your date (rule: ${shown(computed)})`).waitFor();
    await denial.getByText('two adequate antidepressant trials are not documented').waitFor();
    // The case moved to Denied on the notice's date, and the move is in its history.
    await page.locator('.timeline').getByText('Intake →').waitFor();
    expect(await page.locator('.timeline li').first().textContent()).toContain('Denied');
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('denied');

    // L opens the log with today's date and the focus in its first field.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('l');
    await dialog.getByRole('heading', { name: 'Log a call or letter' }).waitFor();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(
      'log-occurredOn',
    );
    expect(await dialog.getByLabel('Date').inputValue()).toBe(today);
    await dialog.getByLabel('Person spoken to').fill('Dana, appeals unit');
    await dialog.getByLabel('Reference number').fill('CALL-7781');
    await dialog.getByLabel('Summary').fill('Confirmed the denial; asked for the claim file.');
    await dialog.getByRole('button', { name: 'Add to log' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'CALL-7781' }).waitFor();

    // The dashboard lists the deadline as due tomorrow.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    const due = page.getByRole('region', { name: 'Overdue and due in the next 7 days' });
    const row = due.getByRole('row', { name: /File: Internal appeal \(level 1\)/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(shown(letter));
    expect(await row.textContent()).toContain('tomorrow');
    expect(await row.textContent()).toContain('Rosa Iglesias');

    // ...and the calendar file carries it as an all-day event on the letter's date.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download calendar (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('advocate-desk-deadlines.ics');
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain(`DTSTART;VALUE=DATE:${letter.replaceAll('-', '')}`);
    expect(ics).toContain('BEGIN:VCALENDAR\r\n');
    // By default the client appears by initials only; full names only when ticked.
    const unfolded = (text: string) => text.replace(/\r\n[ \t]/g, '');
    expect(unfolded(ics)).toContain('(R.I.)');
    expect(ics).not.toContain('Iglesias');
    await page.getByLabel('Full names').check();
    const [named] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download calendar (.ics)' }).click(),
    ]);
    expect(unfolded(readFileSync((await named.path())!, 'utf8'))).toContain('(Rosa Iglesias)');
    await page.close();
  });

  test('a request another process records as sent shows as late once its decision time passes', async () => {
    const host = await harness.startHost();
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Omar',
      lastName: 'Haddad',
      state: 'IL',
    });
    const kase = await apiCall<{ id: number }>(host.url, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'TMS',
      insurerName: 'Lakeshore Mutual',
      planType: 'employer-self-funded',
      openedOn: '2024-01-02',
    });
    const { today } = await apiCall<CaseWorkflow>(host.url, 'workflow.get', { caseId: kase.id });
    const page = await harness.openApp(host.url);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    const waiting = page.getByRole('region', {
      name: 'Waiting on the insurer past its decision time',
    });
    await waiting.getByText('No insurer is late on a decision.').waitFor();

    // The CLI's way in: its own engine on the same file, while the app has it open. An employer
    // plan has 15 days to decide a pre-service request sent 20 days ago.
    const other = openEngine({ databasePath: harness.dbPath, appVersion: 'e2e-cli' });
    const moved = await other.call('stages.move', {
      caseId: kase.id,
      to: 'prior-auth-submitted',
      movedOn: addDays(today, -20),
      claimType: 'pre-service',
    });
    other.close();
    expect(moved).toMatchObject({ ok: true });

    await page.reload();
    const row = waiting.getByRole('row', { name: /Omar Haddad/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(shown(addDays(today, -5)));
    expect(await row.textContent()).toContain('5 days late');
    await page.screenshot({ path: '/tmp/e2e-waiting-dashboard.png', fullPage: true });
    await page.close();
  });
});
