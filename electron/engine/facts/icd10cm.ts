// The official ICD-10-CM code set shipped with the app (resources/vocabulary/icd10cm-fy2026.tsv.gz,
// see its .about.json for source and fiscal year): a diagnosis code is checked against it, not
// against a pattern, so "F33.9999" is refused and "U07.1" or "QA0.0101" accepted.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resourcePath } from '../resources';

export const ICD10CM_EDITION = 'ICD-10-CM FY2026';
const FILE = 'icd10cm-fy2026.tsv.gz';

interface Entry {
  billable: boolean;
  description: string;
}

let codes: Map<string, Entry> | undefined;
/** Every code in file order (the official order), for listing what sits under a category. */
let ordered: string[] | undefined;

function load() {
  if (codes) return codes;
  const text = gunzipSync(readFileSync(resourcePath('vocabulary', FILE))).toString('utf8');
  codes = new Map();
  ordered = [];
  for (const line of text.split('\n').slice(1)) {
    const [code, billable, description] = line.split('\t');
    if (!code || description === undefined) continue;
    codes.set(code, { billable: billable === '1', description });
    ordered.push(code);
  }
  return codes;
}

/** The code set's entry for a code written with its dot (F33.2), or undefined. */
export function icd10Entry(code: string): Entry | undefined {
  return load().get(code);
}

/** The billable codes under a category, in the code set's order. */
export function billableUnder(category: string): string[] {
  load();
  const prefix = category.includes('.') ? category : `${category}.`;
  return ordered!.filter((c) => c.startsWith(prefix) && c !== category && codes!.get(c)!.billable);
}

export type Icd10Check =
  | { ok: true; description: string }
  | { ok: false; reason: 'unknown' | 'category'; message: string; description?: string };

/** Whether a code can go on a claim or letter, and if not, what to choose instead. */
export function checkIcd10(code: string): Icd10Check {
  const entry = icd10Entry(code);
  if (entry?.billable) return { ok: true, description: entry.description };
  if (entry) {
    const under = billableUnder(code);
    const choices =
      under.length === 0
        ? ''
        : under.length === 1
          ? `: choose ${under[0]}`
          : `: choose ${under[0]}–${under[under.length - 1]}`;
    return {
      ok: false,
      reason: 'category',
      description: entry.description,
      message: `${code} is a category (${entry.description}), not a code to bill${choices}.`,
    };
  }
  // The nearest code it extends, e.g. F33.9 for F33.9999, as a hint.
  let near: string | undefined;
  for (let n = code.length - 1; n >= 3 && !near; n--) {
    const prefix = code.slice(0, n).replace(/\.$/, '');
    if (icd10Entry(prefix)) near = prefix;
  }
  const hint = near ? ` The nearest code is ${near} (${icd10Entry(near)!.description}).` : '';
  return {
    ok: false,
    reason: 'unknown',
    message: `${code} is not in the ${ICD10CM_EDITION} code set: check it against the provider's records.${hint}`,
  };
}
