// A fact proposed from a document: what it is, its values, and where in the text it was found;
// and the review of a document's facts against what its case already holds.
import { z } from 'zod';
import type { PlanType } from './case';
import type { DocumentType } from './document';
import { id } from './fields';
import { version } from './versions';
import type { DenialValues } from './workflow';

export type FactKind =
  | 'client'
  | 'request'
  | 'diagnosis'
  | 'treatment'
  | 'assessment'
  | 'identifier'
  | 'provider'
  | 'procedure-code'
  | 'denial';

export interface Proposal {
  kind: FactKind;
  /** The values to fill in, named as the case's fields are (icd10Code, memberId, dose...). */
  values: Record<string, string | number | null>;
  /** The passage it came from, as offsets into the document's text, for highlighting. */
  start: number;
  end: number;
}

/**
 * How a proposal stands against the case: not there yet; already recorded (nothing to do); or
 * recorded with other values (accepting updates the record, both values shown first).
 */
export type FactStatus = 'new' | 'recorded' | 'different';

/** One field an accept would change: what the case holds and what the document says. */
export interface FactChange {
  field: string;
  label: string;
  current: string | number | null;
  proposed: string | number | null;
}

/** The record a fact was matched to (or, for a new one, the record it would change), and its version. */
export interface FactTarget {
  record: 'case' | 'client' | 'diagnosis' | 'treatment' | 'assessment' | 'communication' | 'denial';
  /** null: accepting creates the record. */
  id: number | null;
  version: number | null;
}

export interface ReviewedFact extends Proposal {
  /** Names the fact within its document across reviews (rejections are kept by it). */
  key: string;
  status: FactStatus;
  /** Rejected by the advocate: shown apart, restorable, never accepted by "Accept all new". */
  rejected: boolean;
  /** The fact in words, one line. */
  summary: string;
  /** A denial's values, each labelled, to read in full before accepting (empty for other kinds). */
  details: { label: string; value: string }[];
  target: FactTarget;
  /** The matching record in words, when the case holds one. */
  recorded: string | null;
  /** For a "different" fact: the fields accepting would change, with both values. */
  changes: FactChange[];
  /** Why it cannot be accepted as proposed (edit it first), or null. */
  blocked: string | null;
}

export interface FactReview {
  documentId: number;
  caseId: number;
  fileName: string;
  documentType: DocumentType;
  facts: ReviewedFact[];
  counts: { new: number; recorded: number; different: number; rejected: number };
}

const factKey = z.string().min(1).max(500);

/**
 * What the advocate decided about a document's facts, kept with the document: the keys rejected,
 * and each accepted key with the record it became ("diagnoses:12"), so an accepted fact is not
 * offered again even after the advocate corrected it on accepting.
 */
export const factDecisions = z.object({
  rejected: z.array(factKey).max(10_000).default([]),
  accepted: z.record(factKey, z.string().max(100)).default({}),
});
export type FactDecisions = z.output<typeof factDecisions>;
/** A proposal's values as the advocate edited them before accepting. */
const factValues = z.record(
  z.string().max(100),
  z.union([z.string().max(10000), z.number(), z.null()]),
);

export const factReviewArgs = z.object({ documentId: id });

export const factAccept = z.object({
  documentId: id,
  key: factKey,
  /**
   * The record the fact was matched to when it was shown, at its version then (both null for a
   * new fact): an accept made from a review the case has since moved past is refused.
   */
  basis: z.object({ id: id.nullable(), version: version.nullable() }),
  /** The values as edited before accepting; the proposal's own when left out. */
  values: factValues.optional(),
});

export const factAcceptAll = z.object({
  documentId: id,
  /** The new facts the advocate kept ticked in the review list. */
  keys: z.array(factKey).min(1, { error: 'must name at least one fact' }).max(5000),
});

export const factDecision = z.object({ documentId: id, key: factKey });

/** Manual entry: does the case already hold this record? */
export const factCheck = z.object({
  caseId: id,
  kind: z.enum(['diagnoses', 'treatments', 'assessments']),
  values: factValues,
});

export interface FactAcceptResult {
  outcome: 'added' | 'updated' | 'already-recorded';
  /** What happened, in words ("Added F33.2 to the diagnoses."). */
  message: string;
  review: FactReview;
}

export interface FactAcceptAllResult {
  added: number;
  /** Recorded meanwhile (another document, the other window): left as they are. */
  alreadyRecorded: number;
  /** Facts not accepted, each with the reason. */
  skipped: { key: string; summary: string; reason: string }[];
  review: FactReview;
}

export interface DuplicateCheck {
  status: FactStatus;
  match: { id: number; summary: string } | null;
  /** The warning to show before adding, or null when the record is new. */
  message: string | null;
}

/** A denial proposed from an imported notice not yet recorded: what "Record denial" starts from. */
export interface DenialDraft {
  documentId: number;
  fileName: string;
  /** The denial fact's key in that document's review: saving the draft accepts it. */
  key: string;
  values: Partial<DenialValues>;
  /** The plan type the notice suggests ("governed by ERISA"), with its words. */
  planType: PlanType | null;
  planTypeQuote: string | null;
}
