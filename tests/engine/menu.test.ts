// The application menu, built against a stand-in for Electron: its entries and shortcuts, the one
// message each navigation item sends, Back up now, and no reload or developer tools when installed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MENU_ROUTES,
  NAVIGATE_CHANNEL,
  isMenuRoute,
  resolveMenuRoute,
} from '../../electron/contract/navigation';
import type { MenuRoute } from '../../electron/contract/navigation';
import { cleanup, tempEngine } from './helpers';

// Electron's MenuItemConstructorOptions, without importing electron outside main and preload.
type Item = ReturnType<typeof import('../../electron/main/menu').menuTemplate>[number];

const fake = vi.hoisted(() => ({
  template: null as null | Item[],
  applied: 0,
  isPackaged: true,
  boxes: [] as { title?: string; message?: string; detail?: string }[],
  errors: [] as string[],
}));

vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: Item[]) => {
      fake.template = template;
      return { template };
    },
    setApplicationMenu: () => (fake.applied += 1),
  },
  app: {
    getName: () => 'Advocate Desk',
    getVersion: () => '0.1.0',
    get isPackaged() {
      return fake.isPackaged;
    },
  },
  dialog: {
    showMessageBox: (_win: unknown, box: (typeof fake.boxes)[number]) => {
      fake.boxes.push(box);
      return Promise.resolve({ response: 0 });
    },
    showErrorBox: (title: string) => fake.errors.push(title),
  },
}));

const { menuTemplate, setupApplicationMenu, ABOUT_DETAIL } =
  await import('../../electron/main/menu');

afterEach(() => {
  cleanup();
  fake.boxes.length = 0;
  fake.errors.length = 0;
});

const submenuOf = (item: Item): Item[] => (Array.isArray(item.submenu) ? item.submenu : []);
const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all(submenuOf(i))]);
const menu = (items: Item[], label: string) => {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no ${label} menu`);
  return submenuOf(found);
};
const item = (items: Item[], label: string) => {
  const found = all(items).find((i) => i.label === label);
  if (!found) throw new Error(`no ${label} item`);
  return found;
};
const click = (i: Item) => (i.click as unknown as () => void)();

function build(platform: NodeJS.Platform, development = false) {
  const actions = { navigate: vi.fn(), backUpNow: vi.fn(), showAbout: vi.fn() };
  const template = menuTemplate({ platform, development, appName: 'Advocate Desk' }, actions);
  return { template, actions };
}

describe('the application menu', () => {
  it('has File, Edit, View, Go and Help (and the app and Window menus on macOS)', () => {
    expect(build('win32').template.map((i) => i.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Go',
      'Help',
    ]);
    expect(build('linux').template.map((i) => i.label ?? i.role)).toEqual([
      'File',
      'Edit',
      'View',
      'Go',
      'Help',
    ]);
    expect(build('darwin').template.map((i) => i.label ?? i.role)).toEqual([
      'Advocate Desk',
      'File',
      'Edit',
      'View',
      'Go',
      'windowMenu',
      'Help',
    ]);
  });

  it.each([
    ['New client', 'CmdOrCtrl+N', '/clients/new'],
    ['New case', 'CmdOrCtrl+Shift+N', '/cases/new'],
    ['Import files…', 'CmdOrCtrl+I', 'case:?focus=section-documents'],
    ['Generate letter', 'CmdOrCtrl+L', 'case:?focus=letter-template'],
    ['Search', 'CmdOrCtrl+F', '/search'],
    ['Advocate Desk Help', 'F1', '/help'],
  ])('%s has %s and sends %s', (label, accelerator, route) => {
    const { template, actions } = build('win32');
    const entry = item(template, label);
    expect(entry.accelerator).toBe(accelerator);
    click(entry);
    expect(actions.navigate).toHaveBeenCalledExactlyOnceWith(route);
  });

  it('Go lists every main page, each sending its route', () => {
    const { template, actions } = build('linux');
    const go = menu(template, 'Go').filter((i) => i.type !== 'separator');
    expect(go.map((i) => i.label)).toEqual([
      'Cases',
      'Dashboard',
      'Clients',
      'Contacts',
      'Letter templates',
      'Payer criteria',
      'Backups',
      'Profile',
      'Settings',
      'Search',
    ]);
    go.forEach(click);
    expect(actions.navigate.mock.calls.map(([route]) => route as string)).toEqual([
      '/',
      '/dashboard',
      '/clients',
      '/contacts',
      '/templates',
      '/criteria',
      '/backups',
      '/profile',
      '/settings',
      '/search',
    ]);
  });

  it('every item either has a role or does something, and every route it sends is allowed', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const { template, actions } = build(platform);
      for (const entry of all(template)) {
        if (entry.type === 'separator' || entry.submenu || entry.role) continue;
        expect(entry.click, `${platform}: ${entry.label}`).toBeTypeOf('function');
        click(entry);
      }
      for (const [route] of actions.navigate.mock.calls) expect(isMenuRoute(route)).toBe(true);
      const accelerators = all(template).flatMap((i) => (i.accelerator ? [i.accelerator] : []));
      expect(new Set(accelerators).size, 'no shortcut used twice').toBe(accelerators.length);
    }
  });

  it('File backs up and quits; Help shows the about box; Edit and View use standard roles', () => {
    const { template, actions } = build('win32');
    click(item(template, 'Back up now'));
    expect(actions.backUpNow).toHaveBeenCalledOnce();
    click(item(template, 'About Advocate Desk'));
    expect(actions.showAbout).toHaveBeenCalledOnce();
    expect(menu(template, 'File').at(-1)?.role).toBe('quit');
    expect(menu(template, 'Edit').flatMap((i) => (i.role ? [i.role] : []))).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'delete',
      'selectAll',
    ]);
    expect(menu(template, 'View').flatMap((i) => (i.role ? [i.role] : []))).toEqual([
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
    // macOS keeps Quit, About and Settings in the app menu, where its users look for them.
    const mac = build('darwin').template;
    expect(menu(mac, 'File').some((i) => i.role === 'quit')).toBe(false);
    expect(menu(mac, 'Advocate Desk').map((i) => i.role ?? i.label)).toContain('quit');
    expect(item(mac, 'Settings…').accelerator).toBe('Cmd+,');
  });

  it('offers reload and developer tools only while developing', () => {
    const roles = (template: Item[]) => all(template).map((i) => i.role);
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const installed = roles(build(platform, false).template);
      expect(installed).not.toContain('reload');
      expect(installed).not.toContain('forceReload');
      expect(installed).not.toContain('toggleDevTools');
      const developing = roles(build(platform, true).template);
      expect(developing).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    }
  });
});

describe('the menu wired to a window', () => {
  const window = () => {
    const sent: [string, unknown][] = [];
    return {
      sent,
      win: {
        isDestroyed: () => false,
        isMinimized: () => false,
        restore: () => {},
        focus: () => {},
        webContents: { send: (channel: string, route: unknown) => sent.push([channel, route]) },
      },
    };
  };

  it('is the application menu, without developer items in an installed app', () => {
    fake.isPackaged = true;
    const { win } = window();
    setupApplicationMenu(win as never, tempEngine());
    expect(fake.applied).toBeGreaterThan(0);
    expect(all(fake.template!).map((i) => i.role)).not.toContain('toggleDevTools');
  });

  it('navigates by sending one message on the navigate channel', () => {
    const { win, sent } = window();
    setupApplicationMenu(win as never, tempEngine());
    click(item(fake.template!, 'New client'));
    expect(sent).toEqual([[NAVIGATE_CHANNEL, '/clients/new']]);
  });

  it('Back up now takes a backup, says so and shows the Backups page', async () => {
    const { win, sent } = window();
    const engine = tempEngine();
    setupApplicationMenu(win as never, engine);
    click(item(fake.template!, 'Back up now'));
    await vi.waitFor(() => expect(fake.boxes).toHaveLength(1));
    expect(fake.boxes[0]!.message).toMatch(/backed up/);
    expect(sent).toEqual([[NAVIGATE_CHANNEL, '/backups']]);
    const list = await engine.call('backups.list', {});
    expect(list.ok && list.value.backups.some((b) => b.reason === 'manual')).toBe(true);
    expect(fake.errors).toEqual([]);
  });

  it('the about box says all data stays on this computer', () => {
    const { win } = window();
    setupApplicationMenu(win as never, tempEngine());
    click(item(fake.template!, 'About Advocate Desk'));
    expect(fake.boxes[0]).toMatchObject({ message: 'Advocate Desk 0.1.0', detail: ABOUT_DETAIL });
    expect(ABOUT_DETAIL).toMatch(/^All data stays on this computer\./);
  });
});

describe('menu routes in the renderer', () => {
  it('accepts only the routes the menu sends', () => {
    for (const route of MENU_ROUTES) expect(isMenuRoute(route)).toBe(true);
    for (const bad of ['/cases/1', 'https://evil.example', 'javascript:1', 42, null, undefined])
      expect(isMenuRoute(bad)).toBe(false);
  });

  it('sends absolute routes as they are and case actions to the case on screen', () => {
    const r = (route: MenuRoute, current: string) => resolveMenuRoute(route, current);
    expect(r('/clients/new', '/cases/12')).toBe('/clients/new');
    expect(r('case:?focus=letter-template', '/cases/12')).toBe('/cases/12?focus=letter-template');
    expect(r('case:?focus=section-documents', '/cases/7?focus=section-details')).toBe(
      '/cases/7?focus=section-documents',
    );
    expect(r('case:?focus=letter-template', '/cases/new')).toBe('/');
    expect(r('case:?focus=letter-template', '/clients')).toBe('/');
  });
});
