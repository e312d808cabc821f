// The access log behind a network-gap exception: each in-network provider the client tried, when
// and how, and why it did not give them care. Plans grant exceptions on a dated log like this.
import { z } from 'zod';
import { optionalCount } from './amounts';
import { CHANNEL, choices } from './choices';
import { id, optionalNpi, optionalText, requiredDate, requiredText } from './fields';

export const ACCESS_RESULT = choices({
  'no-availability': 'No appointment available',
  'wait-too-long': 'Wait too long',
  'not-accepting': 'Not accepting new patients',
  'does-not-offer': 'Does not offer the treatment',
  'not-in-network': 'Listed in network, but is not',
  'too-far': 'Too far away',
  'no-response': 'Did not respond',
  offered: 'Care offered',
  other: 'Other',
});
export type AccessResult = (typeof ACCESS_RESULT.values)[number];

export const accessAttemptFields = z.object({
  providerTried: requiredText(200),
  npi: optionalNpi,
  attemptedOn: requiredDate,
  channel: z.enum(CHANNEL.values, { error: 'is not a known channel' }),
  result: z.enum(ACCESS_RESULT.values, { error: 'is not a known result' }),
  /** The wait for the first appointment offered, in days. */
  waitOfferedDays: optionalCount(3650, 'days'),
  /** From the client's home, in miles. */
  distanceMiles: z
    .number({ error: 'must be a distance in miles' })
    .min(0, { error: 'cannot be negative' })
    .max(5000, { error: 'must be at most 5000 miles' })
    .nullish()
    .transform((v) => v ?? null),
  notes: optionalText(1000),
  sourceDocumentId: id.nullish().transform((v) => v ?? null),
});
