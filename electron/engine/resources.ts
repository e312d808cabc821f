// Finds the data the app ships in resources/ (templates, vocabularies) wherever the engine runs:
// from source under tsx, from the electron-vite bundle in out/main, or from a packaged app
// (ADVOCATE_DESK_RESOURCES, set by the main process to its unpacked resources folder).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

/** The resources folder: the nearest `resources/` above this module that holds the app's data. */
export function resourcesDir(): string {
  if (found) return found;
  const candidates: string[] = [];
  if (process.env.ADVOCATE_DESK_RESOURCES) candidates.push(process.env.ADVOCATE_DESK_RESOURCES);
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    candidates.push(join(dir, 'resources'));
    if (dirname(dir) === dir) break;
  }
  found = candidates.find(
    (c) => existsSync(join(c, 'templates')) && existsSync(join(c, 'vocabulary')),
  );
  if (!found)
    throw new Error(
      `The app's resources folder is missing (looked in ${candidates[0]} and above).`,
    );
  return found;
}

/** A file or folder inside resources/. */
export const resourcePath = (...parts: string[]) => join(resourcesDir(), ...parts);
