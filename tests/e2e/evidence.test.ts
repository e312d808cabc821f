// The evidence library in a browser: a case's suggestions picked into its letters (cited in the
// argument and listed under References), the library searched, added to, edited and deleted, and
// a denial's kind read from the reason as it is typed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

describe('evidence library', () => {
  test('a suggested study is picked for the case and the appeal cites it under References', async () => {
    const host = await harness.startHost();
    const call = <T>(name: string, args: unknown) => apiCall<T>(host.url, name, args);
    const client = await call<{ id: number }>('clients.create', {
      firstName: 'Maria',
      lastName: 'Okonkwo',
    });
    const kase = await call<{ id: number }>('cases.create', {
      clientId: client.id,
      requestedTreatment: 'IV ketamine infusion series',
      insurerName: 'Prairie Health',
    });
    await call('diagnoses.create', {
      caseId: kase.id,
      values: { icd10Code: 'F33.2', description: 'Major depressive disorder, recurrent, severe' },
    });
    await call('contacts.create', {
      kind: 'insurer',
      name: 'Dr. Helen Park',
      organisation: 'Prairie Health',
    });

    const page = await harness.openApp(host.url);
    const origin = host.url.split('#')[0];
    await page.goto(`${origin}#/cases/${kase.id}`);
    const evidence = page.getByRole('region', { name: 'Evidence cited' });
    await evidence.getByText('Letters cite no studies yet.').waitFor();

    // Record the denial: its kind is read from the reason as it is typed.
    await page.getByRole('button', { name: 'Record denial' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date on the notice').fill('2026-10-01');
    await dialog.getByLabel('Service denied').fill('IV ketamine');
    await dialog
      .getByLabel('Reason, word for word')
      .fill(
        'IV ketamine is considered experimental and investigational under Medical Policy MP-412.',
      );
    await expect.poll(() => dialog.getByLabel('Kind of denial').inputValue()).toBe('experimental');
    await dialog
      .getByLabel('The plan’s own words (optional)')
      .fill(
        'A service is experimental when its effectiveness is not established in peer-reviewed literature.',
      );
    await dialog.getByRole('button', { name: 'Record denial' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The ELEKT-D trial is suggested for IV ketamine in depression; the CRPS trials are not.
    const suggested = evidence.getByRole('list', { name: 'Suggested citations' });
    await suggested.getByText(/ELEKT-D/).waitFor();
    expect(await suggested.getByText(/complex regional pain/i).count()).toBe(0);
    await suggested.getByRole('button', { name: /^Cite Anand/ }).click();
    const cited = evidence.getByRole('list', { name: 'Cited in this case’s letters' });
    await cited.getByText(/ELEKT-D/).waitFor();

    // Any library entry can be found and picked.
    await evidence.getByLabel('Find in the library').fill('Murrough');
    await evidence
      .getByRole('list', { name: 'Citations found' })
      .getByRole('button', { name: /^Cite Murrough/ })
      .click();
    await cited
      .getByText(/Murrough/)
      .first()
      .waitFor();

    const letters = page.getByRole('region', { name: 'Letters' });
    await letters
      .getByLabel('Letter', { exact: true })
      .selectOption({ label: 'Internal appeal of a denial' });
    await letters
      .getByLabel('To', { exact: true })
      .selectOption({ label: 'Dr. Helen Park — Prairie Health' });
    await letters.getByRole('button', { name: 'Preview' }).click();
    const paper = letters.getByRole('article', { name: /Preview of the Internal appeal/ });
    await paper.getByRole('heading', { name: 'References' }).waitFor();
    await paper.getByText(/PMID 37224232/).waitFor();
    await paper
      .getByText(/off-label/)
      .first()
      .waitFor();
    await paper
      .getByText(/peer-reviewed literature/)
      .first()
      .waitFor();
    await page.screenshot({ path: '/tmp/e2e-evidence-case.png', fullPage: true });

    // Removed from the case: the next preview no longer cites it.
    await cited.getByRole('button', { name: /^Remove Murrough/ }).click();
    await expect.poll(() => cited.getByText(/Murrough/).count()).toBe(0);
  });

  test('a letter’s own question is answered once on the case page and the letter reads it', async () => {
    const host = await harness.startHost();
    const call = <T>(name: string, args: unknown) => apiCall<T>(host.url, name, args);
    const client = await call<{ id: number }>('clients.create', {
      firstName: 'Ana',
      lastName: 'Ruiz',
    });
    const kase = await call<{ id: number }>('cases.create', {
      clientId: client.id,
      requestedTreatment: 'TMS',
    });
    const page = await harness.openApp(host.url);
    await page.goto(`${host.url.split('#')[0]}#/cases/${kase.id}`);
    const letters = page.getByRole('region', { name: 'Letters' });
    await letters
      .getByLabel('Letter', { exact: true })
      .selectOption({ label: 'Expedited (urgent) appeal' });
    await letters.getByRole('button', { name: 'Preview' }).click();
    const paper = letters.getByRole('article', { name: /Preview of the Expedited/ });
    await paper.getByText("[the physician's statement of urgency needed]").waitFor();

    const questions = page.getByRole('region', { name: 'Questions the letters ask' });
    await questions
      .getByLabel("The physician's statement of urgency")
      .fill('Ana was admitted after a suicide attempt on May 1.');
    await questions.getByRole('button', { name: /^Save answer/ }).click();
    await questions.getByRole('button', { name: /^Save answer/ }).waitFor({ state: 'detached' });
    // The open preview follows the case.
    await paper.getByText('Ana was admitted after a suicide attempt on May 1.').waitFor();
  });

  test('the library is searched, and the advocate adds, edits and deletes a citation', async () => {
    const host = await harness.startHost();
    const page = await harness.openApp(host.url);
    await page.goto(`${host.url.split('#')[0]}#/evidence`);
    await page.getByRole('heading', { name: 'Evidence library' }).waitFor();
    await page.getByRole('status').getByText('35 citations').waitFor();
    await page.getByLabel('Find', { exact: true }).fill('suicidal ideation');
    await expect
      .poll(async () => Number((await page.getByRole('status').textContent())?.split(' ')[0]))
      .toBeLessThan(35);
    await page
      .getByText(/ASPIRE/)
      .first()
      .waitFor();
    await page.getByLabel('Find', { exact: true }).fill('');

    await page.getByRole('button', { name: 'Add citation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a citation' });
    await dialog.getByLabel('Authors').fill('Smith J, et al.');
    await dialog.getByLabel('Title').fill('Ketamine infusions in older adults with depression');
    await dialog.getByLabel('DOI').fill('not a doi');
    await dialog
      .getByLabel('Finding, in one sentence')
      .fill('Infusions reduced depression scores.');
    await dialog.getByRole('button', { name: 'Add citation' }).click();
    await dialog.getByText(/must look like 10\./).waitFor();
    await dialog.getByLabel('DOI').fill('10.1016/j.jad.2022.01.001');
    await dialog.getByLabel('Treatment').selectOption('ketamine-iv');
    await dialog.getByRole('button', { name: 'Add citation' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText('36 citations').waitFor();

    await page.getByLabel('Find', { exact: true }).fill('older adults');
    const row = page.getByRole('row', { name: /older adults/ });
    await row.getByRole('button', { name: /^Edit/ }).click();
    const edit = page.getByRole('dialog', { name: 'Edit citation' });
    await edit.getByLabel('Year').fill('2022');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText('Smith J, et al. (2022)', { exact: true }).waitFor();

    await row.getByRole('button', { name: /^Delete/ }).click();
    await page
      .getByRole('dialog', { name: 'Delete this citation?' })
      .getByRole('button', { name: 'Delete citation' })
      .click();
    await page.getByText('No citation matches.', { exact: false }).waitFor();
  });
});
