// The evidence library: published citations (trials, guidelines, regulatory actions) kept in the
// library, and the ones an advocate picks for a case. Letters cite only what is in it.
import { z } from 'zod';
import { choices } from './choices';
import { id, optionalText, requiredText } from './fields';
import { patchOf, version } from './versions';

/** The treatments citations are filed under: what a case's requested treatment is matched to. */
export const EVIDENCE_TREATMENT = choices({
  esketamine: 'Esketamine (Spravato)',
  'ketamine-iv': 'IV ketamine',
  tms: 'TMS (transcranial magnetic stimulation)',
  other: 'Other',
});
export type EvidenceTreatment = (typeof EVIDENCE_TREATMENT.values)[number];

const pmid = z
  .string()
  .trim()
  .regex(/^(\d{1,9})?$/, { error: 'must be the PubMed number only, digits (e.g. 31109201)' })
  .nullish()
  .transform((v) => (v ? v : null));

const doi = z
  .string()
  .trim()
  .transform((v) => v.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, ''))
  .pipe(
    z
      .string()
      .regex(/^(10\.\d{4,9}\/\S+)?$/, { error: 'must look like 10.1176/appi.ajp.2019.19020172' })
      .max(200),
  )
  .nullish()
  .transform((v) => (v ? v : null));

export const citationFields = z.object({
  /** "Popova V, et al." as the paper lists them; none where they were not verified. */
  authors: optionalText(500),
  title: requiredText(600),
  /** The journal, or the agency for a regulatory action ("FDA"). */
  journal: optionalText(200),
  year: z
    .number({ error: 'must be a year, e.g. 2019' })
    .int({ error: 'must be a year, e.g. 2019' })
    .min(1900, { error: 'must be a year after 1900' })
    .max(2100, { error: 'must be a year before 2100' })
    .nullish()
    .transform((v) => v ?? null),
  pmid,
  doi,
  /** RCT, meta-analysis, guideline, label / regulatory approval… */
  design: optionalText(200),
  population: optionalText(500),
  /** One sentence, in the advocate's own words: what the study found. */
  finding: requiredText(600),
  /** What a letter may use it for: "efficacy in TRD; not experimental: basis of FDA approval". */
  supports: optionalText(600),
  treatment: z
    .enum(EVIDENCE_TREATMENT.values, { error: 'is not a treatment the library files under' })
    .default('other'),
  /** The conditions studied, comma-separated: "TRD, MDD". */
  conditions: optionalText(300),
  /** What to check before quoting it (identifiers not seen, wording unverified…). */
  note: optionalText(1000),
  /** Where the identifiers were seen (a PubMed page, the journal, the FDA). */
  source: optionalText(500),
});

export type CitationValues = z.output<typeof citationFields>;
export type CitationInput = z.input<typeof citationFields>;

export const citationUpdate = z.object({ id, version, values: patchOf(citationFields.shape) });

/** A citation as stored. */
export interface Citation extends CitationValues {
  id: number;
  /** The reference entry it was seeded from; null for the advocate's own. */
  sourceKey: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Largest number of citations one list answers: far more than any library holds. */
export const MAX_CITATIONS_LISTED = 1000;

export const citationListQuery = z.object({
  /** Words to find anywhere in a citation (authors, title, finding, what it supports…). */
  query: z.string().trim().max(200).optional(),
  treatment: z.enum(EVIDENCE_TREATMENT.values).optional(),
});

export interface CitationList {
  items: Citation[];
  total: number;
}

/** A citation proposed for a case, with why. */
export interface SuggestedCitation extends Citation {
  /** "Same treatment (esketamine); studied in TRD; supports: not experimental". */
  why: string;
}

export interface CaseCitations {
  /** What the advocate picked, in the order letters cite them. */
  picked: Citation[];
  /** Matches from the library not yet picked, best first. */
  suggested: SuggestedCitation[];
}

export const casePick = z.object({ caseId: id, citationId: id });
