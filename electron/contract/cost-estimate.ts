// The client's cost for a course of treatment from a benefits check: each session's allowed amount
// goes to the deductible until it is met, then costs the copay or the coinsurance; the total stops
// at what is left of the out-of-pocket maximum. In and out of network are figured the same way, so
// they can sit side by side. Nothing is guessed: a missing input is named, not filled in.
import type { BenefitsCheckValues, NetworkSide } from './benefits-check';

export interface CostEstimate {
  side: NetworkSide;
  /** The client's estimated share of the course; null when an input is missing. */
  total: number | null;
  /** What the plan allows for the whole course. */
  allowedTotal: number | null;
  /** Paid toward the deductible within the course. */
  towardDeductible: number | null;
  /** Whether the out-of-pocket maximum stopped the total. */
  capped: boolean;
  /** Inputs the check lacks for an estimate ("the allowed amount per session"). */
  missing: string[];
  /** What the figure takes as given, said plainly beside it. */
  assumptions: string[];
}

const cents = (v: number) => Math.round(v * 100) / 100;

export function estimateCost(check: BenefitsCheckValues, side: NetworkSide): CostEstimate {
  const get = (k: string) => check[`${side}${k}` as keyof BenefitsCheckValues] as number | null;
  const allowed = get('AllowedAmount');
  const deductible = get('Deductible');
  const copay = get('Copay');
  const coinsurance = get('CoinsurancePercent');
  const oopMax = get('OutOfPocketMax');
  const sessions = check.plannedSessions;
  const missing: string[] = [];
  const assumptions: string[] = [];
  if (sessions === null) missing.push('the number of sessions planned');
  if (allowed === null) missing.push('the allowed amount per session');
  if (deductible === null) missing.push('the deductible');
  if (copay === null && coinsurance === null) missing.push('the copay or coinsurance');
  const empty = { side, total: null, allowedTotal: null, towardDeductible: null, capped: false };
  if (sessions === null || allowed === null || deductible === null || missing.length > 0)
    return {
      ...empty,
      allowedTotal: sessions !== null && allowed !== null ? cents(sessions * allowed) : null,
      missing,
      assumptions,
    };

  let deductibleLeft = Math.max(0, deductible - (get('DeductibleMet') ?? 0));
  if (get('DeductibleMet') === null && deductible > 0)
    assumptions.push('none of the deductible met yet');
  let total = 0;
  let towardDeductible = 0;
  for (let i = 0; i < sessions; i++) {
    const fromDeductible = Math.min(deductibleLeft, allowed);
    deductibleLeft -= fromDeductible;
    towardDeductible += fromDeductible;
    const rest = allowed - fromDeductible;
    const share = copay !== null ? Math.min(copay, rest) : rest * ((coinsurance ?? 0) / 100);
    total += fromDeductible + share;
  }
  if (copay !== null && coinsurance !== null)
    assumptions.push('the copay applies per session instead of coinsurance');
  let capped = false;
  if (oopMax !== null) {
    const oopLeft = Math.max(0, oopMax - (get('OutOfPocketMet') ?? 0));
    if (get('OutOfPocketMet') === null)
      assumptions.push('nothing paid toward the out-of-pocket maximum yet');
    if (total > oopLeft) {
      total = oopLeft;
      capped = true;
    }
  } else {
    assumptions.push('no out-of-pocket maximum recorded, so no cap applied');
  }
  if (side === 'out')
    assumptions.push(
      'the provider bills no more than the allowed amount (balance billing is extra)',
    );
  return {
    side,
    total: cents(total),
    allowedTotal: cents(sessions * allowed),
    towardDeductible: cents(towardDeductible),
    capped,
    missing,
    assumptions,
  };
}
