// The preload, run against a stand-in for Electron: what it exposes to the page, and that menu
// navigation passes on only the routes the menu may send.
import { describe, expect, it, vi } from 'vitest';
import { NAVIGATE_CHANNEL } from '../../electron/contract/navigation';

type Listener = (event: unknown, ...args: unknown[]) => void;
const fake = vi.hoisted(() => ({
  exposed: {} as Record<string, Record<string, (...args: never[]) => unknown>>,
  listeners: new Map<string, Set<Listener>>(),
  invoked: [] as unknown[][],
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: Record<string, () => unknown>) =>
      (fake.exposed[key] = value),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      fake.invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, listener: Listener) => {
      if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set());
      fake.listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: Listener) =>
      fake.listeners.get(channel)?.delete(listener),
  },
}));

await import('../../electron/preload/index');
const api = fake.exposed.api as unknown as {
  call(name: string, args: unknown): Promise<unknown>;
  onNavigate(callback: (route: string) => void): () => void;
};
const emit = (route: unknown) => fake.listeners.get(NAVIGATE_CHANNEL)?.forEach((l) => l({}, route));

describe('the preload', () => {
  it('exposes call and onNavigate only', () => {
    expect(Object.keys(fake.exposed)).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['call', 'onNavigate']);
  });

  it('forwards calls on the one API channel', async () => {
    await api.call('app.info', {});
    expect(fake.invoked).toEqual([['advocate:api', 'app.info', {}]]);
  });

  it('passes on menu routes only, and stops when asked', () => {
    const seen: string[] = [];
    const stop = api.onNavigate((route) => seen.push(route));
    emit('/clients/new');
    emit('https://evil.example/');
    emit({ route: '/' });
    emit('case:?focus=letter-template');
    stop();
    emit('/backups');
    expect(seen).toEqual(['/clients/new', 'case:?focus=letter-template']);
    expect(fake.listeners.get(NAVIGATE_CHANNEL)?.size).toBe(0);
  });
});
