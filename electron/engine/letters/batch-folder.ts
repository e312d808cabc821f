// The folder a batch of letters is saved into: checked before the first letter is made, so a
// mistyped folder fails at once and nothing is written (into the cases or the disk).
import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../contract/errors';
import { pathInside } from '../../security/safe-file-name';

/** The folder's full path when it exists and can be written; refuses it otherwise. */
export function writableFolder(folder: string): string {
  const path = resolve(folder);
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) {
    throw new AppError(
      'invalid-input',
      `The folder ${path} does not exist: create it first (no letter was written).`,
      'outDir',
    );
  }
  if (!stats.isDirectory()) {
    throw new AppError(
      'invalid-input',
      `${path} is not a folder (no letter was written).`,
      'outDir',
    );
  }
  try {
    accessSync(path, constants.W_OK);
  } catch {
    throw new AppError(
      'invalid-input',
      `The folder ${path} cannot be written to (no letter was written). Choose a folder you may write to.`,
      'outDir',
    );
  }
  return path;
}

/** Saves `bytes` as `name` (made safe) inside `folder`; a new file is readable by its owner only. */
export function saveInto(folder: string, name: string, bytes: Uint8Array): string {
  const target = pathInside(folder, name);
  try {
    writeFileSync(target, bytes, { mode: 0o600 });
  } catch (error) {
    throw new AppError(
      'invalid-input',
      `Could not save to ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
      'outDir',
    );
  }
  return target;
}
