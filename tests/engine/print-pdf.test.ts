// The desktop app's PDF of a packet, against a stand-in for Electron: a hidden window that runs
// no script, lets nothing but the page load, prints Letter pages, and leaves no copy behind.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from './helpers';

const fake = vi.hoisted(() => ({
  options: null as null | { show: boolean; webPreferences: Record<string, unknown> },
  loaded: '' as string,
  pageText: '' as string,
  printOptions: null as null | Record<string, unknown>,
  destroyed: false,
  filter: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  temp: '',
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      printToPDF: (options: Record<string, unknown>) => {
        fake.printOptions = options;
        return Promise.resolve(Buffer.from('%PDF-1.7 fake'));
      },
    };
    constructor(options: typeof fake.options) {
      fake.options = options;
    }
    async loadURL(url: string) {
      fake.loaded = url;
      fake.pageText = readFileSync(new URL(url), 'utf8');
    }
    destroy() {
      fake.destroyed = true;
    }
  }
  return {
    BrowserWindow,
    app: { getPath: () => fake.temp },
    session: {
      fromPartition: () => ({
        webRequest: { onBeforeRequest: (f: typeof fake.filter) => (fake.filter = f) },
      }),
    },
  };
});

describe('printing a packet to PDF in the desktop app', () => {
  it('prints Letter pages from a hidden, script-free window that may load nothing else', async () => {
    fake.temp = tempDir();
    const { printHtmlToPdf } = await import('../../electron/main/print-pdf');
    const pdf = await printHtmlToPdf('<!doctype html><p>Packet for Maria</p>');
    expect(pdf.toString()).toContain('%PDF');
    expect(fake.options).toMatchObject({
      show: false,
      webPreferences: { javascript: false, sandbox: true, nodeIntegration: false },
    });
    expect(fake.pageText).toContain('Packet for Maria');
    expect(fake.printOptions).toMatchObject({ pageSize: 'Letter' });
    // The page loads; anything it asks for from outside is cancelled.
    const answer = (url: string) =>
      new Promise<boolean>((resolve) => fake.filter!({ url }, (r) => resolve(r.cancel)));
    expect(await answer(fake.loaded)).toBe(false);
    expect(await answer('https://example.org/tracker.png')).toBe(true);
    // The window is gone and the health information with it.
    expect(fake.destroyed).toBe(true);
    expect(existsSync(new URL(fake.loaded))).toBe(false);
  });
});
