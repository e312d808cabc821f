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
import { addressFields } from './profile';
import { patchOf, version } from './versions';

export const clientInput = z.object({
  firstName: requiredText(100),
  lastName: requiredText(100),
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
  lastName: string;
  dateOfBirth: string | null;
  state: string | null;
  caseCount: number;
}
