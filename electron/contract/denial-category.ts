// What kind of denial a notice announces: it decides what the appeal must argue. Proposed from
// the notice's own words (the form, the facts from an imported notice) and always editable.
import { choices } from './choices';

export const DENIAL_CATEGORY = choices({
  experimental: 'Experimental / investigational',
  'not-medically-necessary': 'Not medically necessary',
  'step-therapy': 'Step therapy / fail-first',
  'out-of-network': 'Out of network / network adequacy',
  'benefit-exclusion': 'Benefit exclusion',
  'quantity-limit': 'Quantity or frequency limit',
  administrative: 'Administrative / missing information',
  coding: 'Coding',
});
export type DenialCategory = (typeof DENIAL_CATEGORY.values)[number];

/**
 * Phrases notices use for each kind, most specific kinds first: a notice that says "not
 * medically necessary because it is investigational" is argued as investigational.
 */
const SIGNS: [DenialCategory, RegExp][] = [
  [
    'experimental',
    /\b(experimental|investigational|unproven|not (yet )?proven|insufficient (scientific |clinical )?evidence|not (fda[- ])?approved for|off[- ]label|emerging technolog)/i,
  ],
  [
    'step-therapy',
    /\b(step[- ]?therapy|fail[- ]?first|first[- ]line|(has|have) not (tried|failed)|trial (and failure )?of|must (first )?(try|fail)|prerequisite (drug|therap|medication)|preferred (drug|alternative|agent)s?|formulary alternative)/i,
  ],
  [
    'out-of-network',
    /\b(out[- ]of[- ]network|non[- ]?participating|not (an? )?(in[- ]network|participating|contracted)|network (adequacy|provider)|in[- ]network provider is available)/i,
  ],
  [
    'benefit-exclusion',
    /\b(excluded|exclusion|not a covered (benefit|service)|non[- ]?covered (benefit|service)|is not covered under|benefit (is )?not (available|included)|CO-96)\b/i,
  ],
  [
    'quantity-limit',
    /\b(quantity limit|frequency limit|exceeds? (the )?(maximum|limit|allowed number)|visit limit|session limit|number of (sessions|treatments|units) (allowed|exceeds)|per (benefit|calendar|plan) year)/i,
  ],
  [
    'coding',
    /\b(incorrect(ly)? cod|invalid (code|procedure|diagnosis|modifier)|coding|modifier|unlisted code|mismatch between|not billable|CO-(4|11|16|97|181|182)\b)/i,
  ],
  [
    'administrative',
    /\b(missing (information|documentation|records)|incomplete|not received|no (prior )?authori[sz]ation|authori[sz]ation (was )?(absent|not obtained|not on file)|timely filing|late filing|filed late|request(ed)? additional|CO-197)/i,
  ],
  [
    'not-medically-necessary',
    /\b(medical(ly)? necess|not necessary|criteria (were|was|are|is) not met|does not meet (the )?(clinical |medical )?criteria|not appropriate|level of care|CO-50)/i,
  ],
];

/** The kind of denial its reason reads as, or null when nothing in it says. */
export function proposeDenialCategory(reason: string | null | undefined): DenialCategory | null {
  if (!reason) return null;
  for (const [category, sign] of SIGNS) if (sign.test(reason)) return category;
  return null;
}
