// What happened on a peer-to-peer call between the treating clinician and the plan's reviewer:
// who reviewed, their credentials (the appeal may hinge on a same-specialty reviewer), what was
// asked for and the outcome.
import { z } from 'zod';
import { choices } from './choices';
import { id, optionalText, requiredDate, requiredText } from './fields';

export const PEER_OUTCOME = choices({
  pending: 'Reviewer to decide later',
  overturned: 'Denial overturned',
  'partly-approved': 'Partly approved',
  upheld: 'Denial upheld',
  'not-held': 'Call did not happen',
});

export const peerCallFields = z.object({
  occurredOn: requiredDate,
  reviewerName: optionalText(200),
  /** "MD, board-certified in internal medicine": the letter asks for a same-specialty review. */
  reviewerCredentials: optionalText(200),
  /** The exact ask: the service, codes and number of sessions. */
  askedFor: requiredText(1000),
  outcome: z.enum(PEER_OUTCOME.values, { error: 'is not a known outcome' }).default('pending'),
  referenceNumber: optionalText(100),
  notes: optionalText(4000),
  sourceDocumentId: id.nullish().transform((v) => v ?? null),
});
