// Creates the main window and locks down what it may load, open and ask for.
import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import {
  APP_ORIGIN,
  SECURE_WEB_PREFERENCES,
  isAllowedExternalUrl,
  isAppUrl,
} from '../security/window-policy';
import { askBeforeUnload } from './unload-prompt';

export function createMainWindow(preloadDir: string): BrowserWindow {
  const devServerUrl = process.env.ELECTRON_RENDERER_URL;
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Advocate Desk',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(preloadDir, 'index.cjs') },
  });
  win.once('ready-to-show', () => win.show());

  const guard = (event: Electron.Event, url: string) => {
    if (!isAppUrl(url, devServerUrl)) {
      event.preventDefault();
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    }
  };
  win.webContents.on('will-navigate', guard);
  win.webContents.on('will-redirect', guard);
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  askBeforeUnload(win);

  // Camera, microphone, location, notifications...: an offline case library needs none of them.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);

  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}
