// Knows when the library changed elsewhere — another tab, the Electron app, the CLI — so views can
// reload. One cheap call (`library.revision`) polled while the page is visible and on focus, plus a
// BroadcastChannel that tells this browser's other tabs at once.

/** How often a visible page asks whether anything changed. */
export const POLL_MS = 2000;
/** After one of our own calls, how long to wait for the burst to end before asking. */
const AFTER_CALL_MS = 150;
const CHANNEL = 'advocate-desk-library';

type Fetch = () => Promise<string>;

let fetchRevision: Fetch | null = null;
let known: string | null = null;
/** Bumped on every change seen; views reload when it moves. */
let generation = 0;
const listeners = new Set<() => void>();
let channel: BroadcastChannel | null = null;
let timer: ReturnType<typeof setInterval> | null = null;
let soon: ReturnType<typeof setTimeout> | null = null;
let inFlight = false;

function changed(revision: string) {
  known = revision;
  generation += 1;
  for (const listener of listeners) listener();
}

/** Asks the engine now; a new revision reloads this tab's views and tells the other tabs. */
export async function checkNow(): Promise<void> {
  if (!fetchRevision || inFlight) return;
  inFlight = true;
  try {
    const revision = await fetchRevision();
    if (known === null) known = revision;
    else if (revision !== known) {
      changed(revision);
      channel?.postMessage(revision);
    }
  } catch {
    // Busy (the library is moving) or the host is gone: the next tick asks again.
  } finally {
    inFlight = false;
  }
}

/** Our own calls may have written: ask once they settle, so other tabs hear about it at once. */
export function checkSoon(): void {
  if (!fetchRevision) return;
  if (soon) clearTimeout(soon);
  soon = setTimeout(() => {
    soon = null;
    void checkNow();
  }, AFTER_CALL_MS);
}

const visible = () => document.visibilityState === 'visible';
const onVisibility = () => {
  if (visible()) void checkNow();
};

function start() {
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (typeof event.data === 'string' && event.data !== known) changed(event.data);
    };
  }
  // Hidden tabs stay quiet; they catch up as soon as they are shown again.
  timer = setInterval(() => visible() && void checkNow(), POLL_MS);
  window.addEventListener('focus', onVisibility);
  document.addEventListener('visibilitychange', onVisibility);
  void checkNow();
}

function stop() {
  if (timer) clearInterval(timer);
  timer = null;
  channel?.close();
  channel = null;
  window.removeEventListener('focus', onVisibility);
  document.removeEventListener('visibilitychange', onVisibility);
}

/** Sets how the revision is read (api.ts does, so this module needs no door of its own). */
export function setRevisionSource(fetch: Fetch): void {
  fetchRevision = fetch;
}

/** For useSyncExternalStore: polling runs while at least one view listens. */
export function subscribeToLibrary(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) stop();
  };
}

/** How many changes this tab has seen; a view reloads when it moves. */
export function libraryGeneration(): number {
  return generation;
}
