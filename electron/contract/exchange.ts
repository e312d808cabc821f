// The case exchange format: one client with their cases and every related record, as JSON.
// docs/case-exchange.schema.json is generated from this schema; a test keeps the two in step.
import { z } from 'zod';
import { clientInput } from './client';
import { caseFields } from './case';
import {
  assessmentFields,
  communicationFields,
  deadlineFields,
  diagnosisFields,
  treatmentFields,
} from './case-records';
import { accessAttemptFields } from './access-log';
import { benefitsCheckFields } from './benefits-check';
import { enrolmentFields } from './enrolment';
import { networkRequestFields } from './network-request';
import { peerCallFields } from './peer-call';
import { documentFields } from './document';
import { importedCaseFields, importedClientFields } from './imported-fields';

export const EXCHANGE_FORMAT = 'advocate-desk/case-exchange';
/**
 * 2: dates may be a month or a year, names come in parts, treatments carry their highest dose and
 * weeks at a therapeutic dose. Version 1 files (day dates, first and last name only) still import.
 */
export const EXCHANGE_VERSION = 2;
export const EXCHANGE_VERSIONS_READ = [1, 2] as const;

/** The version field of a file this app reads. */
export const exchangeVersion = z.literal(EXCHANGE_VERSIONS_READ, {
  error: `must be ${EXCHANGE_VERSIONS_READ.join(' or ')}: this version of Advocate Desk reads version ${EXCHANGE_VERSIONS_READ.join(' and ')} files`,
});

const base64 = z.base64({ error: 'must be the file bytes in base64' });
const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, { error: 'must be a lower-case hex SHA-256' })
  .optional();

export const exchangeDocument = documentFields.extend({
  contentBase64: base64,
  sha256,
  createdAt: z.iso.datetime({ offset: true }).optional(),
});

export const exchangeCase = caseFields.extend({
  ...importedCaseFields,
  diagnoses: z.array(diagnosisFields).default([]),
  treatments: z.array(treatmentFields).default([]),
  assessments: z.array(assessmentFields).default([]),
  communications: z.array(communicationFields).default([]),
  deadlines: z.array(deadlineFields).default([]),
  accessAttempts: z.array(accessAttemptFields).default([]),
  networkRequests: z.array(networkRequestFields).default([]),
  peerCalls: z.array(peerCallFields).default([]),
  enrolments: z.array(enrolmentFields).default([]),
  benefitsChecks: z.array(benefitsCheckFields).default([]),
  documents: z.array(exchangeDocument).default([]),
});

export const exchangeFile = z.object({
  format: z.literal(EXCHANGE_FORMAT, { error: `must be "${EXCHANGE_FORMAT}"` }),
  version: exchangeVersion,
  exportedAt: z.iso.datetime({ offset: true }).optional(),
  client: clientInput.safeExtend(importedClientFields),
  cases: z.array(exchangeCase).min(1, { error: 'must hold at least one case' }),
});

export type ExchangeFile = z.input<typeof exchangeFile>;
export type ExchangeFileValues = z.output<typeof exchangeFile>;

export interface ExchangeImportResult {
  clientId: number;
  caseIds: number[];
  /**
   * What was kept as written although the app would refuse it today (a diagnosis code the current
   * ICD-10-CM code set lacks, say), each naming its place in the file.
   */
  warnings: string[];
}
