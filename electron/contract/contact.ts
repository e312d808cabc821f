// The address book: insurers, providers, lawmakers and agencies letters go to.
import { z } from 'zod';
import { pageArgs } from './paging';
import { CONTACT_KIND } from './choices';
import {
  optionalEmail,
  optionalNpi,
  optionalPhone,
  optionalState,
  optionalText,
  requiredText,
} from './fields';
import { addressFields } from './profile';
import { id } from './fields';
import { patchOf, version } from './versions';

export const contactInput = z.object({
  kind: z.enum(CONTACT_KIND.values, { error: 'is not a known kind of contact' }),
  name: requiredText(200),
  title: optionalText(200),
  organisation: optionalText(200),
  department: optionalText(200),
  ...addressFields,
  phone: optionalPhone,
  fax: optionalPhone,
  email: optionalEmail,
  npi: optionalNpi,
  notes: optionalText(5000),
});

/** A change to a contact: the fields changed, and the version they were changed from. */
export const contactUpdate = patchOf(contactInput.shape).extend({ id, version });

export type ContactInput = z.input<typeof contactInput>;
export type ContactValues = z.output<typeof contactInput>;
export type ContactKind = (typeof CONTACT_KIND.values)[number];

export interface Contact extends ContactValues {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const contactListQuery = z
  .object({
    query: z.string().trim().max(200).optional(),
    kind: z.enum(CONTACT_KIND.values).optional(),
    ...pageArgs(100),
  })
  .default({ limit: 100, offset: 0 });

/** The public congress-legislators files as text: members (required) and district offices. */
export const lawmakerImport = z.object({
  legislatorsYaml: z
    .string()
    .min(1, { error: 'is required' })
    .max(20_000_000, { error: 'is larger than 20 MB' }),
  officesYaml: z.string().max(20_000_000, { error: 'is larger than 20 MB' }).optional(),
  /** Only the members for this state (two letters), e.g. the client's. */
  state: optionalState,
});

export interface LawmakerImportResult {
  added: number;
  updated: number;
}
