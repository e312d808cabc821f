// Payer criteria as data: a policy's coverage criteria, each a rule over the case's own records or
// a question the advocate answers, and how a case measures up against the set it is linked to.
import { z } from 'zod';
import { id, optionalDate, optionalText, requiredText } from './fields';
import { patchOf, version } from './versions';

/** What a criterion checks. `question` is answered by the advocate, with the case. */
export const CRITERION_KIND = {
  values: [
    'age',
    'diagnosis',
    'failed-medication-trials',
    'distinct-classes',
    'weeks-at-dose',
    'augmentation',
    'psychotherapy',
    'score-threshold',
    'ect',
    'prescriber',
    'setting',
    'rems',
    'session-limit',
    'question',
  ] as const,
  labels: {
    age: 'Age',
    diagnosis: 'Diagnosis codes',
    'failed-medication-trials': 'Failed medication trials',
    'distinct-classes': 'Distinct drug classes',
    'weeks-at-dose': 'Weeks at a therapeutic dose',
    augmentation: 'Augmentation tried',
    psychotherapy: 'Psychotherapy tried',
    'score-threshold': 'Score at or above a threshold',
    ect: 'ECT tried or contraindicated',
    prescriber: 'Prescriber specialty',
    setting: 'Setting',
    rems: 'REMS',
    'session-limit': 'Session limit',
    question: 'Question the advocate answers',
  },
} as const;

export type CriterionKind = (typeof CRITERION_KIND.values)[number];

const count = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'cannot be negative' })
  .max(1000, { error: 'must be at most 1000' })
  .nullish()
  .transform((v) => v ?? null);

const words = z
  .array(z.string().trim().min(1).max(60))
  .max(50, { error: 'must list at most 50' })
  .nullish()
  .transform((v) => (v && v.length ? v : null));

/**
 * One criterion. The rule's settings are flat and optional; which apply depends on `kind`:
 * age (min, max), diagnosis (codes, excludeCodes), failed-medication-trials (count, minWeeks),
 * distinct-classes (count), weeks-at-dose (count, minWeeks), augmentation (count, orPsychotherapy),
 * score-threshold (instruments, min, count), prescriber (specialty), setting (setting),
 * session-limit (max). Psychotherapy, ECT, REMS and questions need none.
 */
export const criterionFields = z.object({
  /** Stable within its set: the case's answers are kept by it. */
  key: z
    .string()
    .trim()
    .min(1, { error: 'is required' })
    .max(60)
    .regex(/^[a-z0-9-]+$/, { error: 'must be lowercase letters, digits and hyphens' }),
  /** The policy's words for it (paraphrased or quoted). */
  text: requiredText(2000),
  kind: z.enum(CRITERION_KIND.values, { error: 'is not a known kind of criterion' }),
  min: count,
  max: count,
  count,
  minWeeks: count,
  codes: words,
  excludeCodes: words,
  instruments: words,
  specialty: optionalText(100),
  setting: optionalText(100),
  /** Augmentation: a failed trial of psychotherapy satisfies it instead. */
  orPsychotherapy: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
});

export type CriterionInput = z.input<typeof criterionFields>;
export type Criterion = z.output<typeof criterionFields>;

export const criteriaSetFields = z.object({
  payer: requiredText(200),
  policyName: requiredText(300),
  policyNumber: optionalText(200),
  /** The treatment the policy covers, in the case's words ("esketamine", "TMS", "IV ketamine"). */
  treatment: requiredText(100),
  effectiveDate: optionalDate,
  /** Where the policy is from (a web address or a document). */
  sourceUrl: optionalText(1000),
  /** The policy's own words, and notes on which version applies. */
  sourceText: optionalText(20000),
  criteria: z
    .array(criterionFields)
    .max(60, { error: 'must have at most 60 criteria' })
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((c, i) => {
        if (seen.has(c.key))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'key'],
            message: `"${c.key}" is used by two criteria: each needs its own`,
          });
        seen.add(c.key);
      });
    })
    .default([]),
});

export type CriteriaSetInput = z.input<typeof criteriaSetFields>;
export type CriteriaSetValues = z.output<typeof criteriaSetFields>;

export interface CriteriaSet extends CriteriaSetValues {
  id: number;
  version: number;
  /** Shipped with the app from a public policy: an example to check against the current one. */
  starterKey: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CriteriaSetSummary {
  id: number;
  payer: string;
  policyName: string;
  policyNumber: string | null;
  treatment: string;
  effectiveDate: string | null;
  starterKey: string | null;
  criteriaCount: number;
  /** Cases linked to it. */
  caseCount: number;
}

export const criteriaSetUpdate = z.object({
  id,
  version,
  values: patchOf(criteriaSetFields.shape),
});

/** The advocate's answer to a question criterion (or to a rule the records cannot decide). */
export const criterionAnswer = z.object({
  answer: z.enum(['yes', 'no'], { error: 'must be yes or no' }),
  /** Where it is documented, or why. */
  note: optionalText(1000),
});

export type CriterionAnswer = z.output<typeof criterionAnswer>;

export const caseCriteriaLink = z.object({
  caseId: id,
  /** Null unlinks the case (it falls back to the general readiness list). */
  setId: id.nullable(),
  version,
});

export const caseCriteriaAnswer = z.object({
  caseId: id,
  key: z.string().trim().min(1).max(60),
  /** Null clears the answer. */
  answer: criterionAnswer.nullable(),
  version,
});

export type CriterionStatus = 'met' | 'not-met' | 'unknown';

export const CRITERION_STATUS_LABELS: Record<CriterionStatus, string> = {
  met: 'Met',
  'not-met': 'Not met',
  unknown: 'Unknown',
};

/** One criterion measured against the case. */
export interface CriterionResult {
  key: string;
  text: string;
  kind: CriterionKind;
  status: CriterionStatus;
  /** The records that meet it (or the advocate's answer), in words with where each is from. */
  evidence: string[];
  /** What to gather or record next; null when met. */
  gather: string | null;
  /** Whether the advocate may answer it (a question, or a rule the records cannot decide). */
  answerable: boolean;
  answer: CriterionAnswer | null;
}

/** A case against its criteria set (or the set suggested for it). */
export interface CaseCriteria {
  caseId: number;
  /** The link's version (0 before the case was ever linked). */
  version: number;
  set: CriteriaSet | null;
  /** The set that best fits the case's insurer and treatment, when the case has none linked. */
  suggested: CriteriaSetSummary | null;
  results: CriterionResult[];
  met: number;
  total: number;
}
