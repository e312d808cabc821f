// The advocate's own details: they head every letter.
import { z } from 'zod';
import { optionalEmail, optionalPhone, optionalState, optionalText, optionalZip } from './fields';
import { patchOf, version } from './versions';

/** Postal address fields, shared by people and organizations. */
export const addressFields = {
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  city: optionalText(100),
  state: optionalState,
  postalCode: optionalZip,
};

export const profileInput = z.object({
  name: optionalText(200),
  organisation: optionalText(200),
  ...addressFields,
  phone: optionalPhone,
  email: optionalEmail,
  signatureBlock: optionalText(1000),
});

/** A change to the profile: the fields changed, and the version they were changed from (0: none yet). */
export const profileUpdate = patchOf(profileInput.shape).extend({ version });

export type ProfileInput = z.input<typeof profileInput>;
export type ProfileValues = z.output<typeof profileInput>;
export type Profile = ProfileValues & { version: number };
