// What a parity (MHPAEA) disclosure request asks about, and where it goes when the plan does not
// answer: the limit the plan applied (from the denial's kind), the benefit classification it sits
// in, and the regulator for the plan type. Rests on the statute and the 2013 final rule, and on the
// Consolidated Appropriations Act, 2021's duty to perform and provide comparative analyses — never
// on the 2024 final rule, which has not been enforced since May 2025.
import type { PlanType } from '../../contract/case';
import type { DenialCategory } from '../../contract/denial-category';
import { US_STATE_NAMES } from '../../contract/us-states';

export type ParityLimit =
  'prior-authorization' | 'step-therapy' | 'network' | 'exclusion' | 'quantity' | 'experimental';

/** The nonquantitative treatment limitation each kind of denial applies, in a letter's words. */
export const PARITY_LIMITS: Record<ParityLimit, string> = {
  'prior-authorization': 'prior authorization and medical-necessity review',
  'step-therapy': 'the step-therapy (fail-first) requirement',
  network:
    'the standards for admitting providers to the network, setting their reimbursement and measuring network adequacy',
  exclusion: 'the exclusion of this treatment from the plan’s benefits',
  quantity: 'the limit on the number or frequency of treatments',
  experimental: 'the exclusion of treatments the plan considers experimental or investigational',
};

const BY_CATEGORY: Partial<Record<DenialCategory, ParityLimit>> = {
  experimental: 'experimental',
  'not-medically-necessary': 'prior-authorization',
  'step-therapy': 'step-therapy',
  'out-of-network': 'network',
  'benefit-exclusion': 'exclusion',
  'quantity-limit': 'quantity',
  administrative: 'prior-authorization',
};

/** The limit a parity request asks about: the denial's, else prior authorization when required. */
export function parityLimit(
  category: DenialCategory | null,
  priorAuthRequired: boolean,
): ParityLimit | null {
  return (category && BY_CATEGORY[category]) || (priorAuthRequired ? 'prior-authorization' : null);
}

export interface Regulator {
  /** Who takes a parity complaint for this plan. */
  name: string;
  /** How to reach them, when it is the same for every case. */
  contact: string;
}

/** Where a lapsed or refused parity request is escalated; null where MHPAEA does not apply. */
export function parityRegulator(planType: PlanType | null, state: string | null): Regulator | null {
  const stateName = state ? US_STATE_NAMES[state.toUpperCase()] : undefined;
  const ebsa = {
    name: 'the U.S. Department of Labor, Employee Benefits Security Administration (EBSA)',
    contact: 'askebsa.dol.gov or 1-866-444-3272',
  };
  switch (planType) {
    case 'employer-self-funded':
      return ebsa;
    case 'fully-insured':
    case 'aca-marketplace':
      return {
        name: stateName
          ? `the ${stateName} state insurance regulator`
          : 'the state insurance regulator',
        contact:
          planType === 'fully-insured'
            ? 'For an employer’s insured plan, EBSA (askebsa.dol.gov) also enforces parity.'
            : '',
      };
    case 'medicaid':
      return {
        name: stateName ? `the ${stateName} Medicaid agency` : 'the state Medicaid agency',
        contact: '',
      };
    default:
      return null;
  }
}
