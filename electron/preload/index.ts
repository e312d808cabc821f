// Exposes window.api to the page and nothing else: API calls, and the application menu's
// navigation requests. No raw ipcRenderer, no Node.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { NAVIGATE_CHANNEL, isMenuRoute } from '../contract/navigation';
import type { MenuRoute } from '../contract/navigation';

// Kept in step with API_CHANNEL in electron/main/api-bridge.ts (a sandboxed preload is bundled alone).
const API_CHANNEL = 'advocate:api';

contextBridge.exposeInMainWorld('api', {
  call: (name: string, args: unknown): Promise<unknown> =>
    ipcRenderer.invoke(API_CHANNEL, name, args),
  /** Calls back with each route the menu asks for; returns a function that stops listening. */
  onNavigate: (callback: (route: MenuRoute) => void): (() => void) => {
    const listener = (_event: IpcRendererEvent, route: unknown) => {
      if (isMenuRoute(route)) callback(route);
    };
    ipcRenderer.on(NAVIGATE_CHANNEL, listener);
    return () => ipcRenderer.removeListener(NAVIGATE_CHANNEL, listener);
  },
});
