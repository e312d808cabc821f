// The vocabularies shipped as data in resources/vocabulary: ICD-10-CM descriptions and treatments
// (drugs, psychotherapies, procedures) with their classes and roles.
import { readFileSync } from 'node:fs';
import { resourcePath } from '../resources';

const load = <T>(name: string) =>
  JSON.parse(readFileSync(resourcePath('vocabulary', name), 'utf8')) as T;

/** The part a treatment plays in a history: payers count antidepressant trials apart from augmentation. */
export type TreatmentRole =
  | 'antidepressant'
  | 'augmenting agent'
  | 'mood stabiliser'
  | 'anxiolytic'
  | 'psychotherapy'
  | 'procedure'
  | 'pain treatment'
  | 'other';

export interface Drug {
  name: string;
  class: string;
  brands: string[];
  /** Spellings met in records that only a lookup by name should accept, never text extraction. */
  misspellings?: string[];
  /** Overrides the class's role (lithium is a mood stabiliser used to augment). */
  role?: TreatmentRole;
}

export interface VocabularyFile {
  classes: Record<string, { label: string; role: TreatmentRole }>;
  drugs: Drug[];
  therapies?: Drug[];
  procedures?: Drug[];
}

let cache:
  | {
      icd10: Map<string, string>;
      /** Medications only: what text extraction looks for. */
      drugs: Drug[];
      therapies: Drug[];
      procedures: Drug[];
      classes: VocabularyFile['classes'];
    }
  | undefined;

/** Loaded once, on first use. */
export function vocabulary() {
  if (!cache) {
    const icd = load<{ codes: Record<string, string> }>('icd10-cm.json');
    const meds = load<VocabularyFile>('medications.json');
    cache = {
      icd10: new Map(Object.entries(icd.codes)),
      drugs: meds.drugs,
      therapies: meds.therapies ?? [],
      procedures: meds.procedures ?? [],
      classes: meds.classes,
    };
  }
  return cache;
}
