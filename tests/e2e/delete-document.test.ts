// Deleting a document from the case page: asked first, then gone from the list, from search and
// from the library.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
const fixture = resolve('../shared/fixtures/word/clinical/denial-ketamine-erisa.docx');

beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

describe('deleting a document in a browser', () => {
  test('asks, then removes it from the case and from search', async () => {
    const host = await harness.startHost();
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Ana',
      lastName: 'Reyes',
    });
    const kase = await apiCall<{ id: number }>(host.url, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'Ketamine infusion',
    });
    await apiCall(host.url, 'documents.import', { caseId: kase.id, paths: [fixture] });
    const found = () => apiCall<unknown[]>(host.url, 'search', { query: 'Adverse Benefit' });
    expect((await found()).length).toBe(1);

    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Ana Reyes' }).click();
    const name = 'denial-ketamine-erisa.docx';
    await page.getByRole('button', { name, exact: true }).waitFor();

    // Cancelling keeps it.
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete document?' });
    await dialog.getByText(`${name} will be removed from the case`).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name, exact: true }).waitFor();

    await page.getByRole('button', { name: `Delete ${name}` }).click();
    await dialog.getByRole('button', { name: 'Delete document' }).click();
    await page.getByText('No documents kept with this case yet.').waitFor();
    expect(await found()).toEqual([]);
  });
});
