// The cost of a course of treatment from a benefits check: the deductible first, then the copay or
// coinsurance, stopped at the out-of-pocket maximum; nothing estimated from inputs the check lacks.
import { describe, expect, it } from 'vitest';
import { benefitsCheckFields } from '../../electron/contract/benefits-check';
import { estimateCost } from '../../electron/contract/cost-estimate';

const check = (values: Record<string, unknown>) =>
  benefitsCheckFields.parse({ checkedOn: '2026-11-01', ...values });

describe('the cost estimate', () => {
  it('pays the deductible first, then coinsurance on the rest', () => {
    // 10 sessions at $300: $1,000 of deductible left, then 20% of the remaining $2,000.
    const e = estimateCost(
      check({
        plannedSessions: 10,
        inAllowedAmount: 300,
        inDeductible: 1500,
        inDeductibleMet: 500,
        inCoinsurancePercent: 20,
        inOutOfPocketMax: 6000,
        inOutOfPocketMet: 0,
      }),
      'in',
    );
    expect(e).toMatchObject({
      total: 1400,
      allowedTotal: 3000,
      towardDeductible: 1000,
      capped: false,
    });
    expect(e.assumptions).toEqual([]);
  });

  it('stops at what is left of the out-of-pocket maximum', () => {
    const e = estimateCost(
      check({
        plannedSessions: 36,
        outAllowedAmount: 400,
        outDeductible: 3000,
        outDeductibleMet: 0,
        outCoinsurancePercent: 40,
        outOutOfPocketMax: 9000,
        outOutOfPocketMet: 2500,
      }),
      'out',
    );
    // Uncapped: 3000 + 40% of (14,400 − 3000) = 7,560; only 6,500 is left to the maximum.
    expect(e).toMatchObject({ total: 6500, capped: true });
    expect(e.assumptions.join(' ')).toMatch(/balance billing/);
  });

  it('charges a copay per session once the deductible is met, never more than the allowed amount', () => {
    const e = estimateCost(
      check({
        plannedSessions: 4,
        inAllowedAmount: 40,
        inDeductible: 0,
        inCopay: 50,
        inOutOfPocketMax: 5000,
        inOutOfPocketMet: 100,
      }),
      'in',
    );
    expect(e.total).toBe(160);
  });

  it('names what is missing instead of guessing, and says what it assumes', () => {
    const missing = estimateCost(check({ plannedSessions: 36, inCoinsurancePercent: 20 }), 'in');
    expect(missing.total).toBeNull();
    expect(missing.missing).toEqual(['the allowed amount per session', 'the deductible']);
    const assumed = estimateCost(
      check({
        plannedSessions: 2,
        inAllowedAmount: 100,
        inDeductible: 50,
        inCoinsurancePercent: 10,
      }),
      'in',
    );
    expect(assumed.total).toBe(65);
    expect(assumed.assumptions).toEqual([
      'none of the deductible met yet',
      'no out-of-pocket maximum recorded, so no cap applied',
    ]);
  });
});
