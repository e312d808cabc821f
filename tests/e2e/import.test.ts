// Importing Word files from the case page: picker, one-at-a-time upload, summary, and a safe preview.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
const fixture = resolve('../shared/fixtures/word/clinical/denial-ketamine-erisa.docx');

beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

describe('Word import in a browser', () => {
  test('a good .docx is imported, a bad .doc is refused with a reason, and the preview is safe', async () => {
    const host = await harness.startHost();
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Ana',
      lastName: 'Reyes',
    });
    await apiCall(host.url, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'Ketamine infusion',
    });
    const bad = join(harness.dir, 'notes.doc');
    writeFileSync(bad, 'Just some notes typed into a file named .doc\n');

    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Ana Reyes' }).click();
    await page.getByRole('heading', { name: /Ana Reyes · Ketamine infusion/ }).waitFor();
    await page.getByText('No documents kept with this case yet.').waitFor();
    await page.getByRole('button', { name: 'Import files' }).waitFor();

    await page.getByTestId('import-input').setInputFiles([fixture, bad]);

    const summary = page.getByRole('status', { name: 'Import summary' });
    await summary.getByText('Imported 1 of 2').waitFor();
    await summary.locator('.import-ok').getByText('denial-ketamine-erisa.docx').waitFor();
    const refused = summary.locator('.import-refused li');
    await expect.poll(() => refused.count()).toBe(1);
    const reason = (await refused.textContent()) ?? '';
    expect(reason).toMatch(/^notes\.doc: \S.{10,}/);
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Documents' }) })
      .screenshot({ path: '/tmp/import-summary.png' });

    // The list refreshes with the imported file; clicking it opens the preview.
    await page.getByRole('button', { name: 'denial-ketamine-erisa.docx', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'denial-ketamine-erisa.docx' });
    const paper = dialog.getByTestId('document-preview');
    await paper.getByText('Notice of Adverse Benefit Determination').first().waitFor();

    // Nothing live survives sanitising.
    const count = (selector: string) => paper.locator(selector).count();
    const unsafe = {
      scripts: await count('script, style, iframe, object, embed, form, input, button'),
      handlers: await count(`xpath=.//*[@*[starts-with(translate(name(), 'ON', 'on'), 'on')]]`),
      links: await count('a[href]'),
      remoteImages: await count('img:not([src^="data:"])'),
    };
    expect(await count('p')).toBeGreaterThan(3);
    expect(unsafe).toEqual({ scripts: 0, handlers: 0, links: 0, remoteImages: 0 });

    await dialog.screenshot({ path: '/tmp/preview.png' });

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Dropping files on the section imports them too; the section highlights while dragging.
    const section = page.locator('section.drop-zone');
    const dataTransfer = await page.evaluateHandle(
      `(() => { const dt = new DataTransfer(); dt.items.add(new File(['plain words'], 'dropped.doc')); return dt; })()`,
    );
    await section.dispatchEvent('dragenter', { dataTransfer });
    await expect.poll(() => section.getAttribute('class')).toContain('dragging');
    await section.dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => section.getAttribute('class')).not.toContain('dragging');
    await summary.getByText('Imported 0 of 1').waitFor();
    await summary
      .locator('.import-refused')
      .getByText(/^dropped\.doc: \S/)
      .waitFor();

    // A picked folder imports its Word files and ignores everything else in it.
    const folder = join(harness.dir, 'records');
    mkdirSync(folder);
    copyFileSync(
      resolve('../shared/fixtures/word/clinical/intake-form.docx'),
      join(folder, 'intake.docx'),
    );
    writeFileSync(join(folder, 'scan-list.txt'), 'not a Word file');
    writeFileSync(join(folder, '~$intake.docx'), 'Word lock file');
    await page.getByTestId('import-folder-input').setInputFiles(folder);
    await summary.getByText('Imported 1 of 1').waitFor();
    await page.getByRole('button', { name: 'intake.docx', exact: true }).waitFor();
    await page.close();
  });
});
