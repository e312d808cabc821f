// Whether a document reports a denial: a sentence that says coverage was denied, not one that
// says no denial has come ("No denial has been received yet"), one that only imagines it ("in case
// it is denied") or a clinical "denied" ("She denied suicidal ideation").
import { isHypothetical, isNegated } from './negation';
import { sentencesIn } from './text';

const DENIAL =
  /\b(?:denied|denial|deny|denying|adverse (?:benefit )?determination|not (?:been )?approved|non-?certifi(?:ed|cation))\b/gi;

/** A patient denying a symptom, in a clinical note. */
const CLINICAL =
  /\b(?:patient|pt|client|he|she|they|I)\s+(?:also\s+|again\s+)?den(?:ied|ies|y)\b|\bden(?:ied|ies|y)\s+(?:any\s+|all\s+)?(?:SI|HI|AVH|suicid|homicid|hallucinat|ideation|thoughts|symptoms|pain|use|history|alcohol|drug|substance|plan|intent)/i;

/** The sentences in which a denial is reported, with the offset of the words that say so. */
export function denialStatements(text: string): { sentence: string; start: number; at: number }[] {
  const found: { sentence: string; start: number; at: number }[] = [];
  for (const s of sentencesIn(text)) {
    for (const m of s.text.matchAll(DENIAL)) {
      const near = s.text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30);
      if (CLINICAL.test(near)) continue;
      if (isNegated(s.text, m.index) || isHypothetical(s.text, m.index)) continue;
      found.push({ sentence: s.text, start: s.start, at: s.start + m.index });
      break;
    }
  }
  return found;
}

export const statesDenial = (text: string) => denialStatements(text).length > 0;
