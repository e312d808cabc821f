// Field-level building blocks shared by every schema: how text, dates and codes are accepted.
import { z } from 'zod';
import { isPartialDate, parsePartialDate } from './partial-date';
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

const PARTIAL_DATE_META = {
  description: 'A day, a month or a year, as precise as the record: 2019-03-15, 2019-03 or 2019',
  examples: ['2019-03-15', '2019-03', '2019'],
};

/** The stored form of a date as written, or an issue saying how to write one. */
function readPartialDate(v: string, ctx: z.RefinementCtx): string {
  const date = isPartialDate(v) ? v : parsePartialDate(v);
  if (date) return date;
  ctx.addIssue({
    code: 'custom',
    message: 'must be a day, a month or a year: 2019-03-15, 2019-03 (or 03/2019) or 2019',
  });
  return z.NEVER;
}

/**
 * A date as precise as the record: a day ("2019-03-15"), a month ("2019-03") or a year ("2019").
 * "03/2019", "March 2019" and "3/15/2019" are read as written, never filled out to a day.
 */
export const requiredPartialDate = z
  .string({ error: 'is required' })
  .trim()
  .min(1, { error: 'is required' })
  .transform(readPartialDate)
  .meta(PARTIAL_DATE_META);

/** An optional date as precise as the record; '' from an empty form field means none. */
export const optionalPartialDate = z
  .string({ error: 'must be a date' })
  .trim()
  .nullish()
  .transform((v, ctx) => (v ? readPartialDate(v, ctx) : null))
  .meta(PARTIAL_DATE_META);

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
 * ICD-10-CM code, e.g. F33.2; stored upper-case with its dot. This is its shape only: a letter,
 * a digit and a letter or digit (or, since FY2026, two letters and a digit), then up to four after
 * the dot (F33.2, U07.1, QA0.0101). Whether the code exists is checked by the engine against the
 * official code set it ships.
 */
export const icd10Code = z
  .string({ error: 'is required' })
  .trim()
  .toUpperCase()
  .transform((v) =>
    /^(?:[A-Z]\d[0-9A-Z]|[A-Z]{2}\d)[0-9A-Z]{1,4}$/.test(v) ? `${v.slice(0, 3)}.${v.slice(3)}` : v,
  )
  .refine((v) => /^(?:[A-Z]\d[0-9A-Z]|[A-Z]{2}\d)(\.[0-9A-Z]{1,4})?$/.test(v), {
    error: 'must be an ICD-10-CM code, e.g. F33.2',
  });

/** A US ZIP code, 5 or 9 digits; the 9-digit form is stored as 12345-6789. */
export function normaliseZip(v: string): string | null {
  const m = /^(\d{5})(?:[\s-]?(\d{4}))?$/.exec(v.trim());
  if (!m) return null;
  return m[2] ? `${m[1]}-${m[2]}` : m[1]!;
}

/**
 * A US phone or fax number in one format: (555) 123-4567, with "ext. 12" when there is one; a
 * leading +1 or 1 is dropped. Seven digits (a local number) read as 555-0101.
 */
export function normalisePhone(v: string): string | null {
  const m = /^([+\d\s().-]+?)\s*(?:(?:ext\.?|extension|x)\s*(\d{1,6}))?$/i.exec(v.trim());
  if (!m || !/^\+?[\d\s().-]+$/.test(m[1]!)) return null;
  let digits = m[1]!.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  const ext = m[2] ? ` ext. ${m[2]}` : '';
  if (digits.length === 10)
    return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}${ext}`;
  if (digits.length === 7 && !m[1]!.includes('+'))
    return `${digits.slice(0, 3)}-${digits.slice(3)}${ext}`;
  return null;
}

/**
 * CPT or HCPCS codes, one or more separated by commas or semicolons: CPT is 5 digits (or 4 digits
 * and F or T for Category II/III); HCPCS Level II is a letter and 4 digits; each may carry
 * two-character modifiers (90867-59, 90867 26). Stored as "90867-26, J0585".
 */
export function normaliseServiceCodes(v: string): string | null {
  const codes = v
    .split(/[,;\n]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  const out: string[] = [];
  for (const c of codes) {
    const m = /^(\d{5}|\d{4}[FT]|[A-Z]\d{4})((?:\s*-?\s*[0-9A-Z]{2})*)$/.exec(c);
    if (!m) return null;
    const modifiers = m[2]!.match(/[0-9A-Z]{2}/g) ?? [];
    out.push([m[1], ...modifiers].join('-'));
  }
  return out.length ? out.join(', ') : null;
}

/** An optional field written one way: `normalise` gives the stored form, or null to refuse. */
const normalised = (normalise: (v: string) => string | null, max: number, error: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .nullish()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = normalise(v);
      if (n === null) ctx.addIssue({ code: 'custom', message: error });
      return n ?? v;
    });

export const optionalZip = normalised(
  normaliseZip,
  20,
  'must be a ZIP code: 5 or 9 digits, e.g. 62701 or 62701-1234',
);
export const optionalPhone = normalised(
  normalisePhone,
  40,
  'must be a US phone number, e.g. (555) 123-4567',
);
export const optionalServiceCodes = normalised(
  normaliseServiceCodes,
  200,
  'must be CPT or HCPCS codes separated by commas: 5 digits (90867) or a letter and 4 digits (J0585), each with optional modifiers (90867-59)',
);

/**
 * The same field as records arriving in an exchange file or archive read it: normalised when it
 * can be, else kept as written, so an older file whose values the checks now refuse loses nothing.
 */
export const keptIfUnchecked = (normalise: (v: string) => string | null, max: number) =>
  optionalText(max).transform((v) => (v === null ? null : (normalise(v) ?? v)));
