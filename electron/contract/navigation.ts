// Where the application menu may send the window: the one message main sends the renderer, its
// channel, and how a case-relative target becomes a route. No Node or DOM: both sides import it.

/** The IPC channel main uses to ask the renderer to show a route. */
export const NAVIGATE_CHANNEL = 'advocate:navigate';

/**
 * A route the menu may send. Absolute routes are the app's hash routes; `case:?focus=ID` means
 * "this part of the case on screen" (import, letters), resolved by the renderer.
 */
export type MenuRoute =
  | '/'
  | '/dashboard'
  | '/clients'
  | '/clients/new'
  | '/cases/new'
  | '/contacts'
  | '/templates'
  | '/criteria'
  | '/backups'
  | '/profile'
  | '/settings'
  | '/search'
  | '/help'
  | 'case:?focus=section-documents'
  | 'case:?focus=letter-template';

/** Every route the menu may send; anything else arriving on the channel is ignored. */
export const MENU_ROUTES: readonly MenuRoute[] = [
  '/',
  '/dashboard',
  '/clients',
  '/clients/new',
  '/cases/new',
  '/contacts',
  '/templates',
  '/criteria',
  '/backups',
  '/profile',
  '/settings',
  '/search',
  '/help',
  'case:?focus=section-documents',
  'case:?focus=letter-template',
];

/** True for a route the menu may send (checked on both sides of the channel). */
export const isMenuRoute = (value: unknown): value is MenuRoute =>
  typeof value === 'string' && (MENU_ROUTES as readonly string[]).includes(value);

/**
 * The router path to show for a menu route, given the path on screen. A case-relative target
 * opens that part of the case being viewed; with no case open it shows the case list, to pick one.
 */
export function resolveMenuRoute(route: MenuRoute, currentPath: string): string {
  if (!route.startsWith('case:')) return route;
  const caseId = /^\/cases\/(\d+)(?:[/?#]|$)/.exec(currentPath)?.[1];
  return caseId ? `/cases/${caseId}${route.slice('case:'.length)}` : '/';
}
