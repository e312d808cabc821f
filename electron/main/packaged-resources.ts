// Where a packaged app's engine finds resources/ (templates, vocabularies): inside app.asar, as
// electron-builder.yml's `files` put it. Pure, so it is tested without Electron.
import { join } from 'node:path';

/**
 * The value to give ADVOCATE_DESK_RESOURCES, or undefined to leave it alone: when packaged,
 * `<app.getAppPath()>/resources` (…/resources/app.asar/resources), unless the user set one.
 */
export function packagedResourcesDir(
  isPackaged: boolean,
  appPath: string,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (!isPackaged || env.ADVOCATE_DESK_RESOURCES) return undefined;
  return join(appPath, 'resources');
}
