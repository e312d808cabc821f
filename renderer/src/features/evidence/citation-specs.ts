// The citation form's fields, in the order a reference reads.
import { EVIDENCE_TREATMENT } from '../../../../electron/contract/evidence';
import type { Citation } from '../../../../electron/contract/evidence';
import type { FieldSpec } from '../../lib/form';

export const CITATION_SPECS: FieldSpec[] = [
  {
    name: 'authors',
    label: 'Authors',
    hint: 'As the paper lists them, e.g. “Popova V, et al.”',
    autoFocus: true,
  },
  { name: 'title', label: 'Title', required: true, wide: true },
  { name: 'journal', label: 'Journal or agency' },
  { name: 'year', label: 'Year', type: 'number' },
  { name: 'pmid', label: 'PMID', hint: 'Only a number you have seen on PubMed.' },
  { name: 'doi', label: 'DOI', hint: 'Only one you have seen on the journal’s page.' },
  { name: 'design', label: 'Design', hint: 'RCT, meta-analysis, guideline, FDA approval…' },
  { name: 'treatment', label: 'Treatment', type: 'select', choices: EVIDENCE_TREATMENT },
  { name: 'conditions', label: 'Conditions', hint: 'Comma-separated, e.g. “TRD, MDD”.' },
  { name: 'population', label: 'Population', wide: true },
  {
    name: 'finding',
    label: 'Finding, in one sentence',
    type: 'textarea',
    required: true,
    wide: true,
    hint: 'Your own words: letters quote this sentence.',
  },
  {
    name: 'supports',
    label: 'What it supports',
    wide: true,
    hint: 'E.g. “efficacy in TRD; not experimental”.',
  },
  { name: 'note', label: 'Check before citing', type: 'textarea', wide: true },
  { name: 'source', label: 'Where the identifiers were seen', wide: true },
];

/** "Popova V, et al. (2019)" or the journal when no authors are known. */
export function citationShort(c: Citation): string {
  return `${c.authors ?? c.journal ?? 'Unattributed'}${c.year ? ` (${c.year})` : ''}`;
}

/** The identifiers a letter will print, in words. */
export function identifiers(c: Citation): string {
  return [c.pmid && `PMID ${c.pmid}`, c.doi && `doi:${c.doi}`].filter(Boolean).join(' · ');
}
