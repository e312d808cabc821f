// A client: the person whose coverage the advocate is fighting for.
import { z } from 'zod';
import {
  id,
  optionalDate,
  optionalEmail,
  optionalPhone,
  optionalText,
  requiredText,
} from './fields';
import { COURTESY_TITLE, REFER_AS } from './person-name';
import { addressFields } from './profile';
import { patchOf, version } from './versions';

/** A client's fields, each checked on its own (`clientInput` adds the checks across fields). */
export const clientFields = z.object({
  firstName: requiredText(100),
  /** Middle name or initial ("A."): reference lines print it, prose leaves it out. */
  middleName: optionalText(100),
  lastName: requiredText(100),
  /** Jr., Sr., III... */
  suffix: optionalText(20),
  /** The name they go by, when letters that use a first name should use it. */
  preferredName: optionalText(100),
  /** Mr., Ms., Mrs., Mx. or Dr.: for letters that call them "Mr. Rivera". */
  courtesyTitle: z
    .union([
      z.literal(''),
      z.enum(COURTESY_TITLE.values, { error: 'must be Mr., Ms., Mrs., Mx. or Dr.' }),
    ])
    .nullish()
    .transform((v) => (v ? v : null)),
  /** How letters refer to them after naming them in full. */
  referAs: z
    .enum(REFER_AS.values, { error: 'must be first-last, title-last or first' })
    .default('first-last'),
  dateOfBirth: optionalDate.refine(
    (v) => v === null || v <= new Date().toISOString().slice(0, 10),
    {
      error: 'cannot be in the future',
    },
  ),
  phone: optionalPhone,
  email: optionalEmail,
  ...addressFields,
  notes: optionalText(10000),
});

export const clientInput = clientFields
  // Letters call them "Mr. Rivera" only when a title is known to put before the name.
  .refine((c) => c.referAs !== 'title-last' || !!c.courtesyTitle, {
    error: 'must be chosen for letters to say "Mr. Rivera" or "Ms. Rivera"',
    path: ['courtesyTitle'],
  });

/** A change to a client: the fields changed, and the version they were changed from. */
export const clientUpdate = patchOf(clientInput.shape).extend({ id, version });

export type ClientInput = z.input<typeof clientInput>;
export type ClientValues = z.output<typeof clientInput>;

export interface Client extends ClientValues {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A row of the client list. */
export interface ClientSummary {
  id: number;
  firstName: string;
  middleName: string | null;
  lastName: string;
  suffix: string | null;
  dateOfBirth: string | null;
  state: string | null;
  caseCount: number;
}
