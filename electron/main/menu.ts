// The application menu: a pure template (tested without Electron) and the one setup that wires it
// to the window (navigation by one IPC message), the engine (Back up now) and the about box.
import { Menu, app, dialog } from 'electron';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import type { Engine } from '../engine';
import { NAVIGATE_CHANNEL } from '../contract/navigation';
import type { MenuRoute } from '../contract/navigation';

/** What the menu's own items do; roles (copy, zoom, quit…) are Electron's. */
export interface MenuActions {
  navigate(route: MenuRoute): void;
  backUpNow(): void;
  showAbout(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and developer tools appear only while developing. */
  development: boolean;
  appName: string;
}

/** The about box's words: what the app is, and that nothing leaves the computer. */
export const ABOUT_DETAIL =
  'All data stays on this computer. Advocate Desk keeps your clients, cases, documents and ' +
  'letters in one file on this computer and never sends any of it over a network. Backups are ' +
  'written only to the backup folder shown on the Backups page.';

/** The menu as a template: File, Edit, View, Go, Help (plus the app menu and Window on macOS). */
export function menuTemplate(
  options: MenuOptions,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const go = (
    label: string,
    route: MenuRoute,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.navigate(route),
  });
  const about: MenuItemConstructorOptions = {
    label: `About ${options.appName}`,
    click: () => actions.showAbout(),
  };
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      about,
      sep,
      go('Settings…', '/settings', 'Cmd+,'),
      sep,
      { role: 'services' },
      sep,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      sep,
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      go('New client', '/clients/new', 'CmdOrCtrl+N'),
      go('New case', '/cases/new', 'CmdOrCtrl+Shift+N'),
      sep,
      go('Import files…', 'case:?focus=section-documents', 'CmdOrCtrl+I'),
      go('Generate letter', 'case:?focus=letter-template', 'CmdOrCtrl+L'),
      sep,
      { label: 'Back up now', click: () => actions.backUpNow() },
      ...(mac ? [] : [sep, { role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      sep,
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(options.development
        ? [
            { role: 'reload' } as const,
            { role: 'forceReload' } as const,
            { role: 'toggleDevTools' } as const,
            sep,
          ]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };
  const goMenu: MenuItemConstructorOptions = {
    label: 'Go',
    submenu: [
      go('Cases', '/'),
      go('Dashboard', '/dashboard'),
      go('Clients', '/clients'),
      go('Contacts', '/contacts'),
      go('Letter templates', '/templates'),
      go('Payer criteria', '/criteria'),
      go('Backups', '/backups'),
      go('Profile', '/profile'),
      ...(mac ? [] : [go('Settings', '/settings')]),
      sep,
      go('Search', '/search', 'CmdOrCtrl+F'),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: 'Help',
    submenu: [go(`${options.appName} Help`, '/help', 'F1'), ...(mac ? [] : [sep, about])],
  };
  return [
    ...(mac ? [appMenu] : []),
    file,
    edit,
    view,
    goMenu,
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    help,
  ];
}

/** Builds the menu for this window and engine and makes it the application menu. */
export function setupApplicationMenu(win: BrowserWindow, engine: Engine): void {
  const navigate = (route: MenuRoute) => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
    win.webContents.send(NAVIGATE_CHANNEL, route);
  };
  const actions: MenuActions = {
    navigate,
    backUpNow: () => {
      void engine.call('backups.create', {}).then((reply) => {
        if (win.isDestroyed()) return;
        if (reply.ok) {
          navigate('/backups');
          void dialog.showMessageBox(win, {
            type: 'info',
            title: 'Backed up',
            message: 'The case library is backed up.',
            detail: reply.value.file,
          });
        } else {
          dialog.showErrorBox('The backup failed', reply.error.message);
        }
      });
    },
    showAbout: () => {
      void dialog.showMessageBox(win, {
        type: 'info',
        title: `About ${app.getName()}`,
        message: `${app.getName()} ${app.getVersion()}`,
        detail: ABOUT_DETAIL,
      });
    },
  };
  const template = menuTemplate(
    { platform: process.platform, development: !app.isPackaged, appName: app.getName() },
    actions,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
