// Amounts people type on the coverage records: dollars and cents, whole counts and percentages,
// each optional and each refused with a message that says how to write it.
import { z } from 'zod';

const isCents = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

/** Dollars, to the cent; none when left empty. */
export const optionalMoney = z
  .number({ error: 'must be an amount in dollars, e.g. 350 or 1200.50' })
  .min(0, { error: 'cannot be negative' })
  .max(10_000_000, { error: 'must be at most $10,000,000' })
  .refine(isCents, { error: 'must be in dollars and cents (at most two decimals)' })
  .nullish()
  .transform((v) => v ?? null);

/** A whole count (sessions, days); none when left empty. */
export const optionalCount = (max: number, unit: string) =>
  z
    .number({ error: `must be a number of ${unit}` })
    .int({ error: `must be a whole number of ${unit}` })
    .min(0, { error: 'cannot be negative' })
    .max(max, { error: `must be at most ${max} ${unit}` })
    .nullish()
    .transform((v) => v ?? null);

/** A percentage from 0 to 100 (coinsurance); none when left empty. */
export const optionalPercent = z
  .number({ error: 'must be a percentage, e.g. 20' })
  .min(0, { error: 'cannot be negative' })
  .max(100, { error: 'must be at most 100%' })
  .nullish()
  .transform((v) => v ?? null);

/** "$1,250" or "$1,250.50": cents only when there are some. */
export function formatMoney(amount: number): string {
  const cents = !Number.isInteger(amount);
  return amount.toLocaleString('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: 2,
  });
}
