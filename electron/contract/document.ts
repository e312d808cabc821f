// Documents kept with a case: imported records and generated letters, original bytes included.
import { z } from 'zod';
import { DOCUMENT_ORIGIN } from './choices';
import { id, optionalText, requiredText } from './fields';

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

export const documentImport = z.object({
  caseId: id,
  /** Files or folders; a folder imports every .docx (and refuses every .doc) directly inside it. */
  paths: z.array(z.string().min(1)).min(1, { error: 'must name at least one file' }).max(10_000),
});

/** A document with what the app shows of it: mammoth's HTML, its plain text and warnings. */
export interface DocumentView extends DocumentInfo {
  text: string | null;
  html: string | null;
  warnings: string[];
}

export interface RefusedFile {
  path: string;
  problem: string;
}

export interface ImportSummary {
  imported: DocumentInfo[];
  refused: RefusedFile[];
}
