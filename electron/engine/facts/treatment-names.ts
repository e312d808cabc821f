// The treatments a history names: drugs (generic and brand names, from the shipped vocabulary)
// and the therapies and procedures tried before or instead of them.
import { escapeRegExp } from './text';
import { vocabulary } from './vocabulary';

export interface TreatmentName {
  name: string;
  kind: 'medication' | 'therapy' | 'procedure';
  drugClass: string | null;
}

/** Therapies and procedures, most specific first ("cognitive processing therapy" before "therapy"). */
const NON_DRUG: [TreatmentName, string][] = [
  [
    { name: 'Cognitive processing therapy', kind: 'therapy', drugClass: null },
    'cognitive processing therapy',
  ],
  [
    { name: 'Prolonged exposure', kind: 'therapy', drugClass: null },
    'prolonged exposure(?: therapy)?',
  ],
  [{ name: 'CBT', kind: 'therapy', drugClass: null }, 'CBT|cognitive[- ]behaviou?ral therapy'],
  [{ name: 'DBT', kind: 'therapy', drugClass: null }, 'DBT|dialectical behaviou?r(?:al)? therapy'],
  [
    { name: 'EMDR', kind: 'therapy', drugClass: null },
    'EMDR|eye movement desensiti[sz]ation(?: and reprocessing)?',
  ],
  [{ name: 'IPT', kind: 'therapy', drugClass: null }, 'IPT|interpersonal (?:psycho)?therapy'],
  [{ name: 'Behavioral activation', kind: 'therapy', drugClass: null }, 'behaviou?ral activation'],
  [
    { name: 'Supportive psychotherapy', kind: 'therapy', drugClass: null },
    'supportive (?:psycho)?therapy',
  ],
  [
    { name: 'Psychotherapy', kind: 'therapy', drugClass: null },
    'psychotherapy|talk therapy|(?<=(?:sessions?|weeks?|months?|years?|course) of )therapy',
  ],
  [
    { name: 'Physical therapy', kind: 'therapy', drugClass: null },
    'physical therapy|physiotherapy',
  ],
  [{ name: 'ECT', kind: 'procedure', drugClass: null }, 'ECT|electroconvulsive therapy'],
  [{ name: 'TMS', kind: 'procedure', drugClass: null }, 'r?TMS|transcranial magnetic stimulation'],
  [
    { name: 'Stellate ganglion block', kind: 'procedure', drugClass: null },
    'stellate ganglion blocks?',
  ],
  [{ name: 'Nerve block', kind: 'procedure', drugClass: null }, '(?:peripheral )?nerve blocks?'],
  [
    { name: 'Spinal cord stimulation', kind: 'procedure', drugClass: null },
    'spinal cord stimulat(?:ion|or)',
  ],
];

/** A psychotherapy named only in general; dropped when a specific one is found. */
export const GENERIC_THERAPY = 'Psychotherapy';

let cache: { pattern: RegExp; lookup: (match: RegExpMatchArray) => TreatmentName } | undefined;

/** One pattern for every treatment name, and the treatment a match names. */
export function treatmentNames() {
  if (cache) return cache;
  const { drugs } = vocabulary();
  const byName = new Map<string, TreatmentName>();
  for (const d of drugs) {
    const entry: TreatmentName = {
      name: d.name.charAt(0).toUpperCase() + d.name.slice(1),
      kind: 'medication',
      drugClass: d.class,
    };
    for (const n of [d.name, ...d.brands]) byName.set(n.toLowerCase(), entry);
  }
  const drugNames = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const nonDrug = NON_DRUG.map(([, p], i) => `(?<t${i}>${p})`);
  const pattern = new RegExp(
    `\\b(?:${nonDrug.join('|')}|(?<drug>${drugNames.join('|')}))\\b`,
    'gi',
  );
  const lookup = (match: RegExpMatchArray) => {
    const drug = match.groups?.drug && byName.get(match.groups.drug.toLowerCase());
    if (drug) return drug;
    const i = NON_DRUG.findIndex((_, n) => match.groups?.[`t${n}`] !== undefined);
    return NON_DRUG[i]![0];
  };
  cache = { pattern, lookup };
  return cache;
}
