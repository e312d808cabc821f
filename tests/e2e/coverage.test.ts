// The coverage work in the real UI: a benefits check typed into its form shows the cost of the
// course in and out of network; the in-network providers tried are logged; the network-gap
// request written from them lists each one; a program's renewal lands on the dashboard; and an
// edit from a stale copy is refused, not applied.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { Harness, apiCall, isoDate as iso } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

async function seed(url: string) {
  const call = <T>(name: string, args: unknown) => apiCall<T>(url, name, args);
  await call('profile.update', { version: 0, name: 'Jordan Reyes', phone: '555-0199' });
  await call('welcome.finish', {});
  const client = await call<{ id: number }>('clients.create', {
    firstName: 'Maria',
    lastName: 'Okonkwo',
    state: 'IL',
  });
  const kase = await call<{ id: number }>('cases.create', {
    clientId: client.id,
    requestedTreatment: 'TMS',
    treatmentCodes: '90867, 90868',
    providerName: 'Dr. Ada Lovelace',
    insurerName: 'Prairie Health',
    planType: 'employer-self-funded',
    status: 'denied',
  });
  return kase.id;
}

/** A field's label, exactly, with or without the required mark. */
const label = (text: string) =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);

/** Fills a record form's fields by label and saves it. */
async function addRecord(page: Page, section: string, button: string, fields: [string, string][]) {
  const card = page.locator('section', {
    has: page.getByRole('heading', { name: section, exact: true }),
  });
  await card.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  for (const [name, value] of fields) {
    const field = dialog.getByLabel(label(name));
    if ((await field.evaluate((e) => (e as { tagName: string }).tagName)) === 'SELECT')
      await field.selectOption(value);
    else await field.fill(value);
  }
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'detached' });
  return card;
}

describe('coverage work', () => {
  test('a benefits check prices the course; the access log becomes the network-gap request', async () => {
    const host = await harness.startHost();
    const caseId = await seed(host.url);
    const page = await harness.openApp(host.url);
    await page.goto(`${new URL(host.url).origin}/#/cases/${caseId}`);
    await page
      .getByRole('navigation', { name: /sections/i })
      .getByRole('link', { name: 'Coverage' })
      .click();

    const checks = await addRecord(page, 'Benefits checks', 'Add benefits check', [
      ['Date checked', '2026-11-02'],
      ['Representative', 'Dana'],
      ['Reference number', 'BV-1102'],
      ['Prior authorization required', 'yes'],
      ['Sessions planned', '36'],
      ['In-network deductible ($)', '1500'],
      ['In-network deductible met ($)', '500'],
      ['In-network out-of-pocket maximum ($)', '4000'],
      ['In-network out-of-pocket met ($)', '0'],
      ['In-network coinsurance (%)', '20'],
      ['In-network allowed amount per session ($)', '250'],
      ['Out-of-network allowed amount per session ($)', '300'],
    ]);
    // Questions left alone stay unanswered: nothing claims a network status nobody gave.
    const row = checks.getByRole('table', { name: 'Benefits checks' }).getByRole('row').nth(1);
    expect(await row.textContent()).toMatch(/Not confirmed.*Yes/);
    const estimate = checks.locator('.cost-estimate');
    // 36 × $250 = $9,000: $1,000 of deductible, then 20% of $8,000 = $2,600 in all.
    await estimate.getByText('$2,600').waitFor();
    expect(await estimate.textContent()).toMatch(/Needs the deductible, the copay or coinsurance/);
    await estimate.screenshot({ path: '/tmp/e2e-cost-estimate.png' });

    // A mistyped amount is refused on its field, and nothing is added.
    const card = page.locator('section', {
      has: page.getByRole('heading', { name: 'Benefits checks', exact: true }),
    });
    await card.getByRole('button', { name: 'Add benefits check' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(label('Date checked')).fill('2026-11-03');
    await dialog.getByLabel(label('In-network deductible ($)')).fill('500');
    await dialog.getByLabel(label('In-network deductible met ($)')).fill('900');
    await dialog.getByRole('button', { name: 'Add benefits check' }).click();
    await dialog.getByText(/cannot be more than the deductible/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByRole('dialog')
      .waitFor({ state: 'detached' })
      .catch(async () => {
        // Leaving a form with edits asks first.
        await page.getByRole('button', { name: /Discard/ }).click();
      });
    expect(
      await card.getByRole('table', { name: 'Benefits checks' }).getByRole('row').count(),
    ).toBe(2);

    for (const [name, result] of [
      ['North Shore TMS', 'wait-too-long'],
      ['Lakeview Behavioral', 'does-not-offer'],
    ] as const)
      await addRecord(page, 'Access log: in-network providers tried', 'Add provider tried', [
        ['Provider tried', name],
        ['Date tried', '2026-10-20'],
        ['Result', result],
        ['Wait offered (days)', result === 'wait-too-long' ? '120' : ''],
      ]);
    await addRecord(page, 'Network-gap and single-case requests', 'Add network request', [
      ['Out-of-network provider', 'Dr. Ada Lovelace'],
      [
        'Clinician’s rationale',
        'She has treated Maria since 2019; no in-network TMS within 60 miles.',
      ],
    ]);

    // The coverage part links to the letters its records feed.
    await page
      .getByRole('navigation', { name: 'Coverage letters' })
      .getByRole('link', { name: 'Network-gap exception or single-case agreement request' })
      .click();
    const letters = page.getByRole('region', { name: 'Letters' });
    await expect
      .poll(() =>
        letters.getByLabel('Letter', { exact: true }).locator('option:checked').textContent(),
      )
      .toBe('Network-gap exception request');
    await letters.getByRole('button', { name: 'Preview' }).click();
    const paper = letters.getByRole('article', { name: /Preview of the Network-gap/ });
    await paper.getByText('North Shore TMS').waitFor();
    await paper.getByText('Lakeview Behavioral').waitFor();
    await paper.getByText(/no in-network TMS within 60 miles/).waitFor();
    await letters.getByRole('button', { name: 'Generate letter' }).click();
    await letters.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.screenshot({ path: '/tmp/e2e-coverage.png', fullPage: true });
  });

  test('a program’s renewal is a deadline on the dashboard; a stale edit is refused', async () => {
    const host = await harness.startHost();
    const caseId = await seed(host.url);
    const page = await harness.openApp(host.url);
    await page.goto(`${new URL(host.url).origin}/#/cases/${caseId}`);
    const renews = new Date();
    renews.setDate(renews.getDate() + 10);
    const card = await addRecord(page, 'Help beyond the plan', 'Add program', [
      ['Kind', 'manufacturer-program'],
      ['Program', 'NeuroStar patient assistance'],
      ['Status', 'enrolled'],
      ['Amount ($)', '1200'],
      ['Amount counted', 'per year'],
      ['Renews on', iso(renews)],
    ]);
    await card.getByText('$1,200 per year').waitFor();
    await page.getByText('Renew NeuroStar patient assistance').first().waitFor();

    // Another window (or the CLI) changes the program while this page holds the old copy.
    const [program] = (
      await apiCall<{ enrolments: { id: number; version: number }[] }>(host.url, 'cases.get', {
        id: caseId,
      })
    ).enrolments;
    await card.getByRole('button', { name: /Edit program/ }).click();
    const dialog = page.getByRole('dialog');
    await apiCall(host.url, 'enrolments.update', {
      id: program!.id,
      version: program!.version,
      values: { cap: 5000 },
    });
    await dialog.getByLabel(label('Cap ($)')).fill('3000');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const conflict = dialog.getByRole('region', { name: /changed since you opened it/i });
    await conflict.waitFor();
    const after = await apiCall<{ enrolments: { cap: number }[] }>(host.url, 'cases.get', {
      id: caseId,
    });
    expect(after.enrolments[0]!.cap).toBe(5000);
    await conflict.getByRole('button', { name: 'Take the newer values' }).click();
    await expect.poll(() => dialog.getByLabel(label('Cap ($)')).inputValue()).toBe('5000');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page
      .getByRole('region', { name: 'Coming up' })
      .getByRole('row', { name: /Renew NeuroStar patient assistance/ })
      .waitFor();
    await page.screenshot({ path: '/tmp/e2e-renewal-dashboard.png', fullPage: true });

    // A parity request sent 40 days ago and unanswered is late, and the dashboard offers the
    // complaint to the regulator; the link opens the case's letters with it chosen.
    const parity = await apiCall<{ documentId: number }>(host.url, 'letters.generate', {
      caseId,
      kind: 'parity-request',
    });
    const sent = new Date();
    sent.setDate(sent.getDate() - 40);
    await apiCall(host.url, 'letters.recordSent', {
      documentId: parity.documentId,
      expectedVersion: 0,
      sentOn: iso(sent),
      channel: 'certified-mail',
    });
    await page.reload();
    const late = page.getByRole('table', { name: 'Letters past the insurer’s time to answer' });
    await late.getByRole('link', { name: /Write the parity complaint/ }).click();
    const letters = page.getByRole('region', { name: 'Letters' });
    await expect
      .poll(() =>
        letters.getByLabel('Letter', { exact: true }).locator('option:checked').textContent(),
      )
      .toBe('Parity complaint to the regulator');
    await letters.getByRole('button', { name: 'Preview' }).click();
    await letters
      .getByRole('article', { name: /Preview of the Parity complaint/ })
      .getByText(/Employee Benefits Security Administration/)
      .first()
      .waitFor();
  });
});
