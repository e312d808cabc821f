// A letter's journey in the real UI: written, recorded as sent by fax with its confirmation, the
// answer due on the case and the dashboard, then the answer recorded and the clock stopped.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

async function seed(url: string) {
  const call = <T>(name: string, args: unknown) => apiCall<T>(url, name, args);
  await call('profile.update', { version: 0, name: 'Jordan Reyes' });
  const client = await call<{ id: number }>('clients.create', {
    firstName: 'Maria',
    lastName: 'Okonkwo',
    state: 'IL',
  });
  const kase = await call<{ id: number }>('cases.create', {
    clientId: client.id,
    requestedTreatment: 'IV ketamine infusion series',
    insurerName: 'Prairie Health',
    planType: 'employer-self-funded',
    status: 'denied',
  });
  const insurer = await call<{ id: number }>('contacts.create', {
    kind: 'insurer',
    name: 'Appeals Unit',
    organisation: 'Prairie Health',
    fax: '555-0142',
  });
  await call('letters.generate', { caseId: kase.id, kind: 'appeal', recipientId: insurer.id });
  return kase.id;
}

describe('a letter’s journey', () => {
  test('sent by fax, the answer due on the case and dashboard, then answered', async () => {
    const host = await harness.startHost();
    const caseId = await seed(host.url);
    const page = await harness.openApp(host.url);
    await page.goto(`${new URL(host.url).origin}/#/cases/${caseId}`);
    const written = page.getByRole('table', { name: 'Letters written' });
    await written.getByText('Draft: not sent yet').waitFor();

    await written.getByRole('button', { name: /Record as sent/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Sent by').selectOption('fax');
    await dialog.getByLabel('Proof of sending').fill('FAX-CONF-88213');
    await dialog.getByRole('button', { name: 'Record as sent' }).click();
    await written.getByText('FAX-CONF-88213').waitFor();
    const state = await written.getByRole('row', { name: /Internal appeal/ }).textContent();
    expect(state).toMatch(/Sent .* by fax/);
    // A pre-service appeal to an employer plan: 30 days from today.
    const due = new Date();
    due.setDate(due.getDate() + 30);
    expect(state).toContain(due.toLocaleDateString('en-US', { month: 'short', day: 'numeric' }));

    // The case's deadlines and the dashboard carry it.
    await page.getByText('Response due: Internal appeal').first().waitFor();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    // (30 or 31 days away, as the client's state and this computer may be on different days.)
    await page
      .getByRole('region', { name: 'Coming up' })
      .getByRole('row', { name: /Response due: Internal appeal/ })
      .waitFor();

    // The answer comes: recorded, and the clock is done.
    await page.goto(`${new URL(host.url).origin}/#/cases/${caseId}`);
    await written.getByRole('button', { name: /Record the answer/ }).click();
    await dialog.getByLabel('Outcome').selectOption('approved');
    await dialog.getByRole('button', { name: 'Record answer' }).click();
    await written.getByText(/Answered .*: Approved/).waitFor();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Coming up' }).waitFor();
    expect(await page.getByText('Response due: Internal appeal').count()).toBe(0);
  });
});
