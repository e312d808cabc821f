// Letters: the kinds the app writes, templates users can change, and what a letter is made of
// before it becomes a .docx (the same model feeds the Word file and the live preview).
import { z } from 'zod';
import { choices } from './choices';
import type { ContactKind } from './contact';
import { id } from './fields';
import { version } from './versions';
import type { ApiError } from './errors';

/** The built-in kinds of letter, in the order a case usually needs them. */
export const LETTER_KIND = choices({
  'medical-necessity': 'Letter of medical necessity',
  'prior-auth-cover': 'Prior-authorization cover letter',
  appeal: 'Internal appeal',
  'expedited-appeal': 'Expedited (urgent) appeal',
  'external-review': 'External review request',
  lawmaker: 'Letter to a lawmaker',
  'state-complaint': 'Complaint to the state insurance department',
  'claim-file-request': 'Claim file and criteria request',
  'parity-request': 'Parity (MHPAEA) disclosure request',
  'parity-complaint': 'Parity complaint to the regulator (EBSA or state)',
  'network-gap-request': 'Network-gap exception or single-case agreement request',
  // Worksheets for the advocate and the provider: not sent to anyone.
  'peer-to-peer-prep': 'Peer-to-peer preparation sheet',
  'benefits-call-script': 'Benefits verification call script and cost estimate',
  // Forms the client signs, written out from their authorizations.
  'cms-1696': 'Medicare appointment of representative (CMS-1696)',
  'representative-designation': 'Authorized representative designation',
  'hipaa-authorization': 'HIPAA authorization to release records',
  'congressional-release': 'Congressional privacy release',
});
export type LetterKind = (typeof LETTER_KIND.values)[number];

/** A template as lists show it. */
export interface TemplateSummary {
  id: number;
  name: string;
  kind: LetterKind;
  description: string;
  /** Set for the app's own templates, which can be reset to their originals. */
  builtInKey: string | null;
  /** A built-in whose text differs from the original the app ships. */
  modified: boolean;
  /** Which address-book contacts the letter is meant for (the template's `recipient` setting). */
  recipientKind: ContactKind;
  updatedAt: string;
  version: number;
}

export interface Template extends TemplateSummary {
  /** The whole template: YAML front matter, then Markdown with Liquid (docs/letter-templates.md). */
  source: string;
}

/** Largest template text accepted: a long letter is ~20 kB. */
export const MAX_TEMPLATE_CHARS = 200_000;
const templateSource = z
  .string({ error: 'is required' })
  .min(1, { error: 'is required' })
  .max(MAX_TEMPLATE_CHARS, { error: `must be at most ${MAX_TEMPLATE_CHARS} characters` });

/** A new template (no id), or a change to one made from `version` of it. */
export const templateSave = z
  .object({ id: id.optional(), version: version.optional(), source: templateSource })
  .refine((t) => t.id === undefined || t.version !== undefined, {
    error: 'must say which version of the template the edit was made from',
    path: ['version'],
  });

/** Which template a letter uses: one by id, or the built-in of a kind. */
const templateChoice = {
  templateId: id.optional(),
  kind: z.enum(LETTER_KIND.values, { error: 'is not a kind of letter' }).optional(),
  /** The address-book contact the letter goes to. */
  recipientId: id.optional(),
  /** For a form: which of the client's authorizations it writes out (else the newest of its kind). */
  authorizationId: id.optional(),
};
const oneTemplate = <T extends { templateId?: number | undefined; kind?: string | undefined }>(
  v: T,
) => v.templateId !== undefined || v.kind !== undefined;
const needOne = { error: 'Choose a template or a kind of letter.', path: ['templateId'] };

export const letterRequest = z
  .object({ caseId: id, ...templateChoice })
  .refine(oneTemplate, needOne);

/** A preview of unsaved template text on a real case, for the template editor. */
export const letterPreview = z
  .object({ caseId: id, ...templateChoice, source: templateSource.optional() })
  .refine((v) => v.source !== undefined || oneTemplate(v), needOne);

export const letterGenerate = z
  .object({
    caseId: id,
    ...templateChoice,
    /** A note kept with the generated document. */
    note: z.string().trim().max(1000).optional(),
  })
  .refine(oneTemplate, needOne);

/** The most letters one batch call writes; a longer batch is several calls. */
export const MAX_LETTER_BATCH = 200;

/** One letter for each of several cases, kept with each case and, with `outDir`, saved there. */
export const letterBatch = z
  .object({
    caseIds: z
      .array(id)
      .min(1, { error: 'needs at least one case' })
      .max(MAX_LETTER_BATCH, { error: `takes at most ${MAX_LETTER_BATCH} cases a call` }),
    ...templateChoice,
    /** An existing folder to save each letter in as "<case id> - <file name>.docx". */
    outDir: z.string().trim().min(1).max(4096).optional(),
  })
  .refine(oneTemplate, needOne);

/** What became of one case's letter in a batch. */
export type BatchLetter =
  | (GeneratedLetter & { caseId: number; ok: true; path: string | null })
  | { caseId: number; ok: false; error: ApiError };

/** A piece of text with its emphasis; `gap` marks something the case lacks. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  gap?: boolean;
}

export type Block =
  | { type: 'heading'; runs: Run[] }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'quote'; runs: Run[] }
  | { type: 'list'; ordered: boolean; items: Run[][] }
  | { type: 'table'; header: Run[][]; rows: Run[][][] };

/** Everything on the page, in order, before it is laid out as Word or as the preview. */
export interface LetterModel {
  title: string;
  kind: LetterKind;
  letterhead: { name: string; lines: string[] };
  date: string;
  /** The recipient's address block, a line each (a gap when no recipient is chosen). */
  recipient: Run[][];
  re: Run[][];
  body: Block[];
  closing: string;
  signature: Run[][];
  enclosures: Run[][];
  cc: Run[][];
  /** How many gaps the letter has: things the case lacks, marked in the text. */
  gaps: number;
  /** A form to sign (no recipient, closing or signature block: its own signature lines). */
  form?: boolean;
}

/** One thing the letter will lack, and where in the app to fill it in. */
export interface ChecklistItem {
  /** The template field it stands for, e.g. "plan.memberId". */
  field: string;
  label: string;
  /** What to fill in, in words: "the member ID on the case page". */
  where: string;
  /** A route in the app, e.g. "/cases/12#case-memberId". */
  link: string;
}

export interface LetterPreview {
  model: LetterModel;
  checklist: ChecklistItem[];
}

export interface GeneratedLetter {
  documentId: number;
  fileName: string;
  gaps: number;
  checklist: ChecklistItem[];
}

export const documentSave = z.object({
  id,
  /** A file path on this computer; the folder must exist. */
  path: z.string().trim().min(1, { error: 'is required' }).max(4096),
});

/** A document's bytes, for a download or an app that opens it. */
export interface DocumentFile {
  fileName: string;
  mediaType: string;
  contentBase64: string;
}

/** The advocate's own letterhead: a Word file with {{letter}} where the letter goes. */
export const letterheadSet = z.object({
  fileName: z.string().trim().min(1, { error: 'is required' }).max(255),
  // 50 MB of file is about 67 MB of base64; the engine checks the real size after decoding.
  contentBase64: z.string().max(80_000_000, { error: 'is larger than the 50 MB limit' }),
});

/** A question a template asks of each case, and which templates ask it. */
export interface CaseQuestion {
  key: string;
  ask: string;
  hint: string | null;
  /** A paragraph or more (a statement), not a line. */
  long: boolean;
  /** The templates that ask it, by name. */
  askedBy: string[];
}

export interface CaseQuestions {
  questions: CaseQuestion[];
  /** The case's answers, by question key. */
  answers: Record<string, string>;
}

export const caseAnswerSave = z.object({
  caseId: id,
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,59}$/, { error: 'is not a question key' }),
  /** Empty clears the answer. */
  answer: z.string().trim().max(10000, { error: 'must be at most 10000 characters' }),
});

/** A name a template can read, for the editor's picker. */
export interface Placeholder {
  name: string;
  label: string;
  /** Whether it is a list, read with {% for %}. */
  list: boolean;
}

export interface LetterheadInfo {
  fileName: string;
  sizeBytes: number;
}
