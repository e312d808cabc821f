// Importing the records an advocate receives from the case page: a PDF with a text layer comes
// in with a readable preview, and a password-protected .docx asks for its password.
import axe from 'axe-core';
import officeCrypto from 'officecrypto-tool';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { officeCopies } from '../fixtures/office-copies';
import { Harness, apiCall } from './harness';

const harness = new Harness();
const denial = resolve('../shared/fixtures/word/clinical/denial-ketamine-erisa.docx');
const intake = resolve('../shared/fixtures/word/clinical/intake-form.docx');

beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

describe('PDF and protected Word files in a browser', () => {
  test('a PDF is imported and previewed; a protected .docx asks for its password, refuses a wrong one, then imports', async () => {
    const [pdf] = officeCopies([denial], 'pdf', harness.dir);
    const locked = join(harness.dir, 'locked-intake.docx');
    writeFileSync(
      locked,
      await officeCrypto.encrypt(readFileSync(intake), { password: 'Heron-9' }),
    );

    const host = await harness.startHost();
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Lena',
      lastName: 'Ortiz',
    });
    await apiCall(host.url, 'cases.create', { clientId: client.id, requestedTreatment: 'TMS' });
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Lena Ortiz' }).click();
    await page.getByRole('button', { name: 'Import files' }).waitFor();
    await page.getByText(/PDFs with a text layer/).waitFor();

    await page.getByTestId('import-input').setInputFiles([pdf!, locked]);
    const ask = page.getByRole('dialog', { name: 'Password for locked-intake.docx' });
    await ask.getByLabel('Password').fill('wrong one');
    await ask.getByRole('button', { name: 'Open and import' }).click();
    await ask
      .getByRole('alert')
      .getByText(/not right for this file/)
      .waitFor();
    // The dialog, with its complaint showing, passes the same WCAG scan as every screen.
    await page.evaluate(axe.source);
    const scan = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
    )) as axe.AxeResults;
    expect(scan.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await ask.getByLabel('Password').fill('Heron-9');
    await ask.getByRole('button', { name: 'Open and import' }).click();
    await ask.waitFor({ state: 'detached' });

    const summary = page.getByRole('status', { name: 'Import summary' });
    await summary.getByText('Imported 2 of 2').waitFor();

    await page.getByRole('button', { name: 'denial-ketamine-erisa.pdf', exact: true }).click();
    const preview = page.getByRole('dialog', { name: 'denial-ketamine-erisa.pdf' });
    await preview
      .getByTestId('document-preview')
      .getByText('Notice of Adverse Benefit Determination')
      .waitFor();
    await preview.screenshot({ path: '/tmp/pdf-preview.png' });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'locked-intake.docx', exact: true }).waitFor();
    await page.close();
  }, 120_000);
});
