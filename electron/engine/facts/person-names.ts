// What a person's name looks like in a record ("Jordan A. Rivera", "Vivian O'Hare",
// "Raymond T. Okonkwo-Hale"), and the capitalised words that mark an organization, a heading or
// a place rather than a person.

const WORD = String.raw`(?:(?:Mc|Mac|O['’]|D['’])?\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*)`;
const INITIAL = String.raw`\p{Lu}\.`;

/** A first name, an optional middle name or initial, and a last name. */
export const PERSON_NAME = String.raw`${WORD}(?:\s+(?:${INITIAL}|${WORD}))?\s+${WORD}(?:,?\s+(?:Jr\.|Sr\.|II|III|IV))?`;

const NOT_A_PERSON = new Set(
  `health plan insurance insurer mutual cross shield care healthcare medicare medicaid advantage
  clinic center centre hospital department medical medicine services service street avenue road
  court drive boulevard suite box disorder depressive depression major severe notice member
  patient client date birth dear sincerely respectfully appeals appeal management utilization
  group associates psychiatry psychiatric program unit university company inc llc office practice
  behavioral mental therapy spine pain neuromodulation interventional emergency discharge visit
  progress review determination decision coverage authorization prior explanation benefits
  statement summary intake note letter request treatment network partners alliance cooperative
  solutions pharmacy county state federal national american society reviewer director physician
  services division institute foundation team trust fund administration agency court
  january february march july september october november december monday
  tuesday wednesday thursday friday saturday sunday`.split(/\s+/),
);

/** Whether `text` is exactly a person's name (an organization or heading is not). */
export function isPersonName(text: string): boolean {
  return (
    new RegExp(`^${PERSON_NAME}$`, 'u').test(text) &&
    !text.split(/[\s-]+/).some((w) => NOT_A_PERSON.has(w.toLowerCase().replace(/[.,]/g, '')))
  );
}

/** Titles and credentials are not part of the name a client's record holds. */
export function withoutTitles(text: string): string {
  return text
    .replace(/^(?:Mr|Mrs|Ms|Mx|Miss)\.?\s+/, '')
    .replace(/,?\s+(?:MD|DO|NP|PhD|LCSW|RN|PA-C|APRN|PMHNP(?:-BC)?)\b.*$/, '')
    .trim();
}
