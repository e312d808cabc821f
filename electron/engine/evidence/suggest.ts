// Which citations fit a case: the same treatment, a condition the case has, and what the denial
// must be answered with. Counter-evidence (trials payers cite against a treatment) is never
// proposed; the advocate can still find and pick it in the library.
import type { Citation, EvidenceTreatment, SuggestedCitation } from '../../contract/evidence';
import { EVIDENCE_TREATMENT } from '../../contract/evidence';
import type { DenialCategory } from '../../contract/denial-category';

/** The library's treatment a case's requested treatment names, if any. */
export function evidenceTreatmentOf(
  requested: string | null | undefined,
): EvidenceTreatment | null {
  const text = requested ?? '';
  if (/\b(es-?ketamine|spravato)\b/i.test(text)) return 'esketamine';
  if (/\bketamine\b/i.test(text)) return 'ketamine-iv';
  if (
    /\b(r?TMS|transcranial magnetic|theta[- ]burst|iTBS|neurostar|brainsway|SAINT|SNT|deep TMS)\b/i.test(
      text,
    )
  )
    return 'tms';
  return null;
}

/** The conditions a case's diagnosis codes and history show, in the library's words. */
export function caseConditions(codes: readonly string[], medicationTrials: number): Set<string> {
  const out = new Set<string>();
  for (const raw of codes) {
    const code = raw.toUpperCase();
    if (/^F3[23]/.test(code)) out.add('MDD');
    if (/^F43\.1/.test(code)) out.add('PTSD');
    if (/^F42/.test(code)) out.add('OCD');
    if (/^R45\.851/.test(code)) out.add('suicidal ideation');
    if (/^G90\.5/.test(code)) {
      out.add('CRPS');
      out.add('chronic pain');
    }
    if (/^G89/.test(code)) out.add('chronic pain');
  }
  // Treatment-resistant depression has no code of its own: it is shown by the trials that failed.
  if (out.has('MDD') && medicationTrials >= 2) out.add('TRD');
  return out;
}

/** What a citation's "supports" must speak to, for each kind of denial. */
const ANSWERS: Record<DenialCategory, RegExp> = {
  experimental:
    /not experimental|investigational|FDA|guideline|consensus|standard of care|basis of|replication/i,
  'not-medically-necessary': /efficacy|guideline|durability|urgency|standard of care|suicidal/i,
  'step-therapy': /step|sequenc|augmentation|ECT|monotherapy|only 1 failed/i,
  'out-of-network': /setting|REMS|implementation|standard of care/i,
  'benefit-exclusion': /not experimental|guideline|standard of care|FDA/i,
  'quantity-limit': /durability|maintenance|continuation|session|accelerated/i,
  administrative: /efficacy/i,
  coding: /FDA|REMS/i,
};

const COUNTER = /counter-evidence/i;

export interface CaseForEvidence {
  requestedTreatment: string | null;
  diagnosisCodes: string[];
  medicationTrials: number;
  category: DenialCategory | null;
}

/** The library's citations for a case, best first, each with why; `picked` ones left out. */
export function suggestCitations(
  library: readonly Citation[],
  kase: CaseForEvidence,
  picked: ReadonlySet<number>,
  limit = 12,
): SuggestedCitation[] {
  const treatment = evidenceTreatmentOf(kase.requestedTreatment);
  if (!treatment) return [];
  const conditions = caseConditions(kase.diagnosisCodes, kase.medicationTrials);
  const scored: { citation: SuggestedCitation; score: number }[] = [];
  for (const c of library) {
    if (picked.has(c.id) || c.treatment !== treatment) continue;
    if (COUNTER.test(c.supports ?? '')) continue;
    const studied = (c.conditions ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const shared = studied.filter((s) =>
      [...conditions].some((k) => k.toLowerCase() === s.toLowerCase()),
    );
    // A study of another condition (pain, OCD) does not argue this case's.
    if (conditions.size && studied.length && !shared.length) continue;
    const answers = kase.category ? ANSWERS[kase.category].test(c.supports ?? '') : false;
    const why = [
      `same treatment (${EVIDENCE_TREATMENT.labels[treatment]})`,
      shared.length ? `studied in ${shared.join(' and ')}` : '',
      answers && c.supports ? `supports ${c.supports}` : '',
    ].filter(Boolean);
    const score =
      shared.length * 2 +
      (answers ? 3 : 0) +
      (/guideline|label|regulatory|meta-analysis/i.test(c.design ?? '') ? 1 : 0) +
      (c.pmid || c.doi ? 1 : 0);
    scored.push({ citation: { ...c, why: why.join('; ') }, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || (b.citation.year ?? 0) - (a.citation.year ?? 0))
    .slice(0, limit)
    .map((s) => s.citation);
}
