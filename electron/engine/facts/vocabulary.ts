// The vocabularies shipped as data in resources/vocabulary: ICD-10-CM descriptions and drugs
// with their classes.
import { readFileSync } from 'node:fs';
import { resourcePath } from '../resources';

const load = <T>(name: string) =>
  JSON.parse(readFileSync(resourcePath('vocabulary', name), 'utf8')) as T;

export interface Drug {
  name: string;
  class: string;
  brands: string[];
}

let cache: { icd10: Map<string, string>; drugs: Drug[] } | undefined;

/** Loaded once, on the first extraction. */
export function vocabulary() {
  if (!cache) {
    const icd = load<{ codes: Record<string, string> }>('icd10-cm.json');
    const meds = load<{ drugs: Drug[] }>('medications.json');
    cache = { icd10: new Map(Object.entries(icd.codes)), drugs: meds.drugs };
  }
  return cache;
}
