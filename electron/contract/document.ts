// Documents kept with a case: imported records and generated letters, original bytes included.
import { z } from 'zod';
import { DOCUMENT_ORIGIN, choices } from './choices';
import { id, optionalText, requiredText } from './fields';
import { version } from './versions';

/**
 * What a document is, as an advocate files it: proposed from its text on import, editable. The
 * readiness meter and letters' enclosure lists read it (a generated draft is never the provider's
 * signed letter; an intake form or a denial notice is never a medical record).
 */
export const DOCUMENT_TYPE = choices({
  'denial-notice': 'Denial notice',
  eob: 'Explanation of benefits (EOB)',
  'clinical-note': 'Clinical note',
  'lmn-signed': 'Provider’s LMN, signed',
  'lmn-draft': 'LMN draft, not signed',
  'plan-document': 'Plan document',
  'medical-policy': 'Medical policy',
  authorization: 'Authorization or release',
  'intake-form': 'Intake form',
  correspondence: 'Correspondence',
  'generated-letter': 'Letter made here',
  packet: 'Packet sent (cover, letter and enclosures)',
  other: 'Other',
});

export type DocumentType = (typeof DOCUMENT_TYPE.values)[number];

/** A document's type as stored and exchanged: null when not known (proposed from the text on import). */
export const documentType = z
  .enum(DOCUMENT_TYPE.values, { error: 'is not a known document type' })
  .nullish()
  .transform((v) => v ?? null);

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
  documentType,
});

/** A document as lists show it: everything but its bytes. */
export interface DocumentInfo extends Omit<
  z.output<typeof documentFields>,
  'text' | 'documentType'
> {
  id: number;
  caseId: number;
  documentType: DocumentType;
  version: number;
  sha256: string;
  sizeBytes: number;
  createdAt: string;
}

/** A password for protected files in this import: used in memory to open them, never stored. */
const importPassword = z.string().min(1).max(1000).optional();

export const documentImport = z.object({
  caseId: id,
  /** Files or folders; a folder imports every .docx, .doc, .pdf and scan (.png, .jpg, .tif) directly inside it. */
  paths: z.array(z.string().min(1)).min(1, { error: 'must name at least one file' }).max(10_000),
  password: importPassword,
});

/** A document as the app shows it: its HTML (mammoth's, or its text in paragraphs), text, warnings. */
export interface DocumentView extends DocumentInfo {
  text: string | null;
  html: string | null;
  warnings: string[];
}

/** Why a refused file may succeed when tried again: with a password, or a different one. */
export type RefusalCode = 'password-required' | 'wrong-password';

export interface RefusedFile {
  path: string;
  problem: string;
  code?: RefusalCode;
}

export interface ImportSummary {
  imported: DocumentInfo[];
  refused: RefusedFile[];
}

/** One file sent as bytes (a picker or drag-and-drop in the window); the UI sends one at a time. */
export const documentImportFile = z.object({
  caseId: id,
  fileName: requiredText(255),
  // 50 MB of file is about 67 MB of base64; the engine checks the real size after decoding.
  contentBase64: z.string().max(80_000_000, { error: 'is larger than the 50 MB limit' }),
  password: importPassword,
});

export type FileImportResult =
  | { ok: true; document: DocumentInfo }
  | { ok: false; fileName: string; problem: string; code?: RefusalCode };

/** A change to a document's filing: its type (or note), from the version it was made from. */
export const documentUpdate = z.object({
  id,
  version,
  values: z.object({
    documentType: z
      .enum(DOCUMENT_TYPE.values, { error: 'is not a known document type' })
      .optional(),
    note: optionalText(1000).optional(),
  }),
});
