// The rules the Electron window lives by, as plain data and functions so tests can read them
// without Electron's runtime.

/** The renderer's own scheme: files under out/renderer only, served with our CSP. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://renderer`;

/** webPreferences for every window: isolated, sandboxed, no Node in the page. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  spellcheck: true,
} as const;

/** Whether the window may show `url`: only our own pages (and the dev server in development). */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  try {
    const parsed = new URL(url);
    if (
      parsed.origin === APP_ORIGIN ||
      (parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'renderer')
    ) {
      return true;
    }
    return devServerUrl !== undefined && parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

/**
 * Links the app may hand to the system (the browser or mail app): https and mailto only.
 * Nothing with clients' data is ever put in such a link by the app.
 */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '') ||
      parsed.protocol === 'mailto:'
    );
  } catch {
    return false;
  }
}
