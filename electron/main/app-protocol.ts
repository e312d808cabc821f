// Serves the built renderer on app://renderer/ from its folder only, with our CSP.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { RENDERER_HEADERS } from '../security/content-security-policy';
import { resolveStaticFile } from '../security/static-files';
import { APP_SCHEME } from '../security/window-policy';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'renderer' ? resolveStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: RENDERER_HEADERS });
    const response = await net.fetch(pathToFileURL(file.path).toString());
    return new Response(response.body, {
      status: 200,
      headers: { ...RENDERER_HEADERS, 'Content-Type': file.mediaType },
    });
  });
}
