// Documents kept with a case: imported records and generated letters, original bytes included.
import { z } from 'zod';
import { DOCUMENT_ORIGIN } from './choices';
import { optionalText, requiredText } from './fields';

export const documentFields = z.object({
  fileName: requiredText(255),
  mediaType: requiredText(200),
  origin: z.enum(DOCUMENT_ORIGIN.values),
  text: z
    .string()
    .max(20_000_000)
    .nullish()
    .transform((v) => v ?? null),
  note: optionalText(1000),
});

/** A document as lists show it: everything but its bytes. */
export interface DocumentInfo extends Omit<z.output<typeof documentFields>, 'text'> {
  id: number;
  caseId: number;
  sha256: string;
  sizeBytes: number;
  createdAt: string;
}
