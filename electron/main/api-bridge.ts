// The one IPC channel: the renderer's API calls, accepted only from our own window's pages.
import { ipcMain } from 'electron';
import type { Engine } from '../engine';
import { isAppUrl } from '../security/window-policy';

export const API_CHANNEL = 'advocate:api';

export function setupApiBridge(engine: Engine): void {
  ipcMain.handle(API_CHANNEL, async (event, name: unknown, args: unknown) => {
    const senderUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(senderUrl, process.env.ELECTRON_RENDERER_URL)) {
      return {
        ok: false,
        error: { code: 'unauthorized', message: 'Calls are accepted from the app window only.' },
      };
    }
    return engine.callUnchecked(name, args);
  });
}
