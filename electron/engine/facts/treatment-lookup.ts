// Finds a treatment in the vocabulary by what a person typed ("Wellbutrin XL 300 mg", "buproprion",
// "CBT") so its class and role are the same whichever door the treatment came in by.
import type { TREATMENT_KIND } from '../../contract/choices';
import type { CustomTreatment } from '../../contract/vocabulary';
import type { Drug, TreatmentRole } from './vocabulary';
import { vocabulary } from './vocabulary';

export interface KnownTreatment {
  /** The generic or usual name. */
  name: string;
  kind: (typeof TREATMENT_KIND.values)[number];
  class: string;
  role: TreatmentRole;
}

let index: Map<string, KnownTreatment> | undefined;

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function build(): Map<string, KnownTreatment> {
  const { drugs, therapies, procedures, classes } = vocabulary();
  const map = new Map<string, KnownTreatment>();
  const add = (list: Drug[], kind: KnownTreatment['kind']) => {
    for (const d of list) {
      const known: KnownTreatment = {
        name: d.name,
        kind,
        class: d.class,
        role: d.role ?? classes[d.class]?.role ?? 'other',
      };
      for (const n of [d.name, ...d.brands, ...(d.misspellings ?? [])]) {
        const key = normalise(n);
        if (!map.has(key)) map.set(key, known);
      }
    }
  };
  add(drugs, 'medication');
  add(therapies, 'therapy');
  add(procedures, 'procedure');
  return map;
}

/**
 * The vocabulary's entry for a typed name: the whole name first, then shorter and shorter leading
 * parts, so release forms, doses and salts after the name ("Effexor XR 150 mg") don't hide it.
 */
export function lookupTreatment(
  typed: string | null | undefined,
  custom: CustomTreatment[] = [],
): KnownTreatment | null {
  if (!typed) return null;
  index ??= build();
  // The advocate's own entries first: they were added because the shipped list lacked them.
  const own = new Map<string, KnownTreatment>();
  for (const c of custom) {
    const known = { name: c.name, kind: c.kind, class: c.drugClass, role: c.role };
    for (const n of [c.name, ...c.otherNames]) own.set(normalise(n), known);
  }
  const words = normalise(typed).split(' ').filter(Boolean);
  for (let n = words.length; n > 0; n--) {
    const key = words.slice(0, n).join(' ');
    const hit = own.get(key) ?? index.get(key);
    if (hit) return hit;
  }
  return null;
}

/**
 * A treatment's values with its class filled from the vocabulary when none was given. A class the
 * user typed is kept: the vocabulary only fills what is empty.
 */
export function withVocabularyClass<T extends { name?: unknown; drugClass?: unknown }>(
  values: T,
  custom: CustomTreatment[] = [],
): T {
  if (typeof values.drugClass === 'string' && values.drugClass.trim()) return values;
  const known = lookupTreatment(typeof values.name === 'string' ? values.name : null, custom);
  return known ? { ...values, drugClass: known.class } : values;
}
