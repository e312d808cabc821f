import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost } from '../../electron/host/server';
import type { RunningHost } from '../../electron/host/server';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/content-security-policy';
import { cleanup, sampleClient, tempDir, tempEngine } from './helpers';

const INDEX_HTML = '<!doctype html><title>Advocate Desk</title><div id="root"></div>';
const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';

let host: RunningHost;
let base: string;

beforeEach(async () => {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  // Files beside the renderer folder that must never be served.
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  mkdirSync(join(dir, 'renderer-private'));
  writeFileSync(join(dir, 'renderer-private', 'secret.txt'), SECRET);
  host = await startHost({ engine: tempEngine(), rendererDir });
  base = `http://127.0.0.1:${host.port}`;
});

afterEach(async () => {
  await host.close();
  cleanup();
});

interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request with exactly this path and these headers (fetch would normalize or refuse them). */
function raw(
  options: { method?: string; path: string; headers?: Record<string, string> },
  body?: string,
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        // A fresh connection each time: a host restarted on the same port drops kept ones.
        agent: false,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function apiCall(name: string, args: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/call`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${host.token}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: JSON.stringify({ name, args }),
  });
}

describe('browser host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token in the fragment', () => {
    const address = host.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(host.url).toBe(`${base}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers an API call that carries the token', async () => {
    const created = await apiCall('clients.create', sampleClient());
    expect(created.status).toBe(200);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const reply = (await created.json()) as {
      ok: boolean;
      value: { id: number; firstName: string };
    };
    expect(reply).toMatchObject({ ok: true, value: { firstName: 'Maria' } });

    const listed = (await (await apiCall('clients.list', {})).json()) as {
      value: { items: unknown[] };
    };
    expect(listed.value.items).toHaveLength(1);
  });

  it('passes engine errors through as data', async () => {
    const reply = await apiCall('clients.create', { ...sampleClient(), firstName: '' });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'firstName' },
    });
    const unknown = await apiCall('clients.destroyAll', {});
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { Authorization: 'Bearer not-the-token' }],
    ['a token one character short', { Authorization: 'Bearer TOKEN_MINUS_ONE' }],
    ['the token without Bearer', { Authorization: 'TOKEN' }],
    ['a Basic scheme', { Authorization: 'Basic dXNlcjpwYXNz' }],
  ])('refuses an API call with %s (401) and does nothing', async (_what, auth) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    for (const [k, v] of Object.entries(auth)) {
      headers[k] = v
        .replace('TOKEN_MINUS_ONE', host.token.slice(0, -1))
        .replace('TOKEN', host.token);
    }
    const res = await fetch(`${base}/api/call`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'clients.create', args: sampleClient() }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const listed = (await (await apiCall('clients.list', {})).json()) as {
      value: { items: unknown[] };
    };
    expect(listed.value.items).toEqual([]);
  });

  it.each(['http://evil.example', 'null', 'http://localhost:1', 'http://127.0.0.1'])(
    'refuses an API call from the foreign origin %s (403), even with the token',
    async (origin) => {
      const res = await raw(
        {
          method: 'POST',
          path: '/api/call',
          headers: {
            origin,
            authorization: `Bearer ${host.token}`,
            'content-type': 'application/json',
          },
        },
        JSON.stringify({ name: 'clients.create', args: sampleClient() }),
      );
      expect(res.status).toBe(403);
      const listed = (await (await apiCall('clients.list', {})).json()) as {
        value: { items: unknown[] };
      };
      expect(listed.value.items).toEqual([]);
    },
  );

  it('accepts an API call from its own origin', async () => {
    const res = await apiCall('app.info', {}, { Origin: base });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { version: '9.9.9-test' } });
  });

  it.each(['evil.example', `localhost:${0}`, 'attacker.test:80', '127.0.0.1'])(
    'refuses a request naming another host (%s) with 421',
    async (hostHeader) => {
      const name = hostHeader.replace(':0', `:${host.port}`);
      const api = await raw(
        {
          method: 'POST',
          path: '/api/call',
          headers: {
            host: name,
            authorization: `Bearer ${host.token}`,
            'content-type': 'application/json',
          },
        },
        JSON.stringify({ name: 'app.info', args: {} }),
      );
      expect(api.status).toBe(421);
      const page = await raw({ path: '/', headers: { host: name } });
      expect(page.status).toBe(421);
      expect(page.body).not.toContain('Advocate Desk');
    },
  );

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses an API call sent as %s (415)',
    async (type) => {
      const res = await apiCall('app.info', {}, { 'Content-Type': type });
      expect(res.status).toBe(415);
    },
  );

  it('refuses a GET to the API and a body that is not JSON', async () => {
    const get = await fetch(`${base}/api/call`, {
      headers: { Authorization: `Bearer ${host.token}` },
    });
    expect(get.status).toBe(405);
    const bad = await fetch(`${base}/api/call`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: '{"name": ',
    });
    expect(bad.status).toBe(400);
  });

  it('serves the app with its Content-Security-Policy and security headers', async () => {
    for (const path of ['/', '/index.html', '/cases/12']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toBe(INDEX_HTML);
    }
    const js = await fetch(`${base}/assets/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for a missing asset', async () => {
    const res = await fetch(`${base}/assets/missing.js`);
    expect(res.status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/../../package.json',
    '/%2e%2e/secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2fsecret.txt',
    '/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/../renderer-private/secret.txt',
    '/%2e%2e/renderer-private/secret.txt',
    '/..%2frenderer-private%2fsecret.txt',
    '/secret.txt%00.html',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
  ])('does not serve files outside the renderer folder: %s', async (path) => {
    const res = await raw({ path });
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toMatch(/root:.*:0:0:/);
    expect(res.body).not.toContain('"name": "advocate-desk"');
    expect([200, 400, 404]).toContain(res.status);
    if (res.status === 200) expect(res.body).toBe(INDEX_HTML);
  });
});

describe('browser host sessions', () => {
  /** Signs in with the token as the page does; resolves with the session cookie set. */
  async function signIn(): Promise<string> {
    const res = await raw({
      method: 'POST',
      path: '/api/session',
      headers: { origin: base, authorization: `Bearer ${host.token}` },
    });
    expect(res.status).toBe(204);
    const set = res.headers['set-cookie']![0]!;
    return set;
  }
  const cookieOf = (setCookie: string) => setCookie.split(';')[0]!;
  const callWith = (headers: Record<string, string>) =>
    raw(
      {
        method: 'POST',
        path: '/api/call',
        headers: { 'content-type': 'application/json', ...headers },
      },
      JSON.stringify({ name: 'clients.list', args: {} }),
    );

  it('trades the token once for an HttpOnly, SameSite=Strict cookie that no script can read', async () => {
    const set = await signIn();
    expect(set).toMatch(new RegExp(`^advocate-desk-${host.port}=[A-Za-z0-9_-]{43}; `));
    const attributes = set.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    // No expiry: it ends with the browser session, and the host forgets it when it stops.
    expect(attributes.some((a) => a.startsWith('expires') || a.startsWith('max-age'))).toBe(false);
    expect(set).not.toContain(host.token);
  });

  it('answers calls that carry the session from our own page, without the token', async () => {
    const cookie = cookieOf(await signIn());
    const res = await callWith({ cookie, origin: base });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { items: [] } });
  });

  it('refuses the session from another origin, or with no origin at all', async () => {
    const cookie = cookieOf(await signIn());
    // Another server on this computer is "same-site": the browser would send the cookie.
    for (const origin of ['http://127.0.0.1:1', 'http://localhost:' + host.port, 'null']) {
      const res = await callWith({ cookie, origin });
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('items');
    }
    const bare = await callWith({ cookie });
    expect(bare.status).toBe(401);
  });

  it('refuses a made-up or foreign session, and signing in without the token', async () => {
    await signIn();
    const forged = await callWith({
      cookie: `advocate-desk-${host.port}=${'A'.repeat(43)}`,
      origin: base,
    });
    expect(forged.status).toBe(401);
    const other = await callWith({ cookie: `advocate-desk-1=${'A'.repeat(43)}`, origin: base });
    expect(other.status).toBe(401);
    const noToken = await raw({ method: 'POST', path: '/api/session', headers: { origin: base } });
    expect(noToken.status).toBe(401);
    expect(noToken.headers['set-cookie']).toBeUndefined();
    const wrong = await raw({
      method: 'POST',
      path: '/api/session',
      headers: { origin: base, authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
    const foreign = await raw({
      method: 'POST',
      path: '/api/session',
      headers: { origin: 'http://127.0.0.1:1', authorization: `Bearer ${host.token}` },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['set-cookie']).toBeUndefined();
  });

  it('forgets every session when the host stops', async () => {
    const cookie = cookieOf(await signIn());
    const engine = tempEngine();
    const dir = tempDir();
    writeFileSync(join(dir, 'index.html'), INDEX_HTML);
    const port = host.port;
    await host.close();
    host = await startHost({ engine, rendererDir: dir, port });
    const res = await callWith({ cookie, origin: base });
    expect(res.status).toBe(401);
  });
});
