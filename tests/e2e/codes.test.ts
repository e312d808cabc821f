// Codes checked against the real code sets, in the real UI: Add diagnosis refuses a code the
// ICD-10-CM code set lacks on the field itself, and a valid code fills its description; a
// treatment saved without a class gets the vocabulary's.
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

describe('codes on the case page', () => {
  test('Add diagnosis refuses an unknown code on its field, and a valid code fills the description', async () => {
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Rosa',
      lastName: 'Quintero',
    });
    await apiCall(host.url, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'Transcranial magnetic stimulation',
    });
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Rosa Quintero' }).click();

    await page.getByRole('button', { name: 'Add diagnosis' }).click();
    const dialog = page.getByRole('dialog');
    const code = dialog.getByLabel('ICD-10 code');
    await code.fill('F33.9999');
    await dialog.getByRole('button', { name: 'Add diagnosis' }).click();
    await dialog.getByText('F33.9999 is not in the ICD-10-CM FY2026 code set').waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');

    await code.fill('F33');
    await dialog.getByRole('button', { name: 'Add diagnosis' }).click();
    await dialog.getByText('choose F33.0–F33.9').waitFor();

    await code.fill('f33.2');
    await dialog.getByRole('button', { name: 'Add diagnosis' }).click();
    await dialog.waitFor({ state: 'detached' });
    const diagnoses = page.getByRole('table', { name: 'Diagnoses' });
    await diagnoses.getByRole('cell', { name: 'F33.2' }).waitFor();
    await diagnoses
      .getByText('Major depressive disorder, recurrent severe without psychotic features')
      .waitFor();

    await page.getByRole('button', { name: 'Add treatment' }).click();
    await dialog.getByLabel('Kind').selectOption('medication');
    await dialog.getByLabel('Name').fill('Wellbutrin XL');
    await dialog.getByRole('button', { name: 'Add treatment' }).click();
    await dialog.waitFor({ state: 'detached' });
    const treatments = page.getByRole('table', { name: 'Treatment history' });
    await treatments.getByRole('cell', { name: 'Wellbutrin XL NDRI' }).waitFor();
    await page.close();
  });

  test('a treatment added in Settings fills the class of a treatment saved under its name', async () => {
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Lena',
      lastName: 'Marsh',
    });
    await apiCall(host.url, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'Esketamine nasal spray',
    });
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Settings' }).first().click();
    const card = page.getByRole('region', { name: 'Treatments you added' });
    await card.getByLabel('Name', { exact: true }).fill('Zelquistinel');
    await card.getByLabel('Class', { exact: true }).fill('NMDA receptor modulator');
    await card.getByLabel('Other names').fill('GATE-251');
    await card.getByRole('button', { name: 'Add treatment' }).click();
    await card.getByRole('button', { name: 'Remove Zelquistinel' }).waitFor();

    await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
    await page.getByRole('link', { name: 'Lena Marsh' }).click();
    await page.getByRole('button', { name: 'Add treatment' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('GATE-251');
    await dialog.getByRole('button', { name: 'Add treatment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('table', { name: 'Treatment history' })
      .getByRole('cell', { name: 'GATE-251 NMDA receptor modulator' })
      .waitFor();
    await page.close();
  });
});
