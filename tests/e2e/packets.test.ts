// The packet in the real UI: from a letter written, the packet proposes the representative
// designation and the clinical note the appeal needs; the advocate reorders, makes it, opens its
// print view (the browser's Save as PDF), and records it as sent by fax, which starts the clock.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

async function seed(url: string) {
  const call = <T>(name: string, args: unknown) => apiCall<T>(url, name, args);
  await call('profile.update', { version: 0, name: 'Jordan Reyes', phone: '555-0199' });
  await call('welcome.finish', {});
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
  await call('authorizations.create', {
    clientId: client.id,
    values: {
      kind: 'plan-representative',
      status: 'signed',
      partySignedOn: '2026-11-01',
      scope: 'The denial of IV ketamine and its appeals',
    },
  });
  await call('documents.importFile', {
    caseId: kase.id,
    fileName: 'progress-note.docx',
    contentBase64: readFileSync('../shared/fixtures/word/clinical/progress-note-trd.docx').toString(
      'base64',
    ),
  });
  const insurer = await call<{ id: number }>('contacts.create', {
    kind: 'insurer',
    name: 'Appeals Unit',
    organisation: 'Prairie Health',
    fax: '312-555-0142',
  });
  await call('letters.generate', { caseId: kase.id, kind: 'appeal', recipientId: insurer.id });
  return kase.id;
}

describe('the packet that goes out', () => {
  test('proposed, reordered, made, printed and sent', async () => {
    const host = await harness.startHost();
    const caseId = await seed(host.url);
    const page = await harness.openApp(host.url);
    await page.goto(`${new URL(host.url).origin}/#/cases/${caseId}`);
    const written = page.getByRole('table', { name: 'Letters written' });
    await written.getByRole('button', { name: /Make a packet with Internal appeal/ }).click();

    const dialog = page.getByRole('dialog');
    const index = dialog.getByRole('table', { name: 'In the packet, in order' });
    // What the appeal calls for is proposed: the designation, then the clinical note.
    await index.getByText('Authorized representative designation').waitFor();
    await index.getByText('progress-note.docx').waitFor();
    expect(await dialog.getByText(/fax \(312\) 555-0142/).count()).toBe(1);
    // This quick letter still has gaps, and says so; nothing else is wrong.
    const before = dialog.getByRole('status', { name: 'Before you send it' });
    await before.getByText(/The letter still has \d+ gaps to fill/).waitFor();
    expect(await before.getByRole('listitem').count()).toBe(1);

    // The note goes first; leaving out the designation is named as a problem, and put back.
    await index.getByRole('button', { name: 'Move progress-note.docx up' }).click();
    await expect
      .poll(async () => (await index.getByRole('row').nth(2).textContent()) ?? '')
      .toContain('progress-note.docx');
    await dialog.getByRole('checkbox', { name: /Authorized representative designation/ }).uncheck();
    await dialog
      .getByRole('status', { name: 'Before you send it' })
      .getByText(/Enclose the client’s authorized representative designation/)
      .waitFor();
    await dialog.getByRole('checkbox', { name: /Authorized representative designation/ }).check();
    await before.getByText(/Enclose the client’s/).waitFor({ state: 'detached' });
    await dialog.screenshot({ path: '/tmp/e2e-packet-dialog.png' });

    await dialog.getByRole('button', { name: 'Make the packet' }).click();
    const made = dialog.getByRole('status', { name: 'Packet made' });
    await made.getByText(/Packet - Internal appeal - Maria Okonkwo/).waitFor();
    // The browser host cannot print a PDF itself: its print view can.
    await made.getByRole('link', { name: 'Print view (Save as PDF)' }).click();
    const paper = page.getByRole('article', { name: /Packet · Maria Okonkwo/ });
    await paper.getByText('Fax cover sheet').waitFor();
    await paper.getByText('Enclosure 1: progress-note.docx').waitFor();
    await paper.getByText(/Enclosure 2: Authorized representative designation/).waitFor();
    await page.screenshot({ path: '/tmp/e2e-packet-print.png', fullPage: true });

    // Back on the case: the packet is with the documents; sent by fax, the clock starts.
    await page.getByRole('link', { name: 'Back to the case' }).click();
    await page
      .getByRole('table', { name: 'Documents' })
      .getByText(/Packet - Internal appeal/)
      .waitFor();
    await written.getByRole('button', { name: /Record as sent/ }).click();
    const sent = page.getByRole('dialog');
    await sent.getByLabel('Sent by').selectOption('fax');
    await sent.getByLabel('Proof of sending').fill('FAX-CONF-88213');
    await sent.getByRole('button', { name: 'Record as sent' }).click();
    await written.getByText('FAX-CONF-88213').waitFor();
    const due = new Date();
    due.setDate(due.getDate() + 30);
    const state = await written.getByRole('row', { name: /Internal appeal/ }).textContent();
    expect(state).toContain(due.toLocaleDateString('en-US', { month: 'short', day: 'numeric' }));
  });
});
