// A client's data printed into a letter stays in its place whatever script it is written in: an
// Arabic or Hebrew name is isolated (FSI…PDI) so it cannot reorder the codes and numbers around
// it, and direction controls typed or pasted into data (U+202E "right-to-left override" and its
// kin) are removed so no value can turn the rest of a line around.

/** Embeddings, overrides and isolates: what can reorder text beyond the value itself. */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo... and their forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

const FSI = '\u2068';
const PDI = '\u2069';

/** The value, without direction controls, isolated when it holds right-to-left letters. */
export function isolateDirection(text: string): string {
  const clean = text.replace(DIRECTION_CONTROLS, '');
  return RIGHT_TO_LEFT.test(clean) ? `${FSI}${clean}${PDI}` : clean;
}
