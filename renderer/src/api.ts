// The one module that talks to the engine, over Electron IPC or the browser host's HTTP door.
import type { ApiArgs, ApiName, ApiResults } from '../../electron/contract/api';
import { AppError, toAppError } from '../../electron/contract/errors';
import type { ApiReply } from '../../electron/contract/errors';
import type { MenuRoute } from '../../electron/contract/navigation';
import { checkSoon, setRevisionSource } from './lib/freshness/library-revision';

/**
 * The host hands a newly opened page its secret in the URL fragment (never sent to servers). The
 * page trades it once for a session cookie the page cannot read (electron/host/sessions.ts), so
 * every tab and bookmark of this browser is signed in, and takes it out of the address bar so it
 * is not bookmarked, shared or left on screen. A page opened without it uses the cookie.
 */
function signIn(): Promise<void> {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match?.[1]) return Promise.resolve();
  const token = decodeURIComponent(match[1]);
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  return fetch('/api/session', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  }).then(
    () => undefined,
    () => undefined,
  );
}

/** In the desktop app (Electron's preload), which can print a PDF itself; else the browser host. */
export const inDesktopApp = typeof window !== 'undefined' && Boolean(window.api);

// Read at load, before the router looks at the fragment; calls wait for the cookie.
const signedIn = typeof window !== 'undefined' && !window.api ? signIn() : Promise.resolve();

async function httpCall(name: string, args: unknown): Promise<ApiReply<unknown>> {
  await signedIn;
  let response: Response;
  try {
    response = await fetch('/api/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, args }),
    });
  } catch {
    throw new AppError('internal', 'Advocate Desk is not running. Start it again and reload.');
  }
  // Refusals (401, 403...) still carry an ApiReply body; anything else is a host failure.
  try {
    return (await response.json()) as ApiReply<unknown>;
  } catch {
    throw new AppError('internal', `The app answered with an error (${response.status}).`);
  }
}

const lostListeners = new Set<(error: AppError) => void>();
const damagedListeners = new Set<(error: AppError) => void>();

/** Calls back when a call is refused because the library was found damaged; returns an unsubscribe. */
export function onLibraryDamaged(callback: (error: AppError) => void): () => void {
  damagedListeners.add(callback);
  return () => damagedListeners.delete(callback);
}

/** Calls back when the engine says its library file was replaced or removed; returns an unsubscribe. */
export function onLibraryLost(callback: (error: AppError) => void): () => void {
  lostListeners.add(callback);
  return () => lostListeners.delete(callback);
}

/** Calls the engine; resolves with the result or throws an AppError the UI can show. */
export async function call<N extends ApiName>(name: N, args: ApiArgs<N>): Promise<ApiResults[N]> {
  const reply = window.api ? await window.api.call(name, args) : await httpCall(name, args);
  // A call of ours may have written: other tabs hear of it without waiting for their next poll.
  if (name !== 'library.revision' && name !== 'library.check') checkSoon();
  if (!reply.ok) {
    const error = toAppError(reply.error);
    if (error.code === 'library-replaced') for (const tell of lostListeners) tell(error);
    if (error.code === 'database-damaged') for (const tell of damagedListeners) tell(error);
    throw error;
  }
  return reply.value as ApiResults[N];
}

setRevisionSource(async () => (await call('library.revision', {})).revision);

/** Turns anything thrown into an AppError, so views only handle one shape. */
export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('internal', error instanceof Error ? error.message : String(error));
}

/**
 * Calls back with each route the application menu asks for; returns an unsubscribe. The browser
 * host has no application menu, so there it never calls back.
 */
export function onMenuNavigate(callback: (route: MenuRoute) => void): () => void {
  return window.api?.onNavigate?.(callback) ?? (() => {});
}
