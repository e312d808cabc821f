// Reviewing facts proposed from imported documents in the real UI: each matched against the case,
// accepted one by one or all new at once, rejected and restored; a notice's denial recorded with
// its deadline; documents' types; the duplicate warning of manual entry.
import axe from 'axe-core';
import mammoth from 'mammoth';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
const clinical = (name: string) => resolve(`../shared/fixtures/word/clinical/${name}`);

beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

interface Detail {
  case: { memberId: string | null; planType: string | null; status: string };
  treatments: {
    kind: string;
    name: string;
    drugClass: string | null;
    startedOn: string | null;
    sourceDocumentId: number | null;
  }[];
  diagnoses: { icd10Code: string; sourceDocumentId: number | null }[];
  communications: unknown[];
  documents: { id: number; fileName: string; documentType: string }[];
}

/** A client and an intake case with nothing but a name and the request; opens its page. */
async function freshCase(hostUrl: string, firstName: string, lastName: string) {
  const client = await apiCall<{ id: number }>(hostUrl, 'clients.create', { firstName, lastName });
  const created = await apiCall<{ id: number }>(hostUrl, 'cases.create', {
    clientId: client.id,
    requestedTreatment: 'IV ketamine',
  });
  const page = await harness.openApp(hostUrl);
  await page.getByRole('link', { name: `${firstName} ${lastName}` }).click();
  await page
    .getByRole('heading', { name: new RegExp(`${firstName} ${lastName} · IV ketamine`) })
    .waitFor();
  return { page, caseId: created.id };
}

async function importFiles(page: Page, names: string[]) {
  await page.getByTestId('import-input').setInputFiles(names.map(clinical));
  await page
    .getByRole('status', { name: 'Import summary' })
    .getByText(`Imported ${names.length} of ${names.length}`)
    .waitFor();
}

async function openReview(page: Page, fileName: string) {
  await page.getByRole('button', { name: `Review facts in ${fileName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Review facts: ${fileName}` });
  await dialog.getByRole('region', { name: 'Proposed facts' }).waitFor();
  await dialog.getByRole('status', { name: 'Review summary' }).waitFor();
  return dialog;
}

/** The WCAG 2.1 A/AA violations of what is on screen, as readable lines (see accessibility.test.ts). */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  )) as axe.AxeResults;
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}`),
  );
}

async function closeDialog(page: Page) {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe('Fact review', () => {
  test('three documents, all new facts accepted: one diagnosis per code, a denial with its deadline, the draft LMN not ticked', async () => {
    const host = await harness.startHost();
    const { page, caseId } = await freshCase(host.url, 'Jordan', 'Rivera');
    await importFiles(page, [
      'intake-form.docx',
      'progress-note-trd.docx',
      'denial-ketamine-erisa.docx',
    ]);

    // Each document is typed from its text, in the documents list.
    expect(await page.getByLabel('Type of intake-form.docx').inputValue()).toBe('intake-form');
    expect(await page.getByLabel('Type of progress-note-trd.docx').inputValue()).toBe(
      'clinical-note',
    );
    expect(await page.getByLabel('Type of denial-ketamine-erisa.docx').inputValue()).toBe(
      'denial-notice',
    );

    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Documents' }) })
      .screenshot({ path: '/tmp/facts-documents.png' });

    for (const name of [
      'intake-form.docx',
      'progress-note-trd.docx',
      'denial-ketamine-erisa.docx',
    ]) {
      const dialog = await openReview(page, name);
      await dialog.getByRole('button', { name: /^Accept all new/ }).click();
      const panel = dialog.getByRole('region', { name: 'Accept all new facts' });
      if (name === 'denial-ketamine-erisa.docx') {
        // The diagnosis the note gave is already in the case: not offered again.
        await dialog
          .getByTestId('proposal')
          .filter({ hasText: 'F33.2' })
          .getByText('In the case', { exact: true })
          .waitFor();
        expect(await panel.getByText('F33.2').count()).toBe(0);
        await dialog.screenshot({ path: '/tmp/facts-accept-all.png' });
        expect(await violations(page)).toEqual([]);
      }
      await panel.getByRole('button', { name: /^Add \d+ facts? to the case$/ }).click();
      await dialog.getByText(/^Added \d+ facts? to the case\./).waitFor();
      expect(await dialog.getByTestId('proposal').locator('[data-status="new"]').count()).toBe(0);
      if (name === 'denial-ketamine-erisa.docx')
        await dialog.screenshot({ path: '/tmp/facts-after-accept.png' });
      await closeDialog(page);
    }

    const diagnoses = page.locator('section', {
      has: page.getByRole('heading', { name: 'Diagnoses' }),
    });
    await diagnoses.getByText('F41.1').waitFor();
    expect(await diagnoses.getByText('F33.2', { exact: true }).count()).toBe(1);

    const workflow = page.locator('section', {
      has: page.getByRole('heading', { name: 'Appeal workflow' }),
    });
    await expect
      .poll(() => workflow.getByTestId('denial-deadline').textContent())
      .toBe('Mar 17, 2027');
    await workflow.locator('.denial-facts').getByText('From', { exact: true }).waitFor();
    await workflow.locator('.denial-facts').getByText('denial-ketamine-erisa.docx').waitFor();

    const detail = await apiCall<Detail>(host.url, 'cases.get', { id: caseId });
    expect(detail.diagnoses.map((d) => d.icd10Code).sort()).toEqual(['F33.2', 'F41.1']);
    expect(detail.case).toMatchObject({
      memberId: 'AHP-5531-0098',
      planType: 'employer-self-funded',
      status: 'denied',
    });
    // No log entries for the denial's facts.
    expect(detail.communications).toEqual([]);
    // Every drug has its class; the note's "03/2019" is kept as the month it is.
    const medications = detail.treatments.filter((t) => t.kind === 'medication');
    expect(medications.length).toBeGreaterThan(2);
    expect(medications.filter((t) => !t.drugClass)).toEqual([]);
    expect(detail.treatments.map((t) => t.startedOn)).toContain('2019-03');

    // The app's own draft letter of medical necessity is not the provider's letter.
    const letters = page.locator('section', {
      has: page.getByRole('heading', { name: 'Letters' }),
    });
    await letters
      .getByLabel('Letter', { exact: true })
      .selectOption({ label: 'Letter of medical necessity' });
    await letters.getByRole('button', { name: 'Generate letter' }).click();
    await page.getByLabel('Type of', { exact: false }).nth(3).waitFor();
    // The letter prints the months as months, never an invented first of the month.
    const saved = letters.getByRole('status').filter({ hasText: 'Saved' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      saved.getByRole('button', { name: /^Save a copy of / }).click(),
    ]);
    const letterPath = join(harness.dir, 'facts-lmn.docx');
    await download.saveAs(letterPath);
    const { value: letter } = await mammoth.extractRawText({ path: letterPath });
    expect(letter).toContain('March 2019 – November 2019');
    expect(letter).not.toMatch(/March 1, 2019|\[drug class/);
    const readiness = workflow.locator('.readiness');
    const lmn = readiness.locator('li', {
      hasText: 'Letter of medical necessity from the provider',
    });
    await expect.poll(() => lmn.textContent()).toContain('draft is on file');
    expect(await lmn.getAttribute('class')).toBe('check-todo');
    // Intake form and denial notice are not medical records; the progress note is.
    const records = readiness.locator('li', { hasText: 'Medical records enclosed' });
    expect(await records.getAttribute('class')).toBe('check-done');
    expect(await records.textContent()).toContain(
      '1 clinical record on file (progress-note-trd.docx)',
    );
    await workflow.screenshot({ path: '/tmp/facts-workflow.png' });
    await page.close();
  });

  test('one by one: accept, update what differs (both values shown), reject and restore after a reload', async () => {
    const host = await harness.startHost();
    const { page, caseId } = await freshCase(host.url, 'Sam', 'Ortiz');
    const { case: kase } = await apiCall<{ case: { version: number } }>(host.url, 'cases.get', {
      id: caseId,
    });
    await apiCall(host.url, 'cases.update', {
      id: caseId,
      version: kase.version,
      memberId: 'OLD-1',
    });
    await page.reload();
    await importFiles(page, ['progress-note-trd.docx', 'intake-form.docx']);

    let dialog = await openReview(page, 'progress-note-trd.docx');
    const sertraline = dialog.getByTestId('proposal').filter({ hasText: 'Sertraline (SSRI)' });
    expect(await sertraline.textContent()).toContain('200 mg daily');
    // Selecting a proposal highlights its passage in the text.
    await sertraline.locator('.proposal-summary').click();
    await expect
      .poll(() => dialog.getByTestId('review-text').locator('mark').textContent())
      .toContain('Sertraline');
    await sertraline.getByRole('button', { name: /^Accept / }).click();
    await sertraline.getByText('In the case', { exact: true }).waitFor();

    // Edited before it is saved: the case gets the corrected value.
    const gad = dialog.getByTestId('proposal').filter({ hasText: 'GAD-7' });
    await gad.getByRole('button', { name: /^Edit / }).click();
    await gad.getByLabel('Score').fill('15');
    await gad.getByRole('button', { name: 'Save to case' }).click();
    await gad.getByText('In the case', { exact: true }).waitFor();

    const bupropion = dialog.getByTestId('proposal').filter({ hasText: 'Bupropion' });
    await bupropion.getByRole('button', { name: /^Reject / }).click();
    const rejected = dialog.getByRole('region', { name: 'Rejected' });
    await rejected.getByText(/Bupropion/).waitFor();
    await rejected.scrollIntoViewIfNeeded();
    await dialog.screenshot({ path: '/tmp/facts-rejected.png' });
    await closeDialog(page);

    // Rejections are kept: after a reload the rejected fact is still apart, and restorable.
    await page.reload();
    dialog = await openReview(page, 'progress-note-trd.docx');
    const kept = dialog.getByRole('region', { name: 'Rejected' });
    await kept.getByRole('button', { name: /^Restore Bupropion/ }).click();
    await dialog
      .getByTestId('proposal')
      .filter({ hasText: 'Bupropion' })
      .getByRole('button', { name: /^Accept / })
      .waitFor();
    await closeDialog(page);

    dialog = await openReview(page, 'intake-form.docx');
    const member = dialog.getByTestId('proposal').filter({ hasText: 'Member ID: AHP-5531-0098' });
    await member.getByText('Differs from the case').waitFor();
    const row = member.getByRole('row', { name: /Member ID/ });
    expect(await row.textContent()).toBe('Member IDOLD-1AHP-5531-0098');
    await member.screenshot({ path: '/tmp/facts-different.png' });
    expect(await violations(page)).toEqual([]);
    await member.getByRole('button', { name: /^Update the case: Member ID/ }).click();
    await member.getByText('In the case', { exact: true }).waitFor();
    await closeDialog(page);

    const detail = await apiCall<Detail>(host.url, 'cases.get', { id: caseId });
    expect(detail.case.memberId).toBe('AHP-5531-0098');
    expect(detail.treatments.map((t) => [t.name, t.drugClass])).toEqual([['Sertraline', 'SSRI']]);
    const scores = await apiCall<{ assessments: { instrument: string; score: number }[] }>(
      host.url,
      'cases.get',
      { id: caseId },
    );
    expect(scores.assessments.map((a) => [a.instrument, a.score])).toEqual([['GAD-7', 15]]);
    await page.close();
  });

  test('Record denial opens filled in from the imported notice and links the denial to it', async () => {
    const host = await harness.startHost();
    const { page, caseId } = await freshCase(host.url, 'Lee', 'Park');
    await importFiles(page, ['denial-ketamine-erisa.docx']);
    const workflow = page.locator('section', {
      has: page.getByRole('heading', { name: 'Appeal workflow' }),
    });
    await workflow.getByRole('button', { name: 'Record denial' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a denial' });
    await dialog.getByText('Filled in from').waitFor();
    expect(await dialog.getByLabel('Date on the notice').inputValue()).toBe('2026-09-18');
    expect(await dialog.getByLabel('Reference number').inputValue()).toBe('UM-2026-0918-4471');
    expect(await dialog.getByLabel('Reason, word for word').inputValue()).toMatch(
      /^The requested service is considered experimental/,
    );
    await dialog.getByLabel(/Also set the case’s plan type/).waitFor();
    await expect
      .poll(() => dialog.getByTestId('computed-deadline').textContent())
      .toBe('Mar 17, 2027');
    await dialog.screenshot({ path: '/tmp/facts-record-denial.png' });
    expect(await violations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Record denial' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => workflow.getByTestId('denial-deadline').textContent())
      .toBe('Mar 17, 2027');

    const detail = await apiCall<Detail>(host.url, 'cases.get', { id: caseId });
    expect(detail.case.planType).toBe('employer-self-funded');
    expect(detail.communications).toEqual([]);
    // The notice's review now shows its denial as recorded.
    const review = await openReview(page, 'denial-ketamine-erisa.docx');
    await review
      .getByRole('region', { name: 'Denial' })
      .getByText('In the case', { exact: true })
      .waitFor();
    await page.close();
  });

  test('a document’s type can be changed; adding a diagnosis the case has asks first', async () => {
    const host = await harness.startHost();
    const { page, caseId } = await freshCase(host.url, 'Ana', 'Ruiz');
    await apiCall(host.url, 'diagnoses.create', { caseId, values: { icd10Code: 'F33.2' } });
    await importFiles(page, ['intake-form.docx']);
    await page.getByLabel('Type of intake-form.docx').selectOption('correspondence');
    await expect
      .poll(() =>
        apiCall<Detail>(host.url, 'cases.get', { id: caseId }).then(
          (d) => d.documents[0]!.documentType,
        ),
      )
      .toBe('correspondence');

    const diagnoses = page.locator('section', {
      has: page.getByRole('heading', { name: 'Diagnoses' }),
    });
    await diagnoses.getByRole('button', { name: 'Add diagnosis' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add diagnosis' });
    await dialog.getByLabel('ICD-10 code').fill('F33.2');
    await dialog.getByRole('button', { name: 'Add diagnosis' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/F33\.2 is already a diagnosis of this case/)
      .waitFor();
    await dialog.screenshot({ path: '/tmp/facts-duplicate.png' });
    await dialog.getByRole('button', { name: 'Don’t add it' }).click();
    await dialog.waitFor({ state: 'detached' });
    const detail = await apiCall<Detail>(host.url, 'cases.get', { id: caseId });
    expect(detail.diagnoses).toHaveLength(1);
    await page.close();
  });
});
