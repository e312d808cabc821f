// Electron's main process: lifecycle, the window, and the door from the window to the engine.
import { BrowserWindow, app, dialog, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEngine } from '../engine';
import type { Engine } from '../engine';
import { DATABASE_FILE, LOCATION_FILE, readLibraryLocation } from '../engine/data-path';
import { startBackupSchedule } from '../engine/backups/schedule';
import type { BackupSchedule } from '../engine/backups/schedule';
import { DamagedLibraryError } from '../engine/db/open';
import { keepDamagedCopy, replaceLibraryFile } from '../engine/backups/restore';
import { MissingLibraryError } from '../engine/library/missing';
import { refuseWhileHeld } from '../engine/library/ownership';
import { setupApiBridge } from './api-bridge';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createMainWindow } from './window';
import { setupApplicationMenu } from './menu';
import { packagedResourcesDir } from './packaged-resources';
import { printHtmlToPdf } from './print-pdf';

const here = fileURLToPath(new URL('.', import.meta.url));
let engine: Engine | undefined;
let schedule: BackupSchedule | undefined;

// In an installed app the templates and vocabularies sit inside app.asar (electron-builder.yml).
const resources = packagedResourcesDir(app.isPackaged, app.getAppPath(), process.env);
if (resources) process.env.ADVOCATE_DESK_RESOURCES = resources;

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  const userData = app.getPath('userData');
  // An explicit path wins; else where the advocate moved the library; else the usual place.
  const databasePath =
    process.env.ADVOCATE_DESK_DB || readLibraryLocation(userData) || join(userData, DATABASE_FILE);
  const locationFile = process.env.ADVOCATE_DESK_DB ? undefined : join(userData, LOCATION_FILE);
  const binding = process.env.ADVOCATE_DESK_SQLITE_BINDING;
  const open = (createIfMissing = false) =>
    openEngine({
      createIfMissing,
      databasePath,
      appVersion: app.getVersion(),
      openFile: async (path) => {
        const problem = await shell.openPath(path);
        if (problem) throw new Error(problem);
      },
      door: 'app',
      printPdf: printHtmlToPdf,
      // Damage the background check finds later is told like damage found on opening.
      onDamaged: (error) => void offerRestore(error),
      ...(locationFile ? { locationFile } : {}),
      ...(binding ? { nativeBinding: binding } : {}),
    });
  try {
    try {
      engine = open();
    } catch (error) {
      // A library that was there and is gone is never silently replaced by an empty one.
      if (error instanceof MissingLibraryError) {
        const backup = error.newestBackup;
        const buttons = backup
          ? ['Restore the newest backup', 'Start a new empty library', 'Quit']
          : ['Start a new empty library', 'Quit'];
        const choice = dialog.showMessageBoxSync({
          type: 'error',
          title: 'The case library is missing',
          message: error.message,
          buttons,
          defaultId: 0,
          cancelId: buttons.length - 1,
        });
        const picked = buttons[choice];
        if (picked === 'Quit') throw error;
        if (picked === 'Restore the newest backup' && backup) {
          refuseWhileHeld(databasePath, undefined, 'restore');
          replaceLibraryFile(databasePath, backup.file, binding);
        }
        engine = open(picked === 'Start a new empty library');
      } else {
        // A damaged library is never overwritten silently: say what happened, offer the newest
        // good backup, and keep the damaged file beside the backups either way.
        if (!(error instanceof DamagedLibraryError) || !error.newestBackup) throw error;
        const choice = dialog.showMessageBoxSync({
          type: 'error',
          title: 'The case library is damaged',
          message: error.message,
          buttons: ['Restore the newest good backup', 'Quit'],
          defaultId: 0,
          cancelId: 1,
        });
        if (choice !== 0) throw error;
        refuseWhileHeld(databasePath, undefined, 'restore');
        keepDamagedCopy(databasePath, dirname(error.newestBackup.file));
        replaceLibraryFile(databasePath, error.newestBackup.file, binding);
        engine = open();
      }
    }
  } catch (error) {
    dialog.showErrorBox('Advocate Desk cannot open its case library', (error as Error).message);
    app.exit(1);
    return;
  }
  startApp(engine);
});

function startApp(opened: Engine): void {
  schedule = startBackupSchedule(opened.context, (error) =>
    console.error(`Backup failed: ${(error as Error).message}`),
  );
  setupApiBridge(opened);
  serveRenderer(join(here, '../renderer'));
  const win = createMainWindow(join(here, '../preload'));
  setupApplicationMenu(win, opened);
}

/**
 * The background check found the open library damaged: every change is refused from now on.
 * Offer the newest good backup (the damaged file is kept beside the backups), then show it.
 */
async function offerRestore(error: DamagedLibraryError): Promise<void> {
  const backup = error.newestBackup;
  const buttons = backup ? ['Restore the newest good backup', 'Not now'] : ['OK'];
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'The case library is damaged',
    message: error.message,
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
  });
  if (!backup || response !== 0 || !engine) return;
  const reply = await engine.call('backups.restore', { file: backup.file });
  if (!reply.ok) dialog.showErrorBox('The backup was not restored', reply.error.message);
  else for (const win of BrowserWindow.getAllWindows()) win.reload();
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  schedule?.stop();
  engine?.close();
});
