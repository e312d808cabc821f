// The browser host: serves the built renderer and the API as JSON on 127.0.0.1 only.
// Every API request must carry this run's secret token or a session it was exchanged for
// (sessions.ts), come from our own origin and name our own host, so another web page open on
// this computer cannot read clients' records.
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { ApiError } from '../contract/errors';
import type { Engine } from '../engine';
import { RENDERER_HEADERS } from '../security/content-security-policy';
import { resolveStaticFile } from '../security/static-files';
import { hostSessions, sameSecret } from './sessions';

/** Largest request body accepted: an exchange file with its documents fits well inside. */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;

export interface HostOptions {
  engine: Engine;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface RunningHost {
  server: Server;
  port: number;
  token: string;
  /** The address to open: the token travels in the fragment, which browsers never send. */
  url: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, code: ApiError['code'], message: string) {
  sendJson(res, status, { ok: false, error: { code, message } });
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the host; resolves once it listens. */
export function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let origin = '';
  let hostHeader = '';
  let sessions: ReturnType<typeof hostSessions> | null = null;

  const bearerIsToken = (req: IncomingMessage) => {
    const auth = req.headers.authorization ?? '';
    return auth.startsWith('Bearer ') && sameSecret(auth.slice(7), token);
  };
  const notSignedIn = (res: ServerResponse) =>
    refuse(
      res,
      401,
      'unauthorized',
      'This page is not signed in to Advocate Desk: open the address the app printed.',
    );

  /** The page shows the token once; it gets a session cookie for every tab of this browser. */
  const handleSession = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return refuse(res, 405, 'unauthorized', 'Use POST to sign in.');
    if (req.headers.origin !== origin) {
      return refuse(res, 403, 'unauthorized', 'Requests from other web pages are refused.');
    }
    if (!bearerIsToken(req)) return notSignedIn(res);
    res.writeHead(204, { 'Set-Cookie': sessions!.start(), 'Cache-Control': 'no-store' });
    res.end();
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return refuse(res, 405, 'unauthorized', 'Use POST for API calls.');
    // Cross-origin pages may not call us; a browser always sends Origin on a cross-origin POST.
    if (req.headers.origin !== undefined && req.headers.origin !== origin) {
      return refuse(res, 403, 'unauthorized', 'Requests from other web pages are refused.');
    }
    // A cookie rides along on any same-site request, so it counts only with our own Origin.
    const bySession = req.headers.origin === origin && sessions!.holds(req);
    if (!bySession && !bearerIsToken(req)) return notSignedIn(res);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(res, 415, 'invalid-input', 'API calls must be sent as JSON.');
    }
    const text = await readBody(req);
    if (text === null)
      return refuse(res, 413, 'invalid-input', 'The request is larger than 256 MB.');
    let body: { name?: unknown; args?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return refuse(res, 400, 'invalid-input', 'The request was not valid JSON.');
    }
    sendJson(res, 200, await options.engine.callUnchecked(body?.name, body?.args));
  };

  const serveFile = (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = resolveStaticFile(options.rendererDir, pathname);
    if (!file) {
      res.writeHead(404, RENDERER_HEADERS).end('Not found');
      return;
    }
    res.writeHead(200, { ...RENDERER_HEADERS, 'Content-Type': file.mediaType });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file.path).pipe(res);
  };

  const server = createServer((req, res) => {
    // A page that rebinds its own domain name to 127.0.0.1 still sends its own Host header.
    if (req.headers.host !== hostHeader) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request');
      return;
    }
    const { pathname } = new URL(req.url ?? '/', origin);
    if (pathname === '/api/session') {
      handleSession(req, res);
      return;
    }
    if (pathname === '/api/call') {
      handleApi(req, res).catch((error: unknown) =>
        refuse(
          res,
          500,
          'internal',
          `The host failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      return;
    }
    serveFile(req, res, pathname);
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      origin = `http://127.0.0.1:${port}`;
      hostHeader = `127.0.0.1:${port}`;
      sessions = hostSessions(port);
      resolvePromise({
        server,
        port,
        token,
        url: `${origin}/#token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
