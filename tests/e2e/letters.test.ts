// Letters in the real UI: the checklist sends the advocate to the missing field, the preview
// reads like the letter, generating saves a .docx that opens and downloads; templates are edited
// with a live preview and reset.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
let opened = '';

beforeAll(async () => {
  await harness.setUp();
  // "Open in Word" runs the system's opener; here a script records what it was asked to open.
  opened = join(harness.dir, 'opened.docx');
  const opener = join(harness.dir, 'opener.sh');
  writeFileSync(opener, `#!/bin/sh\ncp "$1" "${opened}"\n`);
  chmodSync(opener, 0o755);
  process.env.ADVOCATE_DESK_OPENER = opener;
});

afterAll(() => harness.tearDown());

async function seed(url: string) {
  const call = <T>(name: string, args: unknown) => apiCall<T>(url, name, args);
  await call('profile.update', {
    version: 0,
    name: 'Jordan Reyes',
    organisation: 'Reyes Patient Advocacy',
  });
  const client = await call<{ id: number }>('clients.create', {
    firstName: 'Maria',
    lastName: 'Okonkwo',
    dateOfBirth: '1984-06-02',
  });
  const kase = await call<{ id: number }>('cases.create', {
    clientId: client.id,
    requestedTreatment: 'IV ketamine infusion series',
    insurerName: 'Prairie Health',
  });
  await call('contacts.create', {
    kind: 'insurer',
    name: 'Dr. Helen Park',
    title: 'Medical Director',
    organisation: 'Prairie Health',
  });
  await call('treatments.create', {
    caseId: kase.id,
    values: { kind: 'medication', name: 'Sertraline', drugClass: 'SSRI', dose: '200 mg' },
  });
  await call('denials.create', {
    caseId: kase.id,
    values: {
      deniedOn: '2026-10-01',
      referenceNumber: 'UM-55821',
      reason: 'Not medically necessary.',
      service: 'IV ketamine infusion series',
    },
  });
  return kase.id;
}

describe('letters', () => {
  test('the checklist leads to the missing field; the letter is generated, opened and downloaded', async () => {
    const host = await harness.startHost();
    const caseId = await seed(host.url);
    const page = await harness.openApp(host.url);
    await page.goto(`${new URL(host.url).origin}/#/cases/${caseId}`);

    const letters = page.getByRole('region', { name: 'Letters' });
    await letters
      .getByLabel('Letter', { exact: true })
      .selectOption({ label: 'Internal appeal of a denial' });
    const checklist = letters.getByRole('region', { name: 'What the letter will lack' });
    await checklist.getByText('member ID').waitFor();
    // The case's insurer is in the address book: the appeal is addressed to it already.
    await expect
      .poll(() => letters.getByLabel('To', { exact: true }).locator('option:checked').textContent())
      .toContain('Prairie Health');
    // The checklist is drawn again once the chosen recipient's preview comes back.
    await expect.poll(() => checklist.getByText('a recipient').count()).toBe(0);

    // The link lands on the member ID field, ready to type.
    await checklist.getByText('member ID').locator('..').getByRole('link').click();
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
      .toBe('case-memberId');
    await page.keyboard.type('XQZ123456789');
    await page.getByRole('button', { name: 'Save case' }).click();
    await expect.poll(() => checklist.getByText('member ID', { exact: true }).count()).toBe(0);

    await letters
      .getByLabel('To', { exact: true })
      .selectOption({ label: 'Dr. Helen Park — Prairie Health' });
    await checklist.getByText('a recipient').waitFor({ state: 'detached' });
    await letters.getByRole('button', { name: 'Preview' }).click();
    const paper = letters.getByRole('article', { name: /Preview of the Internal appeal/ });
    await paper.getByText('Dear Dr. Park').waitFor();
    await paper.getByText('UM-55821').first().waitFor();
    await page.screenshot({ path: '/tmp/e2e-letters.png', fullPage: true });

    await letters.getByRole('button', { name: 'Generate letter' }).click();
    const saved = letters.getByRole('status').filter({ hasText: 'Saved' });
    await saved.waitFor();
    const fileName = (await saved.locator('strong').textContent()) ?? '';
    expect(fileName).toMatch(/^Internal appeal - Maria Okonkwo - \d{4}-\d{2}-\d{2}\.docx$/);
    await page.getByRole('table', { name: 'Documents' }).getByText(fileName).waitFor();

    await saved.getByRole('button', { name: /^Open in Word: / }).click();
    await expect.poll(() => existsSync(opened)).toBe(true);
    expect(readFileSync(opened).subarray(0, 2).toString()).toBe('PK');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      saved.getByRole('button', { name: /^Save a copy of / }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(fileName);
    const path = join(harness.dir, 'downloaded.docx');
    await download.saveAs(path);
    expect(readFileSync(path)).toEqual(readFileSync(opened));
  });

  test('a template is edited with a live preview, saved, and reset', async () => {
    const host = await harness.startHost();
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Letter templates' }).click();
    await page.getByRole('link', { name: 'Letter to a lawmaker' }).click();
    const source = page.getByLabel('Template text');
    const original = await source.inputValue();
    await page.getByRole('article', { name: /Preview of the Letter to a lawmaker/ }).waitFor();

    await source.fill(original.replace(/\n---\n/, '\n---\nA line only this advocate writes.\n\n'));
    await page.getByText('A line only this advocate writes.').waitFor();
    await page.screenshot({ path: '/tmp/e2e-template.png', fullPage: true });

    // A broken template is explained, and not saved.
    await source.fill(original.replace('kind: lawmaker', 'kind: sonnet'));
    await page
      .getByRole('alert')
      .getByText(/kind.*must be one of/)
      .waitFor();
    await page.getByRole('button', { name: 'Save template' }).click();
    await page
      .getByRole('alert')
      .getByText(/kind.*must be one of/)
      .first()
      .waitFor();

    await source.fill(original.replace(/\n---\n/, '\n---\nA line only this advocate writes.\n\n'));
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Template saved.').waitFor();
    await page.getByRole('link', { name: 'Letter templates' }).first().click();
    await page.getByRole('row', { name: /Letter to a lawmaker.*changed by you/ }).waitFor();

    await page.getByRole('link', { name: 'Letter to a lawmaker' }).click();
    // A misspelt name is an error in the preview, with the nearest right one.
    await source.fill(original.replace(/\n---\n/, '\n---\nDear {{ client.nme }},\n\n'));
    await page
      .getByRole('alert')
      .getByText(/\{\{ client\.nme \}\}.*Did you mean \{\{ client\.name \}\}\?/)
      .waitFor();
    // The picker puts a name in at the cursor.
    await source.fill(original.replace(/\n---\n/, '\n---\nMember: \n\n'));
    await source.evaluate(
      (box: { value: string; setSelectionRange(a: number, b: number): void }) => {
        const at = box.value.indexOf('Member: ') + 'Member: '.length;
        box.setSelectionRange(at, at);
      },
    );
    await page.getByLabel('Insert a field').fill('plan.memberId');
    await page.getByRole('button', { name: 'Insert', exact: true }).click();
    await expect.poll(() => source.inputValue()).toContain('Member: {{ plan.memberId }}');

    // Reset asks first: canceling keeps the text; confirming restores the original.
    await page.getByRole('button', { name: 'Reset to original' }).click();
    const ask = page.getByRole('dialog', { name: 'Reset to the original?' });
    await ask.getByText(/edits you have not saved will be lost/).waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect(await source.inputValue()).toContain('Member: {{ plan.memberId }}');
    await page.getByRole('button', { name: 'Reset to original' }).click();
    await ask.getByRole('button', { name: 'Reset template' }).click();
    await page.getByText('Reset to the original that comes with the app.').waitFor();
    expect(await page.getByLabel('Template text').inputValue()).toBe(original);
  });

  test('an own letterhead is refused without its placeholder and used with it', async () => {
    const host = await harness.startHost();
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Profile' }).click();
    const card = page.getByRole('region', { name: 'Letterhead' });
    const docx = async (text: string) =>
      Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
    const file = card.getByLabel('Letterhead Word file');

    await file.setInputFiles({
      name: 'plain.docx',
      mimeType: 'application/octet-stream',
      buffer: await docx('Our office'),
    });
    await card
      .getByRole('alert')
      .getByText(/plain\.docx has no \{\{letter\}\} placeholder/)
      .waitFor();

    await file.setInputFiles({
      name: 'ours.docx',
      mimeType: 'application/octet-stream',
      buffer: await docx('{{letter}}'),
    });
    await card.getByText(/written on your own letterhead, ours\.docx/).waitFor();
    await card.getByRole('button', { name: 'Stop using it' }).click();
    await card.getByText(/headed with your name/).waitFor();
  });

  test('lawmakers are imported from the public files and a letter to one is addressed properly', async () => {
    const host = await harness.startHost();
    const caseId = await seed(host.url);
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('button', { name: 'Import lawmakers…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import lawmakers' });
    const fixtures = join(process.cwd(), '../shared/fixtures/contacts');
    await dialog
      .getByLabel('Members file')
      .setInputFiles(join(fixtures, 'legislators-current.yaml'));
    await dialog
      .getByLabel('District offices file')
      .setInputFiles(join(fixtures, 'legislators-district-offices.yaml'));
    await dialog.getByLabel('Only this state').fill('VT');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByText('3 lawmakers added, 0 updated.').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('cell', { name: 'Bernard Sanders', exact: true }).waitFor();

    await page.goto(`${new URL(host.url).origin}/#/cases/${caseId}`);
    const letters = page.getByRole('region', { name: 'Letters' });
    await letters
      .getByLabel('Letter', { exact: true })
      .selectOption({ label: 'Letter to a lawmaker' });
    // After those from the case itself, the lawmakers are offered first for a letter to one.
    const groups = await Promise.all(
      (await letters.getByLabel('To', { exact: true }).locator('optgroup').all()).map((g) =>
        g.getAttribute('label'),
      ),
    );
    expect(groups.filter((g) => g !== 'From this case')[0]).toBe('Lawmaker');
    await letters
      .getByLabel('To', { exact: true })
      .selectOption({ label: 'Bernard Sanders — United States Senate' });
    await letters.getByRole('button', { name: 'Preview' }).click();
    await letters.getByText('Dear Senator Sanders').waitFor();
  });
});
