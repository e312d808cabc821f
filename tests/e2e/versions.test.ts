// An edit never overwrites newer data: forms send only what the user changed, with the version
// they were loaded from, and a stale save is refused and shown field by field.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();

beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

interface CaseValues {
  id: number;
  version: number;
  memberId: string | null;
  insurerName: string | null;
  groupNumber: string | null;
  planName: string | null;
  notes: string | null;
}

async function caseOf(url: string, id: number): Promise<CaseValues> {
  return (await apiCall<{ case: CaseValues }>(url, 'cases.get', { id })).case;
}

async function newCase(url: string, first: string, last: string) {
  const client = await apiCall<{ id: number }>(url, 'clients.create', {
    firstName: first,
    lastName: last,
  });
  return apiCall<{ id: number }>(url, 'cases.create', {
    clientId: client.id,
    requestedTreatment: 'Esketamine',
  });
}

async function openCase(page: Page, name: string) {
  await page.getByRole('link', { name }).first().click();
  await page.getByRole('heading', { name: new RegExp(`${name} · Esketamine`) }).waitFor();
}

/** The Case & plan details form of the case page. */
const detailsForm = (page: Page) => page.getByRole('form', { name: 'Save case' });

describe('Edits made from a stale copy', () => {
  test('facts accepted in the review are kept when the case form is saved afterwards', async () => {
    const host = await harness.startHost();
    const created = await newCase(host.url, 'Dana', 'Okafor');
    const file = join(harness.dir, 'insurance-card.docx');
    const doc = new Document({
      sections: [
        {
          children: [
            'Insurance card',
            'Insurer: Acme Health Plan',
            'Member ID: AHP-5531-0098',
            'Group number: GRP-88120',
          ].map((text) => new Paragraph(text)),
        },
      ],
    });
    writeFileSync(file, await Packer.toBuffer(doc));

    const page = await harness.openApp(host.url);
    await openCase(page, 'Dana Okafor');
    await page.getByTestId('import-input').setInputFiles([file]);
    await page
      .getByRole('status', { name: 'Import summary' })
      .getByText('Imported 1 of 1')
      .waitFor();
    await page.getByRole('button', { name: 'Review facts in insurance-card.docx' }).click();
    const dialog = page.getByRole('dialog', { name: 'Review facts: insurance-card.docx' });
    for (const text of [
      'Member ID: AHP-5531-0098',
      'Insurer: Acme Health Plan',
      'Group number: GRP-88120',
    ]) {
      const item = dialog.getByTestId('proposal').filter({ hasText: text });
      await item.getByRole('button', { name: /^Accept / }).click();
      await item.getByText('In the case', { exact: true }).waitFor();
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const form = detailsForm(page);
    // The form shows what the review put into the case.
    await expect.poll(() => form.getByLabel('Member ID').inputValue()).toBe('AHP-5531-0098');
    await form.getByLabel('Plan name').fill('Gold PPO 2000');
    await form.getByRole('button', { name: 'Save case' }).click();
    await form.getByRole('status').getByText('Saved').waitFor();

    const saved = await caseOf(host.url, created.id);
    expect(saved).toMatchObject({
      memberId: 'AHP-5531-0098',
      insurerName: 'Acme Health Plan',
      groupNumber: 'GRP-88120',
      planName: 'Gold PPO 2000',
    });
    const history = await apiCall<{ field: string | null; newValue: unknown }[]>(
      host.url,
      'cases.history',
      { caseId: created.id },
    );
    const blanked = history.filter(
      (h) => ['member_id', 'insurer_name', 'group_number'].includes(h.field ?? '') && !h.newValue,
    );
    expect(blanked).toEqual([]);
    await page.close();
  });

  test('two tabs: the second save is refused and shown; keep mine and take theirs', async () => {
    const host = await harness.startHost();
    const created = await newCase(host.url, 'Lee', 'Marsh');
    await apiCall(host.url, 'cases.update', {
      id: created.id,
      version: (await caseOf(host.url, created.id)).version,
      memberId: 'M-100',
    });
    const context = await harness.browser!.newContext({ viewport: { width: 1400, height: 1000 } });
    const first = await context.newPage();
    await first.goto(host.url);
    const url = first.url();
    await openCase(first, 'Lee Marsh');
    const second = await context.newPage();
    // A second tab opened without the token: the first one's sign-in serves it.
    await second.goto(new URL('/', host.url).href);
    await openCase(second, 'Lee Marsh');
    expect(url).toContain('#/');

    // Both tabs are editing the same field at once (a form with edits never follows a newer
    // copy by itself). The first tab saves.
    await detailsForm(first).getByLabel('Member ID').fill('M-200');
    const form = detailsForm(second);
    await form.getByLabel('Member ID').fill('M-300');
    await detailsForm(first).getByRole('button', { name: 'Save case' }).click();
    await detailsForm(first).getByRole('status').getByText('Saved').waitFor();

    // The second tab's save was made from the older copy: refused and shown.
    await form.getByRole('button', { name: 'Save case' }).click();
    const conflict = second.getByRole('region', { name: /changed since you opened it/i });
    await conflict.waitFor();
    const row = conflict.getByRole('row', { name: /Member ID/ });
    await expect.poll(() => row.textContent()).toContain('M-300');
    expect(await row.textContent()).toContain('M-200');
    expect((await caseOf(host.url, created.id)).memberId).toBe('M-200');

    // Meanwhile the first tab edits again; then the second keeps its own value, knowingly.
    await detailsForm(first).getByLabel('Member ID').fill('M-400');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await form.getByRole('status').getByText('Saved').waitFor();
    expect((await caseOf(host.url, created.id)).memberId).toBe('M-300');

    // Now the first tab is the stale one; it takes theirs.
    await detailsForm(first).getByRole('button', { name: 'Save case' }).click();
    const again = first.getByRole('region', { name: /changed since you opened it/i });
    await again.getByRole('button', { name: 'Take the newer values' }).click();
    await again.waitFor({ state: 'detached' });
    await expect.poll(() => detailsForm(first).getByLabel('Member ID').inputValue()).toBe('M-300');
    expect((await caseOf(host.url, created.id)).memberId).toBe('M-300');

    // Having taken the newer values, the form saves against the new version.
    await detailsForm(first).getByLabel('Case notes').fill('Called the plan.');
    await detailsForm(first).getByRole('button', { name: 'Save case' }).click();
    await detailsForm(first).getByRole('status').getByText('Saved').waitFor();
    expect(await caseOf(host.url, created.id)).toMatchObject({
      memberId: 'M-300',
      notes: 'Called the plan.',
    });
    await context.close();
  });
});
