// Facts as precise as the record, in the real UI: a client entered with a three-part name and
// how letters refer to him, a treatment whose dates are only months (class filled from the
// vocabulary when saved), a diagnosis dated by its year, and a generated letter
// that prints "March 2019", "about 8 months" and "Mr. Rivera".
import mammoth from 'mammoth';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

describe('facts as precise as the record', () => {
  test('a month-only date and a three-part name reach the letter as the record has them', async () => {
    const host = await harness.startHost();
    const call = <T>(name: string, args: unknown) => apiCall<T>(host.url, name, args);
    await call('profile.update', { version: 0, name: 'Sam Advocate', phone: '312 555 0100' });
    await call('contacts.create', {
      kind: 'insurer',
      name: 'Dr. Helen Park',
      title: 'Medical Director',
      organisation: 'Prairie Health',
    });
    const page = await harness.openApp(host.url);

    // The client, in parts, and how letters are to refer to him.
    await page.getByRole('link', { name: 'New client' }).first().click();
    await page.getByLabel('First name').fill('Jordan');
    await page.getByLabel('Middle name').fill('A.');
    await page.getByLabel('Last name').fill('Rivera');
    await page.getByLabel('Letters call them').selectOption('title-last');
    await page.getByRole('button', { name: 'Create client' }).click();
    // No title to put before the last name yet: the form says so beside the field.
    await page.getByText('Title must be chosen for letters to say "Mr. Rivera"').waitFor();
    await page.getByLabel('Title', { exact: true }).selectOption('Mr.');
    await page.getByLabel('Phone').fill('(555) 123 4567');
    await page.screenshot({ path: '/tmp/e2e-client-form.png', fullPage: true });
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.getByRole('heading', { name: 'Jordan A. Rivera' }).waitFor();
    expect(await page.getByLabel('Phone').inputValue()).toBe('(555) 123-4567');

    await page.getByRole('link', { name: 'New case for this client' }).click();
    await expect.poll(() => page.getByLabel('Client').inputValue()).not.toBe('');
    await page.getByLabel('Requested treatment').fill('Esketamine nasal spray (Spravato)');
    await page.getByLabel('CPT/HCPCS codes').fill('g2083');
    await page.getByLabel('Insurer').fill('Prairie Health');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { name: /Jordan A\. Rivera · Esketamine/ }).waitFor();
    expect(await page.getByLabel('CPT/HCPCS codes').inputValue()).toBe('G2083');

    // A diagnosis dated only by its year.
    await page.getByRole('button', { name: 'Add diagnosis' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('ICD-10 code').fill('F33.2');
    await dialog.getByLabel('Diagnosed on').fill('2018');
    await dialog.getByText('Reads as 2018 (a year).').waitFor();
    await dialog.getByRole('button', { name: 'Add diagnosis' }).click();
    await page.getByRole('cell', { name: 'F33.2' }).waitFor();

    // A treatment the record dates only by month; its class comes from the vocabulary.
    await page.getByRole('button', { name: 'Add treatment' }).click();
    await dialog.getByLabel('Name').fill('Zoloft');
    await dialog.getByLabel('Dose', { exact: true }).fill('100 mg daily');
    await dialog.getByLabel('Highest dose').fill('200 mg daily');
    await dialog.getByLabel('Weeks at a therapeutic dose').fill('12');
    await dialog.getByLabel('Started').fill('03/2019');
    await dialog.getByText('Reads as March 2019 (a month).').waitFor();
    await dialog.getByLabel('Ended').fill('November 2019');
    await dialog.getByText('Reads as November 2019 (a month).').waitFor();
    await dialog.getByLabel('Outcome').fill('Less than 25% improvement');
    await dialog.screenshot({ path: '/tmp/e2e-treatment-form.png' });
    await dialog.getByRole('button', { name: 'Add treatment' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Zoloft' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Mar 2019');
    expect(await row.textContent()).toContain('SSRI');
    expect(await row.textContent()).not.toContain('Mar 1, 2019');
    await page
      .getByRole('region', { name: 'Treatment history' })
      .screenshot({ path: '/tmp/e2e-case-records.png' });

    // The letter: reference line in full, prose as chosen, the month as a month.
    const letters = page.getByRole('region', { name: 'Letters' });
    await letters
      .getByLabel('Letter', { exact: true })
      .selectOption({ label: 'Letter of medical necessity' });
    await letters
      .getByLabel('To', { exact: true })
      .selectOption({ label: 'Dr. Helen Park — Prairie Health' });
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
    writeFileSync('/tmp/e2e-letter.txt', text);
    expect(text).toContain('Patient: Jordan A. Rivera, date of birth');
    expect(text).toContain('I am the treating provider for Jordan A. Rivera');
    expect(text).toContain('Mr. Rivera is diagnosed with');
    expect(text).toContain('March 2019 – November 2019');
    expect(text).toContain('about 8 months (12 weeks at a therapeutic dose)');
    expect(text).toContain('200 mg daily');
    expect(text).toContain('(G2083)');
    expect(text).not.toMatch(/March 1, 2019|Jordan A\.'s|\[drug class/);
    await page.close();
  });
});
