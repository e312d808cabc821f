// A request to see an out-of-network provider at in-network cost (a network-gap exception) or to
// contract for one client (a single-case agreement): the clinician's rationale, when it was asked,
// what was decided and on what terms.
import { z } from 'zod';
import { optionalCount, optionalMoney } from './amounts';
import { choices } from './choices';
import { id, optionalDate, optionalText, requiredText } from './fields';

export const NETWORK_REQUEST_KIND = choices({
  'network-gap-exception': 'Network-gap exception',
  'single-case-agreement': 'Single-case agreement',
});

export const REQUEST_DECISION = choices({
  pending: 'Waiting for a decision',
  approved: 'Approved',
  'partly-approved': 'Partly approved',
  denied: 'Denied',
  withdrawn: 'Withdrawn',
});
export type RequestDecision = (typeof REQUEST_DECISION.values)[number];

export const networkRequestFields = z
  .object({
    kind: z.enum(NETWORK_REQUEST_KIND.values, { error: 'is not a kind of request' }),
    /** The out-of-network provider the client needs. */
    providerName: requiredText(200),
    /** The clinician's reasons no in-network provider can give this care. */
    rationale: optionalText(4000),
    requestedOn: optionalDate,
    decision: z.enum(REQUEST_DECISION.values).default('pending'),
    decidedOn: optionalDate,
    referenceNumber: optionalText(100),
    /** The rate agreed per session or visit. */
    approvedRate: optionalMoney,
    approvedSessions: optionalCount(1000, 'sessions'),
    approvedFrom: optionalDate,
    approvedUntil: optionalDate,
    /** Anything else agreed: codes, cost sharing at the in-network level, renewal. */
    terms: optionalText(2000),
    sourceDocumentId: id.nullish().transform((v) => v ?? null),
  })
  .superRefine((r, ctx) => {
    if (r.decision !== 'pending' && r.decision !== 'withdrawn' && !r.decidedOn)
      ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'is required once decided' });
    if (r.approvedFrom && r.approvedUntil && r.approvedUntil < r.approvedFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['approvedUntil'],
        message: 'cannot be before the first approved day',
      });
  });
