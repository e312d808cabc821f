// What the engine adds to a case record whenever one is saved, by any door (form, CLI, facts,
// case import, archive): a treatment's class from the drug vocabulary.
import type { CaseRecordKind } from '../../contract/case-records';
import { withVocabularyClass } from '../facts/treatment-lookup';

/**
 * The values to save. For an update, `current` is the row being changed: the class is filled only
 * when the saved row would otherwise have none, and a class the user typed is never replaced.
 */
export function onSave(
  kind: CaseRecordKind,
  values: Record<string, unknown>,
  current?: Record<string, unknown>,
): Record<string, unknown> {
  if (kind !== 'treatments') return values;
  const merged = { ...current, ...values };
  const filled = withVocabularyClass(merged);
  return filled === merged ? values : { ...values, drugClass: filled.drugClass };
}
