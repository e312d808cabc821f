// The case page in the real UI: a next step at the top, every section one click away, and the
// palette's actions on the case on screen.
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

describe('case page', () => {
  test('sections in one click, palette actions on the case, clean axe scan', async () => {
    const host = await harness.startHost();
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Rosa',
      lastName: 'Delgado',
    });
    const c = await apiCall<{ id: number }>(host.url, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'Continuous glucose monitor',
      insurerName: 'Cigna',
    });
    const page = await harness.openApp(host.url);
    await page.getByRole('link', { name: 'Rosa Delgado' }).click();
    await page.getByText('Next step:').waitFor();

    // Letters: one click from the top, focused, and the address remembers it.
    const sections = page.getByRole('navigation', { name: 'Case sections' });
    await sections.getByRole('link', { name: 'Letters' }).click();
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
      .toBe('section-letters');
    expect(page.url()).toContain('focus=section-letters');
    const top = await page.getByRole('heading', { name: 'Letters', exact: true }).boundingBox();
    expect(top!.y).toBeGreaterThanOrEqual(0);
    expect(top!.y).toBeLessThan(1000);
    expect(await sections.getByRole('link', { name: 'Letters' }).getAttribute('aria-current')).toBe(
      'location',
    );

    // A letter to the case's insurer, who is not yet a contact: one pick adds it, once.
    await page.getByRole('link', { name: 'Write a letter' }).click();
    const to = page.getByLabel('To', { exact: true });
    for (let i = 0; i < 2; i += 1) {
      await to.selectOption({ label: 'Cigna (the case’s insurer)' });
      await expect.poll(() => to.inputValue()).toMatch(/^\d+$/);
    }
    const contacts = await apiCall<{ items: { name: string }[] }>(host.url, 'contacts.list', {});
    expect(contacts.items.map((x) => x.name)).toEqual(['Cigna']);
    const letters = page.locator('section', {
      has: page.getByRole('heading', { name: 'Letters', exact: true }),
    });
    await letters.getByRole('button', { name: 'Generate letter' }).click();
    await letters.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${new URL(host.url).origin}/#/cases/${c.id}`);
    await page.getByText('Next step:').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: '/tmp/case-page-1440.png' });
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.screenshot({ path: '/tmp/case-page-1024.png' });

    // The palette: "log call" finds the action on this case and opens the log dialog.
    await page.keyboard.press('Control+K');
    const box = page.getByRole('combobox', { name: 'Find a case, client or action' });
    await box.pressSequentially('log call');
    await expect
      .poll(() => page.getByRole('option').first().textContent())
      .toContain('Log a call on this case');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Log a call or letter' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(page.url()).not.toContain('do=log');

    // And "denial" records a denial on it.
    await page.keyboard.press('Control+K');
    await box.pressSequentially('denial');
    await expect
      .poll(() => page.getByRole('option').first().textContent())
      .toContain('Record a denial on this case');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Record a denial' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await page.evaluate(axe.source);
    const result = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa'] } })`,
    )) as axe.AxeResults;
    expect(
      result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}`)),
    ).toEqual([]);
  });
});

describe('the case overview', () => {
  test('the appeal to the case’s insurer in two clicks, and a timeline of what happened', async () => {
    const host = await harness.startHost();
    const call = <T>(name: string, args: unknown) => apiCall<T>(host.url, name, args);
    const client = await call<{ id: number }>('clients.create', {
      firstName: 'Lena',
      lastName: 'Marsh',
      state: 'IL',
    });
    const c = await call<{ id: number }>('cases.create', {
      clientId: client.id,
      requestedTreatment: 'TMS',
      insurerName: 'Prairie Health',
      planType: 'employer-self-funded',
    });
    await call('denials.create', {
      caseId: c.id,
      values: {
        deniedOn: '2026-11-20',
        reason: 'Not medically necessary.',
        service: 'TMS',
        claimType: 'pre-service',
      },
    });
    await call('communications.create', {
      caseId: c.id,
      values: { occurredOn: '2026-11-25', channel: 'phone', summary: 'Asked for the claim file.' },
    });
    const page = await harness.openApp(host.url);
    await page.goto(`${new URL(host.url).origin}/#/cases/${c.id}`);

    // Click 1: the next letter, to the insurer (not yet a contact: made from the case, once).
    await page.getByRole('link', { name: 'Write the internal appeal to Prairie Health' }).click();
    const to = page.getByLabel('To', { exact: true });
    await expect.poll(() => to.inputValue()).toMatch(/^\d+$/);
    expect(
      await page.getByLabel('Letter', { exact: true }).locator('option:checked').textContent(),
    ).toMatch(/appeal/i);
    // Click 2.
    await page.getByRole('button', { name: 'Generate letter' }).click();
    await page
      .getByText(/^Saved /)
      .first()
      .waitFor();
    const contacts = await call<{ items: { name: string }[] }>('contacts.list', {});
    expect(contacts.items.filter((x) => x.name === 'Prairie Health')).toHaveLength(1);

    // The timeline tells it, newest first.
    const timeline = page.locator('section', {
      has: page.getByRole('heading', { name: 'Timeline', exact: true }),
    });
    await timeline.getByText('Letter written').waitFor();
    const kinds = await timeline.locator('.timeline-kind').allTextContents();
    expect(kinds).toEqual(
      expect.arrayContaining(['Letter written', 'Call or message', 'Denial', 'Stage']),
    );
    expect(kinds.indexOf('Letter written')).toBeLessThan(kinds.indexOf('Call or message'));
    expect(kinds.indexOf('Call or message')).toBeLessThan(kinds.indexOf('Denial'));
  });
});
