// Closing or reloading the window with unsaved edits asks first. The page refuses to unload
// (beforeunload) while a form holds edits; Electron shows no question of its own for that, so the
// refusal arrives here as will-prevent-unload and becomes the same question the page asks.
import { dialog } from 'electron';
import type { BrowserWindow, MessageBoxSyncOptions } from 'electron';

export const UNLOAD_QUESTION: MessageBoxSyncOptions = {
  type: 'question',
  title: 'Unsaved changes',
  message: 'Discard your unsaved changes?',
  detail: 'Some changes in Advocate Desk have not been saved. Discarding them cannot be undone.',
  buttons: ['Keep editing', 'Discard'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};

/** Asks before the window unloads a page that holds unsaved edits. */
export function askBeforeUnload(win: BrowserWindow): void {
  win.webContents.on('will-prevent-unload', (event) => {
    // Preventing the default here means "ignore the page's refusal": the window goes.
    if (dialog.showMessageBoxSync(win, UNLOAD_QUESTION) === 1) event.preventDefault();
  });
}
