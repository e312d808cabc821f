// Accessibility: an automated axe-core scan (WCAG 2.1 A and AA rules) of every screen of the app,
// with real data in it, in Debian's Chromium. A violation fails the test with what and where.
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
let page: Page | undefined;
let hostUrl = '';
let origin = '';
const ids = {
  caseId: 0,
  clientId: 0,
  templateId: 0,
  templateName: '',
  criteriaCaseId: 0,
  setId: 0,
  setName: '',
};

beforeAll(async () => {
  await harness.setUp();
  const host = await harness.startHost();
  const call = <T>(name: string, args: unknown) => apiCall<T>(host.url, name, args);
  await call('profile.update', {
    version: 0,
    name: 'Jordan Reyes',
    organisation: 'Reyes Patient Advocacy',
  });
  const client = await call<{ id: number }>('clients.create', {
    firstName: 'Maria',
    lastName: 'Okonkwo',
    dateOfBirth: '1984-06-02',
    state: 'IL',
  });
  const kase = await call<{ id: number }>('cases.create', {
    clientId: client.id,
    requestedTreatment: 'IV ketamine infusion series',
    insurerName: 'Prairie Health',
    planType: 'employer-self-funded',
    memberId: 'XQZ123456789',
  });
  await call('contacts.create', {
    kind: 'insurer',
    name: 'Dr. Helen Park',
    organisation: 'Prairie Health',
  });
  await call('diagnoses.create', {
    caseId: kase.id,
    values: { icd10Code: 'F33.2', description: 'MDD, recurrent, severe' },
  });
  await call('treatments.create', {
    caseId: kase.id,
    values: {
      kind: 'medication',
      name: 'Sertraline',
      drugClass: 'SSRI',
      dose: '200 mg',
      startedOn: '2024-01-01',
      endedOn: '2024-04-01',
    },
  });
  await call('assessments.create', {
    caseId: kase.id,
    values: { instrument: 'PHQ-9', score: 23, assessedOn: '2024-05-01' },
  });
  await call('communications.create', {
    caseId: kase.id,
    values: { occurredOn: '2024-06-01', channel: 'phone', summary: 'Asked for the claim file' },
  });
  await call('denials.create', {
    caseId: kase.id,
    values: { deniedOn: '2026-10-01', reason: 'Not medically necessary.', service: 'IV ketamine' },
  });
  const templates = await call<{ id: number; name: string }[]>('templates.list', {});
  Object.assign(ids, {
    caseId: kase.id,
    clientId: client.id,
    templateId: templates[0]!.id,
    templateName: templates[0]!.name,
  });
  // A second case measured against a payer's criteria set, with one question answered.
  const sets = await call<{ id: number; policyName: string; policyNumber: string | null }[]>(
    'criteria.list',
    {},
  );
  const tms = sets.find((s) => s.policyNumber === 'CPB 0469')!;
  const tmsCase = await call<{ id: number }>('cases.create', {
    clientId: client.id,
    requestedTreatment: 'TMS',
    insurerName: 'Aetna',
    treatmentPlan: '30 sessions, outpatient',
  });
  const linked = await call<{ version: number }>('caseCriteria.link', {
    caseId: tmsCase.id,
    setId: tms.id,
    version: 0,
  });
  await call('caseCriteria.answer', {
    caseId: tmsCase.id,
    key: 'device',
    answer: { answer: 'yes', note: 'NeuroStar' },
    version: linked.version,
  });
  Object.assign(ids, { criteriaCaseId: tmsCase.id, setId: tms.id, setName: tms.policyName });
  hostUrl = host.url;
  origin = new URL(host.url).origin;
});

afterAll(() => harness.tearDown());

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Scans what is on screen now; returns the violations as readable lines. */
async function violations(): Promise<string[]> {
  // evaluate() runs through DevTools, so the page's strict CSP does not block axe's own script.
  await page!.evaluate(axe.source);
  const result = (await page!.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG)} } })`,
  )) as axe.AxeResults;
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}`),
  );
}

async function visit(route: string, ready: string): Promise<Page> {
  // Opened on first use: opening checks for script errors, which only a test may do.
  page ??= await harness.openApp(hostUrl);
  await page.goto(`${origin}/#${route}`);
  await page.getByRole('heading', { name: ready }).first().waitFor();
  return page;
}

describe('every screen passes an automated accessibility scan', () => {
  const screens: [string, () => string, () => string][] = [
    ['case list', () => '/', () => 'Cases'],
    ['case page', () => `/cases/${ids.caseId}`, () => 'Letters'],
    ['new case', () => '/cases/new', () => 'New case'],
    ['clients', () => '/clients', () => 'Clients'],
    ['client', () => `/clients/${ids.clientId}`, () => 'Maria Okonkwo'],
    ['new client', () => '/clients/new', () => 'New client'],
    ['contacts', () => '/contacts', () => 'Contacts'],
    ['letter templates', () => '/templates', () => 'Letter templates'],
    ['evidence library', () => '/evidence', () => 'Evidence library'],
    ['template editor', () => `/templates/${ids.templateId}`, () => ids.templateName],
    ['payer criteria', () => '/criteria', () => 'Payer criteria'],
    ['criteria set', () => `/criteria/${ids.setId}`, () => ids.setName],
    ['new criteria set', () => '/criteria/new', () => 'New criteria set'],
    ['case page with a criteria set', () => `/cases/${ids.criteriaCaseId}`, () => 'Payer criteria'],
    ['profile', () => '/profile', () => 'Your profile'],
    ['search', () => '/search?q=okonkwo', () => 'Search'],
    ['dashboard', () => '/dashboard', () => 'Dashboard'],
    ['backups', () => '/backups', () => 'Backups'],
    ['welcome', () => '/welcome', () => 'Welcome to Advocate Desk'],
    ['settings', () => '/settings', () => 'Settings'],
    ['help', () => '/help', () => 'Help'],
    ['not found', () => '/nowhere', () => 'Page not found'],
  ];
  for (const [name, route, ready] of screens) {
    test(name, async () => {
      await visit(route(), ready());
      expect(await violations()).toEqual([]);
    });
  }

  // At 1024 px wide (a small laptop) nothing runs off the side: neither the page nor a table.
  for (const [name, route, ready] of screens) {
    test(`${name} holds at 1024 px`, async () => {
      const page = await visit(route(), ready());
      await page.setViewportSize({ width: 1024, height: 768 });
      try {
        const overflow = (await page.evaluate(`(() => {
          const out = [];
          if (document.documentElement.scrollWidth > innerWidth + 1)
            out.push('page ' + document.documentElement.scrollWidth);
          for (const el of document.querySelectorAll('.table-wrap, .card, .toolbar, .page-header'))
            if (el.scrollWidth > el.clientWidth + 1)
              out.push((el.className || el.tagName) + ' ' + el.scrollWidth + '>' + el.clientWidth);
          return out;
        })()`)) as string[];
        expect(overflow).toEqual([]);
      } finally {
        await page.setViewportSize({ width: 1400, height: 1000 });
      }
    });
  }

  test('the scan itself catches a violation (an unlabelled field put on the page)', async () => {
    const page = await visit('/', 'Cases');
    await page.evaluate(
      "document.querySelector('main').insertAdjacentHTML('beforeend', '<input id=\"bare\">')",
    );
    expect((await violations()).join('\n')).toMatch(/^label .*#bare/m);
    await page.evaluate("document.getElementById('bare').remove()");
  });

  test('dialogs: adding a diagnosis, importing lawmakers', async () => {
    const page = await visit(`/cases/${ids.caseId}`, 'Letters');
    await page.getByRole('button', { name: 'Add diagnosis' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await violations()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('article').first().waitFor();
    expect(await violations()).toEqual([]);
    await visit('/evidence', 'Evidence library');
    await page.getByRole('button', { name: 'Add citation' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await violations()).toEqual([]);
    await page.keyboard.press('Escape');
    await visit(`/cases/${ids.caseId}`, 'Letters');
    await page.getByRole('button', { name: 'Edit denial' }).first().click();
    await page.getByRole('dialog').waitFor();
    expect(await violations()).toEqual([]);
    await page.keyboard.press('Escape');
    await visit(`/templates/${ids.templateId}`, ids.templateName);
    await page.getByRole('button', { name: 'Reset to original' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await violations()).toEqual([]);
    await page.keyboard.press('Escape');
    await visit('/contacts', 'Contacts');
    await page.getByRole('button', { name: 'Import lawmakers…' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await violations()).toEqual([]);
  });

  test('the question before discarding changes, and a draft offered back', async () => {
    const page = await visit(`/cases/${ids.caseId}`, 'Letters');
    const form = page.getByRole('dialog', { name: 'Add communication' });
    await page.getByRole('button', { name: 'Add communication' }).click();
    await form.getByLabel('Summary').fill('Called the plan about the peer review');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: /^Discard your changes/ }).waitFor();
    expect(await violations()).toEqual([]);
    await page.keyboard.press('Escape');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await page.getByRole('button', { name: 'Add communication' }).click();
    await form.getByText(/^Restore your unsaved draft/).waitFor();
    expect(await violations()).toEqual([]);
    await form.getByRole('button', { name: 'Discard', exact: true }).click();
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'hidden' });
  });

  test('the command palette, with results', async () => {
    const page = await visit('/', 'Cases');
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox').fill('okonkwo');
    await palette.getByRole('option').first().waitFor();
    const found = await violations();
    await page.keyboard.press('Escape');
    expect(found).toEqual([]);
  });

  test('the layout follows a larger font size without running off the side', async () => {
    const page = await visit(`/cases/${ids.caseId}`, 'Letters');
    const h1 = () =>
      page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)");
    const before = (await h1()) as number;
    // As a person's larger default font does: everything is sized in rem from the root.
    await page.evaluate("document.documentElement.style.fontSize = '150%'");
    try {
      expect((await h1()) as number).toBeCloseTo(before * 1.5, 0);
      const overflow = await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBeLessThanOrEqual(1);
    } finally {
      await page.evaluate("document.documentElement.style.fontSize = ''");
    }
  });

  test('a save refused because the case changed meanwhile, and its choice by keyboard', async () => {
    const page = await visit(`/cases/${ids.caseId}`, 'Letters');
    const form = page.getByRole('form', { name: 'Save case' });
    await form.getByLabel('Plan name').fill('Chosen here');
    // Another window saves the same field first.
    const { case: now } = await apiCall<{ case: { version: number } }>(hostUrl, 'cases.get', {
      id: ids.caseId,
    });
    await apiCall(hostUrl, 'cases.update', {
      id: ids.caseId,
      version: now.version,
      planName: 'Chosen elsewhere',
    });
    await form.getByRole('button', { name: 'Save case' }).click();
    const conflict = page.getByRole('region', { name: /changed since you opened it/i });
    await conflict.waitFor();
    // The reader is taken to the choice, and it is reachable from the keyboard.
    await expect
      .poll(() => page.evaluate('document.activeElement?.textContent ?? ""'))
      .toMatch(/changed since you opened it/i);
    expect(await violations()).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await conflict.waitFor({ state: 'detached' });
    await expect.poll(() => form.getByLabel('Plan name').inputValue()).toBe('Chosen elsewhere');
  });

  test('the letter preview', async () => {
    const page = await visit(`/cases/${ids.caseId}`, 'Letters');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('article').first().waitFor();
    expect(await violations()).toEqual([]);
  });
});

describe('authorizations pass the scan', () => {
  test('the client’s authorizations, the dialog to add one, and the dashboard card', async () => {
    const page = await visit(`/clients/${ids.clientId}`, 'Authorizations');
    await page.getByRole('button', { name: 'Add authorization' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await violations()).toEqual([]);
    await page.keyboard.press('Escape');
    await visit('/dashboard', 'Authorizations expiring');
    expect(await violations()).toEqual([]);
  });
});
