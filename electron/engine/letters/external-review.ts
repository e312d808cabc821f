// What an external-review request must get right: that it may be asked for now (a final internal
// denial, or an urgent claim, or the plan's own failure to follow the rules), which process hears
// it for this kind of plan, the 4-month clock from the day the final denial arrived, and a
// reviewer of the condition's specialty.
import type { Diagnosis } from '../../contract/case-records';
import type { PlanType } from '../../contract/case';
import type { Denial } from '../../contract/workflow';
import { US_STATE_NAMES } from '../../contract/us-states';
import { externalReview as externalReviewClock } from '../deadlines/rules';
import { writtenDate } from '../../contract/partial-date';
import { BLANK, Missing } from './gaps';
import type { Blank } from './gaps';

/** The specialist a reviewer should be, from the case's first diagnosis code. */
export function reviewerFor(diagnoses: Pick<Diagnosis, 'icd10Code'>[]): string {
  const code = diagnoses[0]?.icd10Code.toUpperCase() ?? '';
  // Chronic pain, CRPS and neuropathic pain: G89, G90.5, G56–G58, M79.6–M79.7, M54, R52.
  if (/^(G89|G90\.5|G5[6-8]|M79\.[67]|M54|R52)/.test(code)) {
    return 'a board-certified physician in pain medicine';
  }
  if (/^(G43|G44|G40|G35)/.test(code)) return 'a board-certified neurologist';
  if (/^F/.test(code)) return 'a board-certified psychiatrist';
  return 'a board-certified physician in the specialty that treats this condition';
}

export interface ExternalReviewContext {
  /** A final internal denial is on record: internal appeals are done. */
  isFinal: boolean;
  /** Why external review may be asked for now, as a sentence; a gap when the record says none. */
  basis: string | Missing;
  /** Which process hears it, for this plan type, as a sentence. */
  process: string | Missing;
  /** "January 18, 2027": 4 months from the day the final denial arrived; blank until recorded. */
  deadline: string | Blank;
}

export function externalReviewContext(
  denial: Denial | undefined,
  planType: PlanType | null,
  state: string | null,
): ExternalReviewContext {
  const isFinal = denial?.level === 'final-internal';
  const basis = isFinal
    ? 'The plan has decided the last level of its internal appeals and upheld its denial, so its internal process is complete.'
    : denial?.claimType === 'urgent'
      ? 'This is an urgent claim: an expedited external review may be requested at the same time as the expedited internal appeal, without waiting for the internal appeal to be decided (45 CFR 147.136(d)(3); 29 CFR 2590.715-2719(d)(3)).'
      : new Missing(
          'externalReview.basis',
          'why external review may be asked for before a final internal denial (an urgent claim, or the plan failing to follow the claims rules — "deemed exhaustion")',
        );
  const stateName = state ? (US_STATE_NAMES[state] ?? state) : null;
  const process = (() => {
    switch (planType) {
      case 'employer-self-funded':
        return 'The plan is a self-funded employer plan governed by ERISA, so this request is made under the federal external review process (45 CFR 147.136(d); 29 CFR 2590.715-2719), heard by an independent review organization the plan contracts with or by the federal process HHS administers — not by the state insurance department, unless the plan has elected the state process.';
      case 'fully-insured':
      case 'aca-marketplace':
        return `The plan is fully insured${planType === 'aca-marketplace' ? ' and sold through the marketplace' : ''}, so this request is made under ${stateName ? `${stateName}'s` : "the state's"} external review law, administered by ${stateName ? `the ${stateName}` : 'the state'} insurance regulator, which assigns an independent review organization.`;
      case 'medicaid':
        return "The plan is Medicaid: a state fair hearing, and any external review the state offers, follow the plan's appeal decision.";
      case 'medicare':
      case 'medicare-advantage':
        return "The plan is Medicare: its own levels of appeal (reconsideration by an independent review entity, then a hearing) follow the plan's decision.";
      default:
        return new Missing(
          'plan.type',
          'plan type (it decides which external review process applies)',
        );
    }
  })();
  const deadline =
    isFinal && denial?.receivedOn && planType && !/^medic/.test(planType)
      ? writtenDate(
          externalReviewClock({
            planType,
            level: denial.level,
            claimType: denial.claimType,
            deniedOn: denial.deniedOn,
            receivedOn: denial.receivedOn,
            stateWindowDays: null,
          }).dueOn!,
        )
      : BLANK;
  return { isFinal, basis, process, deadline };
}
