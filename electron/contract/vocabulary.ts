// Treatments the advocate adds to the app's vocabulary: a drug, therapy or procedure the shipped
// list does not know, with its class, used like the shipped ones whenever a treatment is saved.
import { z } from 'zod';
import { TREATMENT_KIND } from './choices';
import { requiredText } from './fields';

export const TREATMENT_ROLES = [
  'antidepressant',
  'augmenting agent',
  'mood stabiliser',
  'anxiolytic',
  'psychotherapy',
  'procedure',
  'pain treatment',
  'other',
] as const;

export const customTreatment = z.object({
  name: requiredText(100),
  kind: z.enum(TREATMENT_KIND.values, { error: 'must be medication, therapy or procedure' }),
  drugClass: requiredText(60),
  role: z.enum(TREATMENT_ROLES, { error: `must be one of: ${TREATMENT_ROLES.join(', ')}` }),
  /** Brand names and other spellings that mean the same treatment. */
  otherNames: z.array(requiredText(100)).max(20).default([]),
});

export const customTreatmentRemove = z.object({ name: requiredText(100) });

export type CustomTreatment = z.output<typeof customTreatment>;
