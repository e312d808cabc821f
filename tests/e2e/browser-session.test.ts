// One sign-in serves every tab and bookmark of the browser, and still no other page on this
// computer can read or change the library through it.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, apiCall } from './harness';

const harness = new Harness();
let other: Server | null = null;

beforeAll(() => harness.setUp());
afterAll(async () => {
  other?.close();
  await harness.tearDown();
});

/** A page served by another program on this computer, trying every way to reach the host. */
function attackerPage(target: string): string {
  return `<!doctype html><title>Another page</title><body>
<form id="f" method="POST" action="${target}/api/call" enctype="text/plain" target="sink">
  <input name='{"name":"clients.create","args":{"firstName":"Form","lastName":"Attack","x":"' value='"}}'>
</form><iframe name="sink"></iframe>
<script>
window.results = [];
const body = JSON.stringify({ name: 'clients.create', args: { firstName: 'Fetch', lastName: 'Attack', dateOfBirth: '1990-01-01', state: 'CA' } });
const tries = [
  fetch('${target}/api/call', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body })
    .then((r) => r.text()).then((t) => 'read: ' + t, (e) => 'failed: ' + e.message),
  fetch('${target}/api/call', { method: 'POST', credentials: 'include', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body })
    .then((r) => 'opaque ' + r.type, (e) => 'failed: ' + e.message),
  fetch('${target}/api/call', { method: 'POST', credentials: 'include', body: JSON.stringify({ name: 'clients.list', args: {} }) })
    .then((r) => r.text()).then((t) => 'read: ' + t, (e) => 'failed: ' + e.message),
];
Promise.all(tries).then((r) => { window.results = r; document.getElementById('f').submit(); window.done = true; });
</script></body>`;
}

describe('browser host sign-in', () => {
  test('a second tab and a bookmark are signed in; another local page still reads nothing', async () => {
    const host = await harness.startHost();
    const origin = new URL(host.url).origin;
    const context = await harness.browser!.newContext({ viewport: { width: 1400, height: 1000 } });
    const first = await context.newPage();
    await first.goto(host.url);
    await first.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    expect(first.url()).not.toContain('token=');

    // The session is a cookie no script can read.
    const cookies = await context.cookies(origin);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(await first.evaluate('document.cookie')).toBe('');

    // A new tab, and a bookmarked address deeper in the app, without the token.
    const second = await context.newPage();
    await second.goto(`${origin}/`);
    await second.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await expect.poll(() => second.getByText(/not signed in/i).count()).toBe(0);
    const bookmark = await context.newPage();
    await bookmark.goto(`${origin}/#/contacts`);
    await bookmark.getByRole('heading', { name: 'Contacts', exact: true }).waitFor();
    await expect.poll(() => bookmark.getByText(/not signed in/i).count()).toBe(0);

    // Another program's page on another 127.0.0.1 port: the same "site", so the browser would
    // send the cookie; every attempt is refused and nothing is written.
    other = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(attackerPage(origin));
    });
    await new Promise<void>((resolve) => other!.listen(0, '127.0.0.1', resolve));
    const attackerUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
    const attacker = await context.newPage();
    await attacker.goto(attackerUrl);
    await attacker.waitForFunction('window.done === true');
    const results = (await attacker.evaluate('window.results')) as string[];
    expect(results[0]).toMatch(/^failed/);
    expect(results[1]).toBe('opaque opaque');
    expect(results[2]).toMatch(/^failed/);
    await attacker.waitForTimeout(500);
    const clients = await apiCall<{ items: { lastName: string }[] }>(host.url, 'clients.list', {});
    expect(clients.items.map((c) => c.lastName)).not.toContain('Attack');

    // A browser that never signed in is refused, and says how to sign in.
    const stranger = await harness.browser!.newContext();
    const outsider = await stranger.newPage();
    await outsider.goto(`${origin}/`);
    await outsider
      .getByText(/not signed in/i)
      .first()
      .waitFor();
    await stranger.close();
    await context.close();
  });
});
