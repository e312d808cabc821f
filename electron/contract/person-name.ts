// People's names in parts, the way letters need them: "Jordan A. Rivera Jr." is first Jordan,
// middle A., last Rivera, suffix Jr.; a letter then refers to them as "Mr. Rivera", "Jordan
// Rivera" or "Jordan", as the advocate chose.
import { choices } from './choices';

/** Courtesy titles a letter may put before the last name. */
export const COURTESY_TITLE = choices({
  'Mr.': 'Mr.',
  'Ms.': 'Ms.',
  'Mrs.': 'Mrs.',
  'Mx.': 'Mx.',
  'Dr.': 'Dr.',
});

/** How letters refer to the client after naming them in full. */
export const REFER_AS = choices({
  'first-last': 'First and last name (Jordan Rivera)',
  'title-last': 'Title and last name (Mr. Rivera)',
  first: 'First or preferred name (Jordan)',
});

export type CourtesyTitle = (typeof COURTESY_TITLE.values)[number];
export type ReferAs = (typeof REFER_AS.values)[number];

export interface NameParts {
  firstName: string;
  middleName: string | null;
  lastName: string;
  suffix: string | null;
  preferredName: string | null;
  courtesyTitle: CourtesyTitle | null;
}

const SUFFIX = /^(jr|sr|ii|iii|iv|v|md|do|phd|esq)\.?$/i;
const TITLES: Record<string, CourtesyTitle> = {
  mr: 'Mr.',
  ms: 'Ms.',
  mrs: 'Mrs.',
  mx: 'Mx.',
  miss: 'Ms.',
  dr: 'Dr.',
};
/** Words that start a family name: "de la Cruz", "Van Buren", "St. John". */
const PARTICLE = /^(da|de|del|della|der|di|du|la|le|van|von|st\.?|bin|ibn|al|el|dos|das)$/i;

/** "JORDAN" → "Jordan", "o'neil" stays as written unless the whole name was one case. */
function tidyCase(word: string, shouting: boolean): string {
  if (!shouting) return word;
  return word
    .toLowerCase()
    .replace(/(^|[-'’\s])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
    .replace(/^Mc(\p{L})/u, (_, c: string) => `Mc${c.toUpperCase()}`);
}

const suffixForm = (s: string) =>
  /^(ii|iii|iv|v)$/i.test(s.replace(/\.$/, ''))
    ? s.replace(/\.$/, '').toUpperCase()
    : /^(md|do|phd)$/i.test(s.replace(/\.$/, ''))
      ? s.replace(/\.$/, '').toUpperCase().replace('PHD', 'PhD')
      : `${s.charAt(0).toUpperCase()}${s.slice(1).toLowerCase().replace(/\.?$/, '.')}`;

/**
 * Splits a name as written on a form or in a note into its parts: "Jordan A. Rivera",
 * "Rivera, Jordan A.", "Mr. Jordan Rivera Jr.", 'Jordan "JJ" Rivera', "Ana de la Cruz",
 * "JORDAN A RIVERA". Null when there are not at least a first and a last name.
 */
export function splitPersonName(written: string): NameParts | null {
  let text = written.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  const letters = text.replace(/[^\p{L}]/gu, '');
  const shouting = letters.length > 2 && letters === letters.toUpperCase();

  let preferredName: string | null = null;
  text = text.replace(/\s*["“”(]([^"“”()]{1,40})["“”)]\s*/, (_, nick: string) => {
    preferredName = nick.trim();
    return ' ';
  });
  text = text.trim();

  // "Rivera, Jordan A." (but not "Jordan Rivera, Jr.").
  const comma = text.split(/\s*,\s*/);
  let words: string[];
  let suffix: string | null = null;
  if (comma.length >= 2 && !SUFFIX.test(comma[1]!) && comma[0]!.length > 0) {
    const rest = comma.slice(2).filter((w) => SUFFIX.test(w));
    suffix = rest[0] ?? null;
    words = [...comma[1]!.split(' '), '\u0000', ...comma[0]!.split(' ')];
  } else {
    words = comma.join(' ').split(' ');
  }

  let courtesyTitle: CourtesyTitle | null = null;
  const title = TITLES[words[0]?.toLowerCase().replace(/\.$/, '') ?? ''];
  if (title && words.length > 2) {
    courtesyTitle = title;
    words.shift();
  }
  while (words.length > 2 && SUFFIX.test(words.at(-1)!)) {
    suffix = suffix ?? words.pop()!;
    if (words.at(-1) === '\u0000') break;
  }

  let first: string[];
  let last: string[];
  const cut = words.indexOf('\u0000');
  if (cut >= 0) {
    first = words.slice(0, cut);
    last = words.slice(cut + 1);
  } else {
    if (words.length < 2) return null;
    // The family name runs from its particle ("de la Cruz") or is the last word.
    let start = words.length - 1;
    while (start > 1 && PARTICLE.test(words[start - 1]!)) start -= 1;
    first = words.slice(0, start);
    last = words.slice(start);
  }
  if (!first.length || !last.length) return null;
  const tidy = (w: string) => tidyCase(w, shouting);
  const [firstName, ...middle] = first.map(tidy);
  // A lone middle initial reads as an initial: "A" → "A.".
  const middleName = middle.length
    ? middle.map((m) => (/^\p{L}$/u.test(m) ? `${m}.` : m)).join(' ')
    : null;
  return {
    firstName: firstName!,
    middleName,
    lastName: last.map(tidy).join(' '),
    suffix: suffix ? suffixForm(suffix) : null,
    preferredName: preferredName ? tidy(preferredName) : null,
    courtesyTitle,
  };
}

export interface NamedPerson {
  firstName: string;
  middleName?: string | null;
  lastName: string;
  suffix?: string | null;
  preferredName?: string | null;
  courtesyTitle?: CourtesyTitle | null;
  referAs?: ReferAs | null;
}

/** The name in full, as a reference line prints it: "Jordan A. Rivera Jr.". */
export function fullName(p: NamedPerson): string {
  return (
    [p.firstName, p.middleName, p.lastName].filter(Boolean).join(' ') +
    (p.suffix ? ` ${p.suffix}` : '')
  );
}

/** How a letter refers to the person after the first mention: "Mr. Rivera", "Jordan Rivera", "Jordan". */
export function referenceName(p: NamedPerson): string {
  switch (p.referAs ?? 'first-last') {
    case 'title-last':
      return p.courtesyTitle ? `${p.courtesyTitle} ${p.lastName}` : `${p.firstName} ${p.lastName}`;
    case 'first':
      return p.preferredName || p.firstName;
    default:
      return `${p.firstName} ${p.lastName}`;
  }
}

/**
 * A first name written by an earlier version with the middle initial in it ("Jordan A."): the
 * initial moves to the middle name. Files of exchange version 1 and old archives are read so.
 */
export function splitLegacyFirstName<T extends { firstName: string; middleName?: string | null }>(
  person: T,
): T {
  if (person.middleName) return person;
  const m = /^(.*\S)\s+(\p{Lu})\.?$/u.exec(person.firstName.trim());
  return m ? { ...person, firstName: m[1]!, middleName: `${m[2]}.` } : person;
}
