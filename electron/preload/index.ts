// Exposes window.api.call to the page and nothing else: no raw ipcRenderer, no Node.
import { contextBridge, ipcRenderer } from 'electron';

// Kept in step with API_CHANNEL in electron/main/api-bridge.ts (a sandboxed preload is bundled alone).
const API_CHANNEL = 'advocate:api';

contextBridge.exposeInMainWorld('api', {
  call: (name: string, args: unknown): Promise<unknown> =>
    ipcRenderer.invoke(API_CHANNEL, name, args),
});
