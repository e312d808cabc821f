// The records that hang off a case: diagnoses, treatments tried, scores, calls and deadlines,
// and the coverage work around them (access log, network requests, peer-to-peer calls, help
// beyond the plan, benefits checks).
import { z } from 'zod';
import { CHANNEL, DEADLINE_KIND, INSTRUMENT_RANGES, TREATMENT_KIND } from './choices';
import {
  icd10Code,
  id,
  optionalDate,
  optionalPartialDate,
  optionalText,
  requiredDate,
  requiredPartialDate,
  requiredText,
} from './fields';
import { mayBeOnOrAfter } from './partial-date';
import { accessAttemptFields } from './access-log';
import { benefitsCheckFields } from './benefits-check';
import { enrolmentFields } from './enrolment';
import { networkRequestFields } from './network-request';
import { peerCallFields } from './peer-call';
import { patchOf, version } from './versions';

/** The document a record's facts were accepted from, if any. */
const sourceDocumentId = id.nullish().transform((v) => v ?? null);

export const diagnosisFields = z.object({
  icd10Code,
  description: optionalText(300),
  diagnosedOn: optionalPartialDate,
  sourceDocumentId,
});

export const treatmentFields = z
  .object({
    kind: z.enum(TREATMENT_KIND.values, { error: 'must be medication, therapy or procedure' }),
    name: requiredText(200),
    dose: optionalText(100),
    /** The highest dose reached, when it differs from the dose written above ("300 mg/day"). */
    maxDose: optionalText(100),
    /** Weeks at a therapeutic dose: what payers' "adequate trial" criteria count. */
    weeksAtTherapeuticDose: z
      .number({ error: 'must be a number of weeks' })
      .int({ error: 'must be a whole number of weeks' })
      .min(0, { error: 'cannot be negative' })
      .max(1000, { error: 'must be at most 1000 weeks' })
      .nullish()
      .transform((v) => v ?? null),
    /** A day, a month or a year: "2019-03" when the record says only "03/2019". */
    startedOn: optionalPartialDate,
    endedOn: optionalPartialDate,
    outcome: optionalText(1000),
    reasonStopped: optionalText(1000),
    /** SSRI, SNRI, atypical antipsychotic...: filled from the drug vocabulary when known. */
    drugClass: optionalText(60),
    sourceDocumentId,
  })
  .refine((t) => !t.startedOn || !t.endedOn || mayBeOnOrAfter(t.endedOn, t.startedOn), {
    error: 'cannot be before the start date',
    path: ['endedOn'],
  });

export const assessmentFields = z
  .object({
    instrument: requiredText(60),
    score: z.number({ error: 'must be a number' }).min(0, { error: 'cannot be negative' }),
    assessedOn: requiredPartialDate,
    notes: optionalText(1000),
    sourceDocumentId,
  })
  .superRefine((a, ctx) => {
    const range = INSTRUMENT_RANGES[a.instrument.toUpperCase()];
    if (range && (a.score < range[0] || a.score > range[1])) {
      ctx.addIssue({
        code: 'custom',
        path: ['score'],
        message: `must be between ${range[0]} and ${range[1]} on the ${a.instrument}`,
      });
    }
  });

export const communicationFields = z.object({
  occurredOn: requiredDate,
  channel: z.enum(CHANNEL.values, { error: 'is not a known channel' }),
  person: optionalText(200),
  referenceNumber: optionalText(100),
  summary: requiredText(10000),
  sourceDocumentId,
});

export const deadlineFields = z.object({
  kind: z.enum(DEADLINE_KIND.values).default('task'),
  title: requiredText(200),
  dueOn: requiredDate,
  completedOn: optionalDate,
  notes: optionalText(2000),
  sourceDocumentId,
});

/** Each kind of case record: its fields and the API name prefix that edits it. */
export const CASE_RECORDS = {
  diagnoses: diagnosisFields,
  treatments: treatmentFields,
  assessments: assessmentFields,
  communications: communicationFields,
  deadlines: deadlineFields,
  accessAttempts: accessAttemptFields,
  networkRequests: networkRequestFields,
  peerCalls: peerCallFields,
  enrolments: enrolmentFields,
  benefitsChecks: benefitsCheckFields,
} as const;

export type CaseRecordKind = keyof typeof CASE_RECORDS;

type Stored<S extends z.ZodType> = z.output<S> & { id: number; caseId: number; version: number };

export type Diagnosis = Stored<typeof diagnosisFields>;
export type Treatment = Stored<typeof treatmentFields>;
export type Assessment = Stored<typeof assessmentFields>;
export type Communication = Stored<typeof communicationFields>;
export type Deadline = Stored<typeof deadlineFields>;
export type AccessAttempt = Stored<typeof accessAttemptFields>;
export type NetworkRequest = Stored<typeof networkRequestFields>;
export type PeerCall = Stored<typeof peerCallFields>;
export type Enrolment = Stored<typeof enrolmentFields>;
export type BenefitsCheck = Stored<typeof benefitsCheckFields>;

export interface CaseRecordTypes {
  diagnoses: Diagnosis;
  treatments: Treatment;
  assessments: Assessment;
  communications: Communication;
  deadlines: Deadline;
  accessAttempts: AccessAttempt;
  networkRequests: NetworkRequest;
  peerCalls: PeerCall;
  enrolments: Enrolment;
  benefitsChecks: BenefitsCheck;
}

/** Arguments to create a record: the case and the record's fields. */
export const recordCreate = <S extends z.ZodType>(fields: S) =>
  z.object({ caseId: id, values: fields });
/** Arguments to change a record: the fields changed, and the version they were changed from. */
export const recordUpdate = <S extends z.ZodRawShape>(fields: z.ZodObject<S>) =>
  z.object({ id, version, values: patchOf(fields.shape) });
