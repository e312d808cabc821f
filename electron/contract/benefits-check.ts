// A benefits check as an advocate records it from a call to the plan or its documents: network
// status and tier, whether prior authorization or a referral is needed, the deductible and
// out-of-pocket maximum (and how much of each is met), cost sharing, visit limits, and who said so.
import { z } from 'zod';
import { optionalCount, optionalMoney, optionalPercent } from './amounts';
import { choices } from './choices';
import { id, optionalText, requiredDate } from './fields';

export const CHECK_SOURCE = choices({
  call: 'Call to the plan',
  'plan-documents': 'Plan documents',
  portal: 'Member portal',
});

// "Not confirmed" comes first: a form left alone must not claim an answer nobody gave.
export const NETWORK_STATUS = choices({
  unknown: 'Not confirmed',
  'in-network': 'In network',
  'out-of-network': 'Out of network',
});

export const YES_NO = choices({ unknown: 'Not confirmed', yes: 'Yes', no: 'No' });

const yesNo = z
  .enum(YES_NO.values, { error: 'must be yes, no or not confirmed' })
  .default('unknown');

/** One side of the plan's cost sharing: in network or out of network. */
export const NETWORK_SIDES = ['in', 'out'] as const;
export type NetworkSide = (typeof NETWORK_SIDES)[number];

const side = <P extends NetworkSide>(p: P) =>
  ({
    [`${p}Deductible`]: optionalMoney,
    [`${p}DeductibleMet`]: optionalMoney,
    [`${p}OutOfPocketMax`]: optionalMoney,
    [`${p}OutOfPocketMet`]: optionalMoney,
    [`${p}Copay`]: optionalMoney,
    [`${p}CoinsurancePercent`]: optionalPercent,
    /** What the plan allows for one session (the rate cost sharing is figured on). */
    [`${p}AllowedAmount`]: optionalMoney,
  }) as {
    [
      K in
        | 'Deductible'
        | 'DeductibleMet'
        | 'OutOfPocketMax'
        | 'OutOfPocketMet'
        | 'Copay'
        | 'AllowedAmount' as `${P}${K}`
    ]: typeof optionalMoney;
  } & { [K in `${P}CoinsurancePercent`]: typeof optionalPercent };

export const benefitsCheckFields = z
  .object({
    checkedOn: requiredDate,
    source: z.enum(CHECK_SOURCE.values, { error: 'is not a known source' }).default('call'),
    representative: optionalText(200),
    /** The call's reference number: what makes a representative's word hold later. */
    referenceNumber: optionalText(100),
    /** The service asked about: "TMS, CPT 90867–90869". */
    service: optionalText(300),
    networkStatus: z.enum(NETWORK_STATUS.values).default('unknown'),
    tier: optionalText(60),
    priorAuthRequired: yesNo,
    referralRequired: yesNo,
    /** "36 sessions a plan year", as the plan words it. */
    visitLimit: optionalText(300),
    /** Sessions in the course of treatment being priced. */
    plannedSessions: optionalCount(1000, 'sessions'),
    ...side('in'),
    ...side('out'),
    notes: optionalText(4000),
    sourceDocumentId: id.nullish().transform((v) => v ?? null),
  })
  .superRefine((c, ctx) => {
    for (const p of NETWORK_SIDES) {
      for (const [met, total, what] of [
        [`${p}DeductibleMet`, `${p}Deductible`, 'the deductible'],
        [`${p}OutOfPocketMet`, `${p}OutOfPocketMax`, 'the out-of-pocket maximum'],
      ] as const) {
        const m = c[met as keyof typeof c] as number | null;
        const t = c[total as keyof typeof c] as number | null;
        if (m !== null && t !== null && m > t)
          ctx.addIssue({ code: 'custom', path: [met], message: `cannot be more than ${what}` });
      }
    }
  });
export type BenefitsCheckValues = z.output<typeof benefitsCheckFields>;
