// Reviewing facts proposed from an imported document: accept, reject, and see them on the case.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
const fixture = resolve('../shared/fixtures/word/clinical/progress-note-trd.docx');

beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

interface Detail {
  treatments: { name: string; drugClass: string | null; sourceDocumentId: number | null }[];
  diagnoses: { icd10Code: string; sourceDocumentId: number | null }[];
  documents: { id: number }[];
}

describe('Fact review', () => {
  test('accepted facts enter the case with their source; rejected ones do not', async () => {
    const host = await harness.startHost();
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Jordan',
      lastName: 'Rivera',
    });
    const created = await apiCall<{ id: number }>(host.url, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'TMS',
    });

    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Jordan Rivera' }).click();
    await page.getByRole('heading', { name: /Jordan Rivera · TMS/ }).waitFor();
    await page.getByTestId('import-input').setInputFiles([fixture]);
    await page
      .getByRole('status', { name: 'Import summary' })
      .getByText('Imported 1 of 1')
      .waitFor();

    await page.getByRole('button', { name: 'Review facts in progress-note-trd.docx' }).click();
    const dialog = page.getByRole('dialog', { name: 'Review facts: progress-note-trd.docx' });
    const sertraline = dialog.getByTestId('proposal').filter({ hasText: 'Sertraline (SSRI)' });
    await sertraline.waitFor();
    expect(await sertraline.textContent()).toContain('200 mg daily');

    // Selecting a proposal highlights its passage in the text.
    await sertraline.locator('.proposal-summary').click();
    await expect
      .poll(() => dialog.getByTestId('review-text').locator('mark').textContent())
      .toContain('Sertraline');

    await sertraline.getByRole('button', { name: /^Accept / }).click();
    await sertraline.getByText('Added ✓').waitFor();

    const f411 = dialog.getByTestId('proposal').filter({ hasText: 'F41.1' });
    await f411.getByRole('button', { name: /^Accept / }).click();
    await f411.getByText('Added ✓').waitFor();

    // Rejected: gone from the list, and never enters the case.
    const bupropion = dialog.getByTestId('proposal').filter({ hasText: 'Bupropion' });
    await bupropion.getByRole('button', { name: /^Reject / }).click();
    await bupropion.waitFor({ state: 'detached' });
    await dialog.getByText('1 rejected.').waitFor();

    await dialog.screenshot({ path: '/tmp/facts.png' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const treatments = page.locator('section', {
      has: page.getByRole('heading', { name: 'Treatment history' }),
    });
    await treatments.getByRole('cell', { name: 'Sertraline' }).waitFor();
    expect(await treatments.getByText('Bupropion').count()).toBe(0);
    const diagnoses = page.locator('section', {
      has: page.getByRole('heading', { name: 'Diagnoses' }),
    });
    await diagnoses.getByText('F41.1').waitFor();
    expect(await diagnoses.getByText('F33.2').count()).toBe(0);

    const detail = await apiCall<Detail>(host.url, 'cases.get', { id: created.id });
    const docId = detail.documents[0]!.id;
    expect(detail.treatments.map((t) => [t.name, t.drugClass, t.sourceDocumentId])).toEqual([
      ['Sertraline', 'SSRI', docId],
    ]);
    expect(detail.diagnoses.map((d) => [d.icd10Code, d.sourceDocumentId])).toEqual([
      ['F41.1', docId],
    ]);
    await page.close();
  });

  test('case, client and denial facts update the case, client and log', async () => {
    const host = await harness.startHost();
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'J',
      lastName: 'R',
    });
    const created = await apiCall<{ id: number }>(host.url, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'Ketamine',
      treatmentCodes: '96365',
    });
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'J R' }).click();
    await page
      .getByTestId('import-input')
      .setInputFiles([
        resolve('../shared/fixtures/word/clinical/denial-ketamine-erisa.docx'),
        resolve('../shared/fixtures/word/clinical/intake-form.docx'),
      ]);
    await page
      .getByRole('status', { name: 'Import summary' })
      .getByText('Imported 2 of 2')
      .waitFor();

    await page.getByRole('button', { name: 'Review facts in denial-ketamine-erisa.docx' }).click();
    let dialog = page.getByRole('dialog', { name: /^Review facts: denial/ });
    for (const text of [
      'Member ID: AHP-5531-0098',
      'CPT · 96365',
      'HCPCS · J3490',
      'The requested service',
      'Reference number: UM-2026',
    ]) {
      const item = dialog.getByTestId('proposal').filter({ hasText: text });
      await item.getByRole('button', { name: /^Accept / }).click();
      await item.getByText('Added ✓').waitFor();
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Review facts in intake-form.docx' }).click();
    dialog = page.getByRole('dialog', { name: /^Review facts: intake/ });
    const name = dialog.getByTestId('proposal').filter({ hasText: 'Name: Jordan A. Rivera' });
    await name.getByRole('button', { name: /^Accept / }).click();
    await name.getByText('Added ✓').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: /Jordan A\. Rivera · Ketamine/ }).waitFor();

    const detail = await apiCall<{
      case: { memberId: string; treatmentCodes: string };
      client: { firstName: string; lastName: string };
      communications: { occurredOn: string; referenceNumber: string | null; summary: string }[];
    }>(host.url, 'cases.get', { id: created.id });
    expect(detail.case.memberId).toBe('AHP-5531-0098');
    expect(detail.case.treatmentCodes).toBe('96365, J3490');
    expect(detail.client).toMatchObject({ firstName: 'Jordan A.', lastName: 'Rivera' });
    expect(detail.communications.map((c) => c.occurredOn)).toEqual(['2026-09-18', '2026-09-18']);
    expect(detail.communications.some((c) => c.summary.startsWith('Denial: The requested'))).toBe(
      true,
    );
    expect(detail.communications.some((c) => c.referenceNumber === 'UM-2026-0918-4471')).toBe(true);
    await page.close();
  });
});
