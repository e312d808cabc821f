// File names that come from documents (an imported file's name, a name typed into a case) are
// data, not paths: these turn one into a plain name that stays inside the folder the user chose.
import { resolve, sep } from 'node:path';

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_NAME = 180;

/** A name safe on Windows, macOS and Linux: no folders, no control or reserved characters. */
export function safeFileName(name: string, fallback = 'document'): string {
  // Only the last part of anything that looks like a path, in either separator.
  let base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  base = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_');
  // Leading dots would hide the file or mean "..", trailing dots and spaces vanish on Windows.
  base = base.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (RESERVED.test(base)) base = `_${base}`;
  if (!base) base = fallback;
  if (base.length > MAX_NAME) {
    const dot = base.lastIndexOf('.');
    const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
    base = base.slice(0, MAX_NAME - ext.length) + ext;
  }
  return base;
}

/** The path of `name` (made safe) inside `folder`; throws if it would land anywhere else. */
export function pathInside(folder: string, name: string): string {
  const root = resolve(folder);
  const target = resolve(root, safeFileName(name));
  if (!target.startsWith(root + sep)) throw new Error(`${name} would be written outside ${root}`);
  return target;
}

/** "letter.docx" → "letter (2).docx", for a name already taken in the folder. */
export function numbered(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}
