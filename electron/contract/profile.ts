// The advocate's own details: they head every letter.
import { z } from 'zod';
import { optionalEmail, optionalState, optionalText } from './fields';

/** Postal address fields, shared by people and organisations. */
export const addressFields = {
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  city: optionalText(100),
  state: optionalState,
  postalCode: optionalText(20),
};

export const profileInput = z.object({
  name: optionalText(200),
  organisation: optionalText(200),
  ...addressFields,
  phone: optionalText(40),
  email: optionalEmail,
  signatureBlock: optionalText(1000),
});

export type ProfileInput = z.input<typeof profileInput>;
export type Profile = z.output<typeof profileInput>;
