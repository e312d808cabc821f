// The Electron main process, run against a stand-in for Electron's API: the options it really
// passes to BrowserWindow, and what its handlers answer to navigation, new windows, permission
// requests, foreign IPC senders and the app:// protocol.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/content-security-policy';
import { cleanup, tempDir, tempEngine } from './helpers';

type Listener = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => ({
  windowOptions: null as null | { webPreferences: Record<string, unknown> },
  contentsListeners: {} as Record<string, Listener>,
  windowOpenHandler: null as null | Listener,
  permissionRequest: null as null | Listener,
  permissionCheck: null as null | Listener,
  opened: [] as string[],
  loaded: [] as string[],
  ipc: null as null | Listener,
  messageBoxAnswer: 0,
  messageBoxes: [] as { message?: string; buttons?: string[] }[],
  protocolHandler: null as null | ((req: Request) => Promise<Response>),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: (event: string, listener: Listener) => (fake.contentsListeners[event] = listener),
      setWindowOpenHandler: (handler: Listener) => (fake.windowOpenHandler = handler),
    };
    constructor(options: typeof fake.windowOptions) {
      fake.windowOptions = options;
    }
    once() {}
    show() {}
    loadURL(url: string) {
      fake.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (fake.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => (fake.permissionCheck = h),
      },
    },
    shell: { openExternal: (url: string) => fake.opened.push(url) },
    dialog: {
      showMessageBoxSync: (_win: unknown, options: { message?: string; buttons?: string[] }) => {
        fake.messageBoxes.push(options);
        return fake.messageBoxAnswer;
      },
    },
    ipcMain: { handle: (_channel: string, h: Listener) => (fake.ipc = h) },
    protocol: {
      handle: (_scheme: string, h: (req: Request) => Promise<Response>) =>
        (fake.protocolHandler = h),
      registerSchemesAsPrivileged: () => {},
    },
    // Electron's net.fetch reads file: URLs; Node's fetch does not.
    net: {
      fetch: async (url: string) => {
        const { readFileSync } = await import('node:fs');
        const { fileURLToPath } = await import('node:url');
        return new Response(readFileSync(fileURLToPath(url)));
      },
    },
  };
});

const { createMainWindow } = await import('../../electron/main/window');
const { setupApiBridge } = await import('../../electron/main/api-bridge');
const { serveRenderer } = await import('../../electron/main/app-protocol');

beforeEach(() => {
  cleanup();
  fake.opened.length = 0;
  createMainWindow('/app/preload');
});

const navigate = (event: string, url: string) => {
  const e = { preventDefault: vi.fn() };
  fake.contentsListeners[event]!(e, url);
  return e.preventDefault.mock.calls.length > 0;
};

describe('the main window', () => {
  it('is created isolated and sandboxed, with no Node, no webviews and our preload only', () => {
    expect(fake.windowOptions!.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: join('/app/preload', 'index.cjs'),
    });
    expect(fake.loaded).toEqual(['app://renderer/index.html']);
  });

  it('blocks navigation and redirects away from the app; https links go to the browser', () => {
    expect(navigate('will-navigate', 'app://renderer/index.html#/cases/1')).toBe(false);
    expect(navigate('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(fake.opened).toEqual(['https://evil.example/phish']);
    const attach = { preventDefault: vi.fn() };
    fake.contentsListeners['will-attach-webview']!(attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('asks before closing a page with unsaved edits, and keeps it unless told to discard', () => {
    const unload = (answer: number) => {
      fake.messageBoxAnswer = answer;
      const e = { preventDefault: vi.fn() };
      fake.contentsListeners['will-prevent-unload']!(e);
      return e.preventDefault.mock.calls.length > 0;
    };
    // preventDefault on will-prevent-unload overrides the page's refusal: the window goes.
    expect(unload(0)).toBe(false);
    expect(unload(1)).toBe(true);
    expect(fake.messageBoxes.at(-1)).toMatchObject({
      message: 'Discard your unsaved changes?',
      buttons: ['Keep editing', 'Discard'],
    });
  });

  it('never opens a new window', () => {
    for (const url of ['https://example.com', 'app://renderer/index.html', 'javascript:1']) {
      expect(fake.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      fake.permissionRequest!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(fake.permissionCheck!({}, permission)).toBe(false);
    }
  });
});

describe('the IPC door and the app:// protocol', () => {
  it('answers API calls from our own page only', async () => {
    setupApiBridge(tempEngine());
    const from = (url: string) => ({ senderFrame: { url } });
    const ours = (await fake.ipc!(from('app://renderer/index.html'), 'app.info', {})) as {
      ok: boolean;
    };
    expect(ours.ok).toBe(true);
    const foreign = (await fake.ipc!(from('https://evil.example/'), 'app.info', {})) as {
      ok: boolean;
      error: { code: string };
    };
    expect(foreign).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('serves only the renderer folder, always with a CSP that forbids eval', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, '..', 'secret.txt'), 'outside');
    serveRenderer(dir);
    const page = await fake.protocolHandler!(new Request('app://renderer/index.html'));
    expect(page.status).toBe(200);
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    for (const url of [
      'app://renderer/../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://other/index.html',
    ]) {
      const res = await fake.protocolHandler!(new Request(url));
      expect(res.status, url).toBe(404);
      expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});
