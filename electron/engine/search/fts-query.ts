// Turns what a person types into safe FTS5 queries: every word must match, as a prefix.

const MAX_TERMS = 8;

/**
 * The index keeps three-letter prefixes (migration 0010): a word whose last part is shorter is
 * matched whole ("Wu", "F33.2", "REF-7"), so a stray letter never merges thousands of words.
 */
const MIN_PREFIX = 3;

/** The words worth searching for, at most MAX_TERMS of them. */
function words(typed: string): string[] {
  return typed
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MAX_TERMS);
}

/** A word as one quoted phrase (FTS5 operators, column filters and "*" stay inert in it). */
const phrase = (word: string) => `"${word.replaceAll('"', '""')}"`;

/** Whether a word can be searched as the start of longer words. */
function prefixable(word: string): boolean {
  const last =
    word
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .at(-1) ?? '';
  return [...last].length >= MIN_PREFIX;
}

/** Splits typed text into quoted prefix phrases, or returns [] when nothing searchable is left. */
export function ftsTerms(typed: string): string[] {
  return words(typed).map((word) => `${phrase(word)}${prefixable(word) ? '*' : ''}`);
}

/** One FTS5 MATCH expression requiring every term, or null when there is nothing to search. */
export function ftsQuery(typed: string): string | null {
  const terms = ftsTerms(typed);
  return terms.length ? terms.join(' AND ') : null;
}

/**
 * The queries a search of the case index tries: every word whole, then — the last word being
 * perhaps half typed — the same with the last word as a prefix (null when it is too short).
 * The words before the last were finished by the space after them. A whole word reads its own
 * list of cases and can stop at the first page; a prefix must first merge the lists of every
 * word that starts with it, which for a common word means the whole library.
 */
export function ftsSearches(typed: string): { whole: string; prefix: string | null } | null {
  const all = words(typed);
  if (all.length === 0) return null;
  const whole = all.map(phrase).join(' AND ');
  const last = all.at(-1)!;
  const prefix = prefixable(last)
    ? [...all.slice(0, -1).map(phrase), `${phrase(last)}*`].join(' AND ')
    : null;
  return { whole, prefix };
}
