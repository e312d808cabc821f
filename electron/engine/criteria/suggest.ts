// Which criteria set fits a case: the same treatment first, then the payer named by the insurer.
import type { CriteriaSetSummary } from '../../contract/criteria';

/** The treatment a name is about, in a few families; null when it names none of them. */
export function treatmentFamily(text: string): string | null {
  const t = text.toLowerCase();
  if (/esketamine|spravato/.test(t)) return 'esketamine';
  if (/\btms\b|transcranial|magnetic stimulation|theta[- ]burst/.test(t)) return 'tms';
  if (/ketamine/.test(t)) return 'ketamine';
  if (/\bect\b|electroconvulsive/.test(t)) return 'ect';
  return null;
}

/** Words that name a payer, without the ones every plan shares ("Blue", "Health", "Plan"). */
const COMMON = new Set(
  'the of and inc co company health healthcare plan plans insurance medical care group program drug behavioral services'.split(
    ' ',
  ),
);
const payerWords = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2 && !COMMON.has(w)),
  );

/** How much of a set's payer the insurer's name shares (0 when none). */
function payerScore(insurer: string, payer: string): number {
  const a = payerWords(insurer);
  const b = payerWords(payer);
  let shared = 0;
  for (const w of b) if (a.has(w)) shared += 1;
  return shared;
}

/**
 * The set to suggest: one for the requested treatment whose payer the insurer's name shares a
 * word with; the best such match wins. No set for another treatment, and none on treatment alone:
 * another payer's criteria would mislead.
 */
export function suggestSet(
  sets: readonly CriteriaSetSummary[],
  kase: { requestedTreatment: string; insurerName: string | null },
): CriteriaSetSummary | null {
  const family = treatmentFamily(kase.requestedTreatment);
  if (!family || !kase.insurerName) return null;
  let best: { set: CriteriaSetSummary; score: number } | null = null;
  for (const set of sets) {
    if (treatmentFamily(set.treatment) !== family) continue;
    const score = payerScore(kase.insurerName, set.payer);
    // The advocate's own sets come before a shipped example of the same fit.
    const ranked = score + (set.starterKey ? 0 : 0.5);
    if (score > 0 && (!best || ranked > best.score)) best = { set, score: ranked };
  }
  return best?.set ?? null;
}
