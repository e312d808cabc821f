// Browser sessions of the host: the run's token, shown once in the address the app prints, is
// exchanged for a cookie, so every tab and bookmark of that browser is signed in while the token
// itself never needs to be stored by the page.
//
// The cookie is HttpOnly (no script reads it), SameSite=Strict (no other site's page or link
// sends it) and held only in this process's memory (a restart signs everyone out). It has no
// Secure flag because the host speaks plain HTTP on the loopback address, where a Secure cookie
// would never be sent. Cookies do not separate ports, so the name carries the port (two hosts
// never overwrite each other's) and every call made with the cookie must also come from our own
// origin: a page on another 127.0.0.1 port is same-site, and only the Origin check refuses it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A 256-bit id: guessing one is as hard as guessing the token. */
const newId = () => randomBytes(32).toString('base64url');

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The value of one cookie in a request's Cookie header, if sent. */
function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function hostSessions(port: number) {
  const name = `advocate-desk-${port}`;
  const open = new Set<string>();
  return {
    /** A new session: the Set-Cookie header that carries it. */
    start(): string {
      const id = newId();
      open.add(id);
      return `${name}=${id}; HttpOnly; SameSite=Strict; Path=/`;
    },
    /** Whether the request carries one of this run's sessions. */
    holds(req: IncomingMessage): boolean {
      const id = cookieValue(req, name);
      if (!id) return false;
      for (const known of open) if (sameSecret(id, known)) return true;
      return false;
    },
  };
}
