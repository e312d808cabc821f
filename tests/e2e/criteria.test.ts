// Payer criteria in the real UI: a case takes the starter set suggested from its insurer and
// treatment, shows which criteria its records meet and which not, the advocate answers a
// question, the readiness list follows the set, and the letter answers the criteria one by one.
// A criteria set is then copied and edited on its own screen.
import mammoth from 'mammoth';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

describe('payer criteria', () => {
  test('a case linked to a starter set, a question answered, a letter that walks the criteria', async () => {
    const host = await harness.startHost();
    const call = <T>(name: string, args: unknown) => apiCall<T>(host.url, name, args);
    await call('profile.update', { version: 0, name: 'Sam Advocate' });
    await call('contacts.create', {
      kind: 'insurer',
      name: 'Appeals Unit',
      organisation: 'Aetna',
    });
    const client = await call<{ id: number }>('clients.create', {
      firstName: 'Maria',
      lastName: 'Okonkwo',
      dateOfBirth: '1984-06-02',
      state: 'IL',
    });
    const kase = await call<{ id: number }>('cases.create', {
      clientId: client.id,
      requestedTreatment: 'Transcranial magnetic stimulation (TMS)',
      insurerName: 'Aetna Choice POS II',
      providerName: 'Dr. Ada Lovelace',
      providerPractice: 'Lakeside Psychiatry',
      treatmentPlan: '30 sessions over six weeks, outpatient',
      memberId: 'W123456789',
    });
    await call('diagnoses.create', {
      caseId: kase.id,
      values: { icd10Code: 'F33.2', description: 'MDD, recurrent, severe' },
    });
    for (const [name, drugClass] of [
      ['Sertraline', 'SSRI'],
      ['Bupropion XL', 'NDRI'],
    ])
      await call('treatments.create', {
        caseId: kase.id,
        values: {
          kind: 'medication',
          name,
          drugClass,
          startedOn: '2023-01',
          endedOn: '2023-05',
          reasonStopped: 'No response',
        },
      });

    const page = await harness.openApp(host.url);
    await page.goto(`${new URL(host.url).origin}/#/cases/${kase.id}`);
    const section = page.getByRole('region', { name: 'Payer criteria' });
    await section.waitFor();

    // Suggested from the insurer and the treatment; the advocate takes it.
    const suggestion = section.getByRole('status').filter({ hasText: 'Suggested' });
    await suggestion.getByText(/Aetna: Transcranial Magnetic Stimulation.*\(CPB 0469\)/).waitFor();
    await suggestion.getByRole('button', { name: 'Use this set' }).click();
    const criteria = section.getByRole('list', { name: /^Criteria of Aetna/ });
    await criteria.waitFor();
    await section.getByText(/An example from a public policy/).waitFor();

    const item = (key: string) => criteria.locator(`li[data-criterion="${key}"]`);
    await expect.poll(() => item('age').locator('.badge').textContent()).toBe('Met');
    expect(await item('age').textContent()).toContain('Age 42');
    expect(await item('dx').textContent()).toContain('F33.2');
    expect(await item('classes').textContent()).toContain('SSRI: Sertraline');
    expect(await item('augment').locator('.badge').textContent()).toBe('Not met');
    expect(await item('augment').textContent()).toContain('To gather: Add the augmentation trials');
    expect(await item('device').locator('.badge').textContent()).toBe('Unknown');

    // The readiness list is the set's while it is linked.
    await page.getByRole('heading', { name: 'Readiness against Aetna’s criteria' }).waitFor();

    // The advocate answers a question; it is kept with the case.
    await item('device')
      .getByLabel(/^Where it is documented, for: FDA-cleared device/)
      .fill('NeuroStar, FDA-cleared for MDD');
    await item('device')
      .getByRole('button', { name: /^Yes, documented/ })
      .click();
    await expect.poll(() => item('device').locator('.badge').textContent()).toBe('Met');
    expect(await item('device').textContent()).toContain(
      'Confirmed by the advocate: NeuroStar, FDA-cleared for MDD',
    );
    await page.screenshot({ path: '/tmp/e2e-case-criteria.png', fullPage: true });
    await page.reload();
    await expect.poll(() => item('device').locator('.badge').textContent()).toBe('Met');

    // The letter: its checklist names what is not met; the letter answers each criterion.
    const letters = page.getByRole('region', { name: 'Letters' });
    await letters
      .getByLabel('Letter', { exact: true })
      .selectOption({ label: 'Letter of medical necessity' });
    await letters.getByLabel('To', { exact: true }).selectOption({ label: 'Appeals Unit — Aetna' });
    const lacking = letters.getByRole('region', { name: 'What the letter will lack' });
    await lacking.waitFor();
    const showAll = lacking.getByRole('button', { name: /^Show all/ });
    if (await showAll.isVisible()) await showAll.click();
    await lacking.getByText(/criterion not met: “Also failed augmentation therapy\.”/).waitFor();
    await letters.getByRole('button', { name: 'Generate letter' }).click();
    const saved = letters.getByRole('status').filter({ hasText: 'Saved' });
    await saved.waitFor();
    const fileName = (await saved.locator('strong').textContent()) ?? '';
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      saved.getByRole('button', { name: /^Save a copy of / }).click(),
    ]);
    const path = join(harness.dir, fileName);
    await download.saveAs(path);
    const { value: text } = await mammoth.extractRawText({ path });
    expect(text).toMatch(/Aetna.s criteria, one by one/);
    expect(text).toMatch(/FDA-cleared device.*\n*.*Met: Confirmed by the advocate: NeuroStar/);
    expect(text).toMatch(/15 or older \(2026 version\)\.\s*Met: Age 42/);
    expect(text).toMatch(
      /Also failed augmentation therapy\.\s*\[evidence for this criterion needed\]/,
    );
    expect(text).not.toMatch(/Also failed augmentation therapy\.\s*Met/);
    await page.close();
  });

  test('a starter set is copied and its copy edited on the criteria screen', async () => {
    const host = await harness.startHost();
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Payer criteria' }).first().click();
    await page.getByRole('heading', { name: 'Payer criteria' }).waitFor();
    await page.getByRole('button', { name: /^Copy Centene/ }).click();
    await page.getByRole('heading', { name: /\(copy\)$/ }).waitFor();
    await page.getByLabel('Policy number').fill('CP.BH.200 (checked 2026)');
    const first = page.getByRole('group', { name: 'Criterion 1', exact: true });
    expect(await first.getByLabel('Checks').inputValue()).toBe('age');
    await first.getByLabel('Youngest age').fill('21');
    await page.getByRole('button', { name: 'Add criterion' }).click();
    const added = page.getByRole('group').last();
    await added.getByLabel('Checks').selectOption('score-threshold');
    await added.getByLabel('The policy’s words').fill('MADRS of 20 or more.');
    await added.getByLabel('Instruments (blank: any)').fill('MADRS');
    await added.getByLabel('Latest score at least').fill('20');
    await page.getByRole('button', { name: 'Save criteria set' }).click();
    await page.getByRole('status').filter({ hasText: 'Criteria set saved.' }).waitFor();

    const sets = await apiCall<{ id: number; policyNumber: string | null }[]>(
      host.url,
      'criteria.list',
      {},
    );
    const copy = sets.find((s) => s.policyNumber === 'CP.BH.200 (checked 2026)')!;
    const stored = await apiCall<{
      starterKey: string | null;
      criteria: { key: string; kind: string; min: number | null; instruments: string[] | null }[];
    }>(host.url, 'criteria.get', { id: copy.id });
    expect(stored.starterKey).toBeNull();
    expect(stored.criteria[0]).toMatchObject({ key: 'age', kind: 'age', min: 21 });
    expect(stored.criteria.at(-1)).toMatchObject({
      kind: 'score-threshold',
      min: 20,
      instruments: ['MADRS'],
    });
    await page.screenshot({ path: '/tmp/e2e-criteria-set.png', fullPage: true });
    await page.close();
  });
});
