// A case: one request for coverage of one treatment, with the plan and provider it involves.
import { z } from 'zod';
import { CASE_STATUS, PLAN_TYPE, choices } from './choices';
import {
  id,
  optionalDate,
  requiredDate,
  optionalNpi,
  optionalPhone,
  optionalServiceCodes,
  optionalText,
  requiredText,
} from './fields';
import type { Client } from './client';
import type {
  AccessAttempt,
  Assessment,
  BenefitsCheck,
  Communication,
  Deadline,
  Diagnosis,
  Enrolment,
  NetworkRequest,
  PeerCall,
  Treatment,
} from './case-records';
import type { DocumentInfo } from './document';
import { patchOf, version } from './versions';
import { pageArgs } from './paging';
import type { Page } from './paging';

/** A case's own fields, without the client it belongs to (the exchange format nests cases). */
export const caseFields = z.object({
  requestedTreatment: requiredText(200),
  treatmentCodes: optionalServiceCodes,
  status: z.enum(CASE_STATUS.values, { error: 'is not a known case status' }).default('intake'),
  openedOn: optionalDate,
  providerName: optionalText(200),
  providerNpi: optionalNpi,
  providerPractice: optionalText(200),
  providerPhone: optionalPhone,
  providerFax: optionalPhone,
  insurerName: optionalText(200),
  planName: optionalText(200),
  planType: z
    .union([z.literal(''), z.enum(PLAN_TYPE.values, { error: 'is not a known plan type' })])
    .nullish()
    .transform((v) => (v ? v : null)),
  memberId: optionalText(60),
  groupNumber: optionalText(60),
  /** How the condition limits work, family, self-care: letters argue necessity from it. */
  functionalImpact: optionalText(10000),
  /** What the treating provider expects without the requested treatment. */
  prognosis: optionalText(10000),
  /** Frequency, number of sessions, duration, setting and monitoring of the request. */
  treatmentPlan: optionalText(5000),
  notes: optionalText(10000),
});

export const caseInput = caseFields.extend({ clientId: id });
/** A change to a case: the fields changed, and the version they were changed from. */
export const caseUpdate = patchOf(caseInput.shape).extend({ id, version });

export type CaseStatus = (typeof CASE_STATUS.values)[number];
export type PlanType = (typeof PLAN_TYPE.values)[number];
export type CaseInput = z.input<typeof caseInput>;
export type CaseValues = z.output<typeof caseInput>;

export interface Case extends CaseValues {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A row of the case list. */
export interface CaseSummary {
  id: number;
  clientId: number;
  clientName: string;
  requestedTreatment: string;
  status: CaseStatus;
  insurerName: string | null;
  memberId: string | null;
  nextDueOn: string | null;
  updatedAt: string;
  tags: string[];
}

/** Everything the case page shows. */
export interface CaseDetail {
  case: Case;
  client: Client;
  diagnoses: Diagnosis[];
  treatments: Treatment[];
  assessments: Assessment[];
  communications: Communication[];
  deadlines: Deadline[];
  accessAttempts: AccessAttempt[];
  networkRequests: NetworkRequest[];
  peerCalls: PeerCall[];
  enrolments: Enrolment[];
  benefitsChecks: BenefitsCheck[];
  /** The case's first documents, oldest first (`documents.list` pages through the rest). */
  documents: DocumentInfo[];
  /** How many documents the case has in all. */
  documentsTotal: number;
  tags: string[];
}

/** Documents the case page shows at first; a case with more pages through them. */
export const CASE_DOCUMENTS_SHOWN = 100;

/** The orders the case list offers; each reads an index (migrations 0010 and 0016). */
export const CASE_SORT = choices({
  activity: 'Last activity',
  client: 'Client',
  stage: 'Stage',
  insurer: 'Insurer',
  treatment: 'Treatment',
  due: 'Next due',
});
export type CaseSort = (typeof CASE_SORT.values)[number];

/** Each order's natural direction: latest activity and soonest due first, names A to Z. */
export const NATURAL_DIRECTION: Record<CaseSort, 'asc' | 'desc'> = {
  activity: 'desc',
  client: 'asc',
  stage: 'asc',
  insurer: 'asc',
  treatment: 'asc',
  due: 'asc',
};

/** The filters and order of the case list (also what a saved view and a CSV export keep). */
export const caseListFilters = z.object({
  query: z.string().trim().max(200).optional(),
  status: z.enum(CASE_STATUS.values).optional(),
  clientId: id.optional(),
  /** Exactly this insurer or treatment, whatever the case of its letters. */
  insurer: z.string().trim().min(1).max(200).optional(),
  treatment: z.string().trim().min(1).max(200).optional(),
  planType: z.enum(PLAN_TYPE.values).optional(),
  /** Cases with this tag (whatever its capitals). */
  tag: z.string().trim().min(1).max(40).optional(),
  /** Only these cases (the ones picked in the list, for a CSV of them). */
  caseIds: z.array(id).min(1).max(1000).optional(),
  /** Cases with an open deadline or task due within this many days from `today` (overdue too). */
  dueWithinDays: z.number().int().min(0).max(3650).optional(),
  /** The day "due within" counts from (the reader's today); the engine's local day when absent. */
  today: requiredDate.optional(),
  /** The order; absent, the best matches first for a query and the latest activity otherwise. */
  sort: z.enum(CASE_SORT.values).optional(),
  /** Ascending or descending; each sort has its natural way (latest activity, soonest due first). */
  direction: z.enum(['asc', 'desc']).optional(),
});
export type CaseListFilters = z.input<typeof caseListFilters>;

export const caseListQuery = caseListFilters.extend(pageArgs(50)).default({ limit: 50, offset: 0 });

/**
 * One page of cases. With a query, `total` counts the matches up to a thousand and `capped` says
 * that more match (add a word to narrow the search); the pages go no further than that.
 */
export interface CaseList extends Page<CaseSummary> {
  capped: boolean;
}
