// Prints a packet's page to PDF with Chromium's own layout (webContents.printToPDF), in a hidden
// window that runs no script and may fetch nothing. The page is a private temp file (readable by
// this user only, removed at once) rather than a data: URL, which large scans would outgrow.
import { BrowserWindow, app, session } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SECURE_WEB_PREFERENCES } from '../security/window-policy';

const PARTITION = 'packet-print';

export async function printHtmlToPdf(html: string): Promise<Buffer> {
  const dir = mkdtempSync(join(app.getPath('temp'), 'advocate-print-'));
  const file = join(dir, 'packet.html');
  const page = pathToFileURL(file).href;
  writeFileSync(file, html, { mode: 0o600 });
  // Only the page itself loads: its scans are inline, and nothing may leave the machine.
  session
    .fromPartition(PARTITION)
    .webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: details.url !== page && !details.url.startsWith('data:') }),
    );
  const win = new BrowserWindow({
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false, partition: PARTITION },
  });
  try {
    await win.loadURL(page);
    return await win.webContents.printToPDF({
      pageSize: 'Letter',
      printBackground: true,
      preferCSSPageSize: true,
    });
  } finally {
    win.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
