// Hostile content: a Word file crafted to run script, follow javascript: links or call a server is
// imported through the real UI and previewed; nothing runs, nothing is fetched, no link is live.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openEngine } from '../../electron/engine';
import { documentQueries } from '../../electron/engine/documents/queries';
import { hostileDocx } from '../fixtures/hostile-docx';
import { Harness, apiCall } from './harness';
import type { Page } from 'playwright-core';

const harness = new Harness();
let beacon: Server;
let beaconUrl = '';
const beaconHits: string[] = [];

beforeAll(async () => {
  await harness.setUp();
  // A server standing in for a tracker on the internet: any request to it is a leak.
  beacon = createServer((req, res) => {
    beaconHits.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'image/png' }).end();
  });
  await new Promise<void>((done) => beacon.listen(0, '127.0.0.1', done));
  beaconUrl = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await harness.tearDown();
  await new Promise((done) => beacon.close(done));
});

/** Watches the page for anything a hostile document might make it do. */
function watch(page: Page) {
  const seen = { dialogs: 0, foreignRequests: [] as string[], navigations: 0 };
  page.on('dialog', (d) => {
    seen.dialogs++;
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(new URL(page.url()).origin)) seen.foreignRequests.push(r.url());
  });
  page.on('framenavigated', () => seen.navigations++);
  return seen;
}

async function expectInert(page: Page, paper: ReturnType<Page['getByTestId']>) {
  const count = (selector: string) => paper.locator(selector).count();
  expect({
    scripts: await count('script, style, iframe, object, embed, form, input, button, link, meta'),
    handlers: await count(`xpath=.//*[@*[starts-with(translate(name(), 'ON', 'on'), 'on')]]`),
    links: await count('a[href]'),
    remoteImages: await count('img:not([src^="data:"]), img[srcset], image, [background]'),
  }).toEqual({ scripts: 0, handlers: 0, links: 0, remoteImages: 0 });
  expect(await paper.innerHTML()).not.toMatch(/javascript:/i);
  // Evaluated in the page (a string, since this file is typed for Node).
  expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
}

describe('hostile documents', () => {
  test('a crafted .docx imported through the UI previews as inert text', async () => {
    const host = await harness.startHost();
    const client = await apiCall<{ id: number }>(host.url, 'clients.create', {
      firstName: 'Hostile',
      lastName: 'Fixture',
    });
    await apiCall(host.url, 'cases.create', { clientId: client.id, requestedTreatment: 'TMS' });
    const file = join(harness.dir, 'appeal-status.docx');
    writeFileSync(file, hostileDocx(beaconUrl));

    const page = await harness.openApp(host.url);
    const seen = watch(page);
    await page.getByRole('link', { name: 'Hostile Fixture' }).click();
    await page.getByTestId('import-input').setInputFiles([file]);
    await page
      .getByRole('status', { name: 'Import summary' })
      .getByText('Imported 1 of 1')
      .waitFor();
    await page.getByRole('button', { name: 'appeal-status.docx', exact: true }).click();
    const paper = page
      .getByRole('dialog', { name: 'appeal-status.docx' })
      .getByTestId('document-preview');
    // Script written as text in the document stays text.
    await paper.getByText('<script>window.__pwned = 1</script>').waitFor();
    await paper.getByText('Click for your appeal status').click();
    await paper.getByText('Open the insurer portal').click();
    await expectInert(page, paper);
    const navigationsAfterClicks = seen.navigations;
    await page.waitForTimeout(300);
    expect(seen).toMatchObject({ dialogs: 0, foreignRequests: [] });
    expect(seen.navigations).toBe(navigationsAfterClicks);
    // Neither the import (mammoth never follows linked files) nor the preview called out.
    expect(beaconHits).toEqual([]);
  });

  test('HTML worse than mammoth writes (a tampered library) is still neutralised', async () => {
    const db = join(harness.dir, 'tampered.sqlite');
    const engine = openEngine({ databasePath: db });
    const c = await engine.call('clients.create', { firstName: 'Tampered', lastName: 'Library' });
    if (!c.ok) throw new Error('setup failed');
    const k = await engine.call('cases.create', {
      clientId: c.value.id,
      requestedTreatment: 'TMS',
    });
    if (!k.ok) throw new Error('setup failed');
    engine.db.transaction(() =>
      documentQueries(engine.db).add({
        caseId: k.value.id,
        fileName: 'tampered.docx',
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        origin: 'imported',
        text: 'tampered',
        html: [
          '<p>Visible paragraph</p>',
          `<img src="${beaconUrl}/img.png"><img src="data:image/png;base64,iVBORw0KGgo=" srcset="${beaconUrl}/srcset.png 2x">`,
          `<a href="javascript:window.__pwned=4">js link</a><a href="${beaconUrl}/page">web link</a>`,
          '<div onclick="window.__pwned=5" onmouseover="window.__pwned=6">hover me</div>',
          `<svg><image href="${beaconUrl}/svg.png"></image><script>window.__pwned=7</script></svg>`,
          `<iframe src="${beaconUrl}/frame"></iframe><style>@import url(${beaconUrl}/css);</style>`,
          `<link rel="stylesheet" href="${beaconUrl}/link.css"><meta http-equiv="refresh" content="0;url=${beaconUrl}/refresh">`,
          `<table background="${beaconUrl}/bg.png"><tr><td>cell</td></tr></table>`,
          `<form action="${beaconUrl}/form"><input name="x"><button>Send</button></form>`,
        ].join(''),
        note: null,
        bytes: Buffer.from('not really a docx'),
      }),
    )();
    engine.close();

    const host = await harness.startHost(db);
    const page = await harness.openApp(host.url);
    const seen = watch(page);
    await page.getByRole('link', { name: 'Tampered Library' }).click();
    await page.getByRole('button', { name: 'tampered.docx', exact: true }).click();
    const paper = page
      .getByRole('dialog', { name: 'tampered.docx' })
      .getByTestId('document-preview');
    await paper.getByText('Visible paragraph').waitFor();
    await paper.getByText('hover me').hover();
    await paper.getByText('hover me').click();
    await paper.getByText('js link').click();
    await expectInert(page, paper);
    await page.waitForTimeout(300);
    expect(seen).toMatchObject({ dialogs: 0, foreignRequests: [] });
    expect(beaconHits).toEqual([]);
  });
});
