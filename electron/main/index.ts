// Electron's main process: lifecycle, the window, and the door from the window to the engine.
import { app, dialog, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEngine } from '../engine';
import type { Engine } from '../engine';
import { DATABASE_FILE } from '../engine/data-path';
import { setupApiBridge } from './api-bridge';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createMainWindow } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
let engine: Engine | undefined;

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  const databasePath = process.env.ADVOCATE_DESK_DB || join(app.getPath('userData'), DATABASE_FILE);
  try {
    engine = openEngine({
      databasePath,
      appVersion: app.getVersion(),
      openFile: async (path) => {
        const problem = await shell.openPath(path);
        if (problem) throw new Error(problem);
      },
      ...(process.env.ADVOCATE_DESK_SQLITE_BINDING
        ? { nativeBinding: process.env.ADVOCATE_DESK_SQLITE_BINDING }
        : {}),
    });
  } catch (error) {
    dialog.showErrorBox('Advocate Desk cannot open its case library', (error as Error).message);
    app.exit(1);
    return;
  }
  setupApiBridge(engine);
  serveRenderer(join(here, '../renderer'));
  createMainWindow(join(here, '../preload'));
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => engine?.close());
