// Field-level building blocks shared by every schema: how text, dates and codes are accepted.
import { z } from 'zod';
import { US_STATES } from './us-states';

/** Optional free text: trimmed; empty becomes null so the database never holds ''. */
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .nullish()
    .transform((v) => (v ? v : null));

/** Required free text, trimmed. */
export const requiredText = (max = 200) =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'is required' })
    .max(max, { error: `must be at most ${max} characters` });

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD, e.g. 2024-03-15' });

/** A calendar date (no time, no zone): what advocates write on forms. */
export const requiredDate = isoDate;

/** An optional calendar date; '' from an empty form field means none. */
export const optionalDate = z
  .union([z.literal(''), isoDate])
  .nullish()
  .transform((v) => (v ? v : null));

/** A database id. */
export const id = z.number({ error: 'must be a record id' }).int().positive();

/** A two-letter US state or territory code, upper-cased. */
export const optionalState = z
  .string()
  .trim()
  .toUpperCase()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || US_STATES.has(v), {
    error: 'must be a US state or territory code, e.g. CA or NY',
  });

/** An email address, optional. */
export const optionalEmail = z
  .union([z.literal(''), z.email({ error: 'must be an email address' }).max(200)])
  .nullish()
  .transform((v) => (v ? v : null));

/**
 * A National Provider Identifier: 10 digits whose last is a Luhn check digit over "80840" + the
 * first nine (CMS NPI check-digit rule), so a mistyped NPI is caught before it reaches a letter.
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi.slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}

export const optionalNpi = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v.replace(/[\s-]/g, '') : null))
  .refine((v) => v === null || isValidNpi(v), {
    error: 'must be a 10-digit NPI with a valid check digit',
  });

/**
 * ICD-10-CM code, e.g. F33.2; stored upper-case with its dot. This is its shape only (a letter, two
 * letters or digits, then up to four after the dot: F33.2, U07.1, QA0.0101); whether the code
 * exists is checked by the engine against the official code set it ships.
 */
export const icd10Code = z
  .string({ error: 'is required' })
  .trim()
  .toUpperCase()
  .transform((v) =>
    /^[A-Z][0-9A-Z]{2}[0-9A-Z]{1,4}$/.test(v) ? `${v.slice(0, 3)}.${v.slice(3)}` : v,
  )
  .refine((v) => /^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$/.test(v), {
    error: 'must be an ICD-10-CM code, e.g. F33.2',
  });
