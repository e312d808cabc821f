// Help paying for care beyond the plan: manufacturer and patient-assistance programs, copay
// foundations, sliding scales and payment plans, HSA/FSA, out-of-network claims, clinical trials;
// each an enrolment with its status, amounts, cap and renewal date.
import { z } from 'zod';
import { optionalMoney } from './amounts';
import { choices } from './choices';
import { id, optionalDate, optionalText, requiredText } from './fields';

export const ASSISTANCE_KIND = choices({
  'manufacturer-program': 'Manufacturer support program',
  'patient-assistance': 'Patient-assistance program',
  'copay-foundation': 'Copay foundation',
  'sliding-scale': 'Sliding-scale fee',
  'payment-plan': 'Payment plan',
  'hsa-fsa': 'HSA or FSA',
  'out-of-network-claim': 'Out-of-network claim (superbill)',
  'clinical-trial': 'Clinical trial',
  other: 'Other help',
});

export const ENROLMENT_STATUS = choices({
  considering: 'Considering',
  applied: 'Applied',
  enrolled: 'Enrolled',
  'not-accepted': 'Not accepted',
  ended: 'Ended',
});
export type EnrolmentStatus = (typeof ENROLMENT_STATUS.values)[number];

export const enrolmentFields = z.object({
  kind: z.enum(ASSISTANCE_KIND.values, { error: 'is not a kind of help' }),
  program: requiredText(200),
  status: z.enum(ENROLMENT_STATUS.values).default('considering'),
  appliedOn: optionalDate,
  enrolledOn: optionalDate,
  /** What it pays or saves, as the program states it (see `amountBasis`). */
  amount: optionalMoney,
  /** "per session", "per month", "total": how the amount is counted. */
  amountBasis: optionalText(100),
  /** The most it pays in its term. */
  cap: optionalMoney,
  /** When it must be renewed (re-enrolment, a new plan year, a trial's end). */
  renewsOn: optionalDate,
  referenceNumber: optionalText(100),
  /** Who to call or where to apply. */
  contact: optionalText(300),
  notes: optionalText(2000),
  sourceDocumentId: id.nullish().transform((v) => v ?? null),
});
