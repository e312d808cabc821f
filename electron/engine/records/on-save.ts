// What the engine checks and adds whenever a case record is saved, by any door (form, CLI, facts,
// case import, archive): a treatment's class from the drug vocabulary; a diagnosis code checked
// against the official ICD-10-CM code set, with its description.
import type { CaseRecordKind } from '../../contract/case-records';
import type { CustomTreatment } from '../../contract/vocabulary';
import { AppError } from '../../contract/errors';
import { checkIcd10 } from '../facts/icd10cm';
import { withVocabularyClass } from '../facts/treatment-lookup';

export interface SaveOptions {
  /** The row being changed, for an update. */
  current?: Record<string, unknown>;
  /**
   * Records arriving from an exchange file or archive: a code the code set doesn't know is kept as
   * it was (refusing it would lose the rest of the file), and `warn` hears about it.
   */
  imported?: { warn: (message: string) => void };
  /** The treatments the advocate added to the vocabulary. */
  custom?: CustomTreatment[];
}

/**
 * The values to save. A class or description the user typed is never replaced: the vocabularies
 * only fill what would otherwise be empty.
 */
export function onSave(
  kind: CaseRecordKind,
  values: Record<string, unknown>,
  { current, imported, custom }: SaveOptions = {},
): Record<string, unknown> {
  const merged = { ...current, ...values };
  if (kind === 'treatments') {
    const filled = withVocabularyClass(merged, custom);
    return filled === merged ? values : { ...values, drugClass: filled.drugClass };
  }
  if (kind === 'diagnoses' && typeof values.icd10Code === 'string') {
    const check = checkIcd10(values.icd10Code);
    if (!check.ok) {
      if (!imported) throw new AppError('invalid-input', check.message, 'values.icd10Code');
      imported.warn(check.message);
    }
    // A category kept from an older file still gets its (category) description.
    const { description } = check;
    if (description && !(typeof merged.description === 'string' && merged.description.trim()))
      return { ...values, description };
  }
  return values;
}
