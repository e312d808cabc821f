// A scan imported from the case page: the picker offers pictures, the scan is read by OCR in
// the import workers, and the preview shows its words under the note that OCR read them.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { officeCopies } from '../fixtures/office-copies';
import { scansOf } from '../fixtures/scans';
import { Harness, apiCall } from './harness';

const harness = new Harness();
const intake = resolve('../shared/fixtures/word/clinical/intake-form.docx');

beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

describe('scans in a browser', () => {
  test('a faxed TIFF and a photo of a page import by OCR and preview with the OCR note', async () => {
    const [pdf] = officeCopies([intake], 'pdf', harness.dir);
    const scans = scansOf(pdf!, harness.dir, 'intake-form', 1);
    const photo = join(harness.dir, 'intake-photo.jpg');
    copyFileSync(scans.jpeg, photo);

    const host = await harness.startHost();
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Rosa',
      lastName: 'Delgado',
    });
    await apiCall(host.url, 'cases.create', { clientId: client.id, requestedTreatment: 'TMS' });
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Rosa Delgado' }).click();
    await page.getByText(/read by OCR/).waitFor();

    await page.getByTestId('import-input').setInputFiles([scans.tiff, photo]);
    const summary = page.getByRole('status', { name: 'Import summary' });
    await summary.getByText('Imported 2 of 2').waitFor({ timeout: 60_000 });

    for (const name of ['intake-form.tif', 'intake-photo.jpg']) {
      await page.getByRole('button', { name, exact: true }).click();
      const preview = page.getByRole('dialog', { name });
      await preview
        .getByRole('note')
        .getByText(/Read by OCR \(mean confidence \d+%\)/)
        .waitFor();
      await preview
        .getByTestId('document-preview')
        .getByText(/Date of birth/)
        .first()
        .waitFor();
      await page.keyboard.press('Escape');
      await preview.waitFor({ state: 'detached' });
    }
    await page.close();
  }, 180_000);

  test('the built import worker (what the app ships) reads a scan', () => {
    mkdirSync(join(harness.dir, 'built'));
    const [pdf] = officeCopies([intake], 'pdf', join(harness.dir, 'built'));
    const scans = scansOf(pdf!, join(harness.dir, 'built'), 'intake', 1);
    const worker = pathToFileURL(resolve('out/main/convert-worker.mjs')).href;
    const read = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { default: convert } = await import(${JSON.stringify(worker)});
const { readFileSync } = await import('node:fs');
const r = await convert({ format: 'png', bytes: readFileSync(${JSON.stringify(scans.pages[0])}) });
console.log(JSON.stringify(r));
process.exit(0);`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    const result = JSON.parse(read.trim().split('\n').at(-1)!);
    expect(result).toMatchObject({ ok: true, source: 'ocr' });
    expect(result.text).toMatch(/Date of birth/);
  }, 120_000);
});
