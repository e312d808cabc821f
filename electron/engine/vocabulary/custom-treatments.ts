// The treatments the advocate added to the vocabulary, kept as JSON in the library's settings
// table so they travel with the library and both processes (app and CLI) see the same list.
import type { Database } from 'better-sqlite3';
import type { CustomTreatment } from '../../contract/vocabulary';
import { customTreatment } from '../../contract/vocabulary';
import { readSetting, writeSetting } from '../settings/queries';

const KEY = 'vocabulary.customTreatments';

/** The list, oldest first; entries that no longer parse are skipped rather than breaking saves. */
export function customTreatments(db: Database): CustomTreatment[] {
  const raw = readSetting(db, KEY);
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((e) => {
    const r = customTreatment.safeParse(e);
    return r.success ? [r.data] : [];
  });
}

export function writeCustomTreatments(db: Database, list: CustomTreatment[]): void {
  writeSetting(db, KEY, JSON.stringify(list));
}
