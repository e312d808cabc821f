// "N medications from K classes": counted once, here, for letters and the readiness checks alike.
import type { Treatment } from '../../contract/case-records';
import { lookupTreatment } from '../facts/treatment-lookup';
import { vocabulary } from '../facts/vocabulary';

type Named = Pick<Treatment, 'kind' | 'name' | 'drugClass'>;

/** A medication's class: the one recorded, else the vocabulary's (rows saved before it knew). */
export function classOf(t: Named): string | null {
  const recorded = t.drugClass?.trim();
  if (recorded) return recorded;
  return lookupTreatment(t.name)?.class ?? null;
}

/**
 * The distinct classes among the medications given, in the order first met; "ssri" and "SSRI" are
 * one class, written as first recorded. Therapies and procedures are not drug classes.
 */
export function distinctClasses(treatments: Named[]): string[] {
  const seen = new Map<string, string>();
  for (const t of treatments) {
    if (t.kind !== 'medication') continue;
    const c = classOf(t);
    if (c && !seen.has(c.toLowerCase())) seen.set(c.toLowerCase(), c);
  }
  return [...seen.values()];
}

/**
 * The classes that count as antidepressant trials, which is what payers' step-therapy rules count:
 * a benzodiazepine or a pain drug is not one. A class the vocabulary does not know (typed by the
 * advocate) is counted: the advocate knows what it is.
 */
export function antidepressantClasses(treatments: Named[]): string[] {
  const roles = new Map(
    Object.entries(vocabulary().classes).map(([name, c]) => [name.toLowerCase(), c.role]),
  );
  return distinctClasses(treatments).filter((c) => {
    const role = roles.get(c.toLowerCase());
    return role === undefined || role === 'antidepressant';
  });
}
