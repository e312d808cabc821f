// Resolves a request path to a file inside the renderer folder, and never outside it.
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  path: string;
  mediaType: string;
}

/**
 * The file `urlPath` names under `root`, or null. "/" and unknown extension-less paths give
 * index.html (the app routes on the client); anything escaping `root` gives null.
 */
export function resolveStaticFile(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const candidate = resolve(join(base, normalize(decoded)));
  if (candidate !== base && !candidate.startsWith(base + sep)) return null;
  const file =
    candidate === base || (!extname(candidate) && !existsSync(candidate))
      ? join(base, 'index.html')
      : candidate;
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  const mediaType = MEDIA_TYPES[extname(file).toLowerCase()];
  return mediaType ? { path: file, mediaType } : null;
}
