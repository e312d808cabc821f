// Authorizations on the client page: add a signed CMS-1696, see its expiry by rule, write it out as
// the form to sign, and find it on the dashboard's "Authorizations expiring" list.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall, isoDate as iso } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

describe('authorizations', () => {
  test('a CMS-1696 added to a client is written out as a form and its expiry shows on the dashboard', async () => {
    const host = await harness.startHost();
    await apiCall(host.url, 'profile.update', {
      version: 0,
      name: 'Jordan Reyes',
      phone: '555-0199',
    });
    await apiCall(host.url, 'welcome.finish', {});
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Hana',
      lastName: 'Sato',
    });
    await apiCall(host.url, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'TMS',
      planType: 'medicare-advantage',
      memberId: '1EG4TE5MK72',
    });
    // Signed about eleven months ago: it runs out within 60 days.
    const now = new Date();
    const signed = new Date(now.getFullYear() - 1, now.getMonth(), now.getDate() + 20);
    const expires = new Date(signed.getFullYear() + 1, signed.getMonth(), signed.getDate());

    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Clients', exact: true }).first().click();
    await page
      .getByRole('link', { name: /Hana Sato|Sato, Hana/ })
      .first()
      .click();
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Authorizations', exact: true }),
    });
    await section.getByLabel('Kind of authorization').selectOption('medicare-representative');
    await section.getByRole('button', { name: 'Add authorization' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Claim, appeal or request').fill('The denial of TMS and its appeals');
    await dialog.getByLabel('Status').selectOption('signed');
    await dialog.getByLabel('Signed by the client on').fill(iso(signed));
    await dialog.getByLabel('Signed by the representative on').fill(iso(signed));
    await dialog.getByRole('button', { name: 'Add authorization' }).click();
    await dialog.waitFor({ state: 'detached' });

    const table = section.getByRole('table', { name: 'Authorizations' });
    const row = table.getByRole('row').nth(1);
    await expect.poll(() => row.textContent()).toContain('Medicare appointment of representative');
    const written = expires.toLocaleDateString('en-US', {
      month: 'short',
      day: 'numeric',
      year: 'numeric',
    });
    // One year from the later signature, by rule; the representative is the advocate's profile.
    expect(await row.textContent()).toContain(`Until ${written}`);
    const [saved] = await apiCall<{ representativeName: string }[]>(
      host.url,
      'authorizations.list',
      { clientId: client.id },
    );
    expect(saved!.representativeName).toBe('Jordan Reyes');
    await section.screenshot({ path: '/tmp/authpacket-client-authorizations.png' });

    await row.getByRole('button', { name: /Write the form/ }).click();
    await section
      .getByRole('status')
      .getByText(/Wrote .*CMS-1696.*Hana Sato.*\.docx/)
      .waitFor();
    const docs = await apiCall<{ documents: { fileName: string; origin: string }[] }>(
      host.url,
      'cases.get',
      { id: 1 },
    );
    expect(docs.documents.filter((d) => d.origin === 'generated').map((d) => d.fileName)).toEqual([
      expect.stringMatching(/CMS-1696.*Hana Sato/),
    ]);

    // The form previews like a form: its own signature lines, no closing.
    await page.goto(`${new URL(host.url).origin}/#/cases/1`);
    const letters = page.getByRole('region', { name: 'Letters' });
    await letters
      .getByLabel('Letter', { exact: true })
      .selectOption({ label: 'Medicare appointment of representative (CMS-1696)' });
    await letters.getByRole('button', { name: 'Preview' }).click();
    const paper = page.getByRole('article', { name: /Preview of the Medicare appointment/ });
    await paper.getByText('Signature of representative:').waitFor();
    expect(await paper.textContent()).toContain('Hana Sato');
    expect(await paper.textContent()).not.toContain('Sincerely');
    await paper.screenshot({ path: '/tmp/authpacket-form-preview.png' });
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    const card = page.locator('section', {
      has: page.getByRole('heading', { name: 'Authorizations expiring' }),
    });
    const line = card.getByRole('row', { name: /Hana Sato/ });
    await line.waitFor();
    expect(await line.textContent()).toContain('Medicare appointment of representative (CMS-1696)');
    expect(await line.textContent()).toContain(written);
    await card.screenshot({ path: '/tmp/authpacket-dashboard.png' });
  });

  test('an appeal for a Medicare client lists the missing CMS-1696 and leads to the client’s authorizations', async () => {
    const host = await harness.startHost();
    await apiCall(host.url, 'welcome.finish', {});
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Ravi',
      lastName: 'Menon',
    });
    const kase = await apiCall<{ id: number }>(host.url, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'Esketamine nasal spray',
      planType: 'medicare-advantage',
      memberId: '1EG4TE5MK73',
    });
    const page = await harness.openApp(host.url);
    await page.goto(`${new URL(host.url).origin}/#/cases/${kase.id}`);
    const letters = page.getByRole('region', { name: 'Letters' });
    await letters
      .getByLabel('Letter', { exact: true })
      .selectOption({ label: 'Internal appeal of a denial' });
    const checklist = letters.getByRole('region', { name: 'What the letter will lack' });
    const item = checklist.getByText(
      'Medicare appointment of representative (CMS-1696) missing or expired',
    );
    await item.waitFor();
    await item.locator('..').getByRole('link').click();
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
      .toBe('client-authorizations');

    // Signed last week by both: the item goes.
    const week = new Date(Date.now() - 7 * 86_400_000);
    await apiCall(host.url, 'authorizations.create', {
      clientId: client.id,
      values: {
        kind: 'medicare-representative',
        status: 'signed',
        partySignedOn: iso(week),
        representativeSignedOn: iso(week),
      },
    });
    await page.goto(`${new URL(host.url).origin}/#/cases/${kase.id}`);
    await letters
      .getByLabel('Letter', { exact: true })
      .selectOption({ label: 'Internal appeal of a denial' });
    await checklist.getByText('a recipient').waitFor();
    expect(await checklist.getByText(/CMS-1696/).count()).toBe(0);
  });

  test('an edit made while another change was saved is refused and shown, then kept on request', async () => {
    const host = await harness.startHost();
    await apiCall(host.url, 'welcome.finish', {});
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Lena',
      lastName: 'Ortiz',
    });
    const a = await apiCall<{ id: number; version: number }>(host.url, 'authorizations.create', {
      clientId: client.id,
      values: {
        kind: 'hipaa-release',
        information: 'Progress notes, 2023 to date',
        expiryEvent: 'the end of the appeal',
      },
    });
    const page = await harness.openApp(host.url);
    await page.goto(`${new URL(host.url).origin}/#/clients/${client.id}`);
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Authorizations', exact: true }),
    });
    await section.getByRole('button', { name: /Edit/ }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Who may receive it').fill('Jordan Reyes');
    // Meanwhile, the same field is changed elsewhere (the CLI, another window).
    await apiCall(host.url, 'authorizations.update', {
      id: a.id,
      version: a.version,
      values: { disclosedTo: 'Reyes Patient Advocacy' },
    });
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const conflict = dialog.getByRole('region', { name: /changed since you opened it/i });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Reyes Patient Advocacy');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [saved] = await apiCall<{ disclosedTo: string }[]>(host.url, 'authorizations.list', {
      clientId: client.id,
    });
    expect(saved!.disclosedTo).toBe('Jordan Reyes');
  });

  test('the form says so when a designation reads like an assignment of benefits', async () => {
    const host = await harness.startHost();
    await apiCall(host.url, 'welcome.finish', {});
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Omar',
      lastName: 'Haddad',
    });
    const page = await harness.openApp(host.url);
    await page.goto(`${new URL(host.url).origin}/#/clients/${client.id}`);
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Authorizations', exact: true }),
    });
    await section.getByLabel('Kind of authorization').selectOption('plan-representative');
    await section.getByRole('button', { name: 'Add authorization' }).click();
    const dialog = page.getByRole('dialog');
    const scope = dialog.getByLabel('What it covers');
    await scope.fill('Claim 771 and its appeals');
    expect(await dialog.getByText(/looks like an assignment of benefits/).count()).toBe(0);
    await scope.fill('Assignment of benefits to Lakeside Psychiatry');
    await dialog.getByText(/looks like an assignment of benefits/).waitFor();
    await dialog.getByRole('button', { name: 'Add authorization' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The saved record keeps saying so in the list.
    await section
      .getByRole('note')
      .getByText(/does not make anyone/)
      .waitFor();
  });
});
