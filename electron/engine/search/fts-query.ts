// Turns what a person types into a safe FTS5 query: every word must match, as a prefix.

const MAX_TERMS = 8;

/**
 * The index keeps three-letter prefixes (migration 0009): a word whose last part is shorter is
 * matched whole ("Wu", "F33.2", "REF-7"), so a stray letter never merges thousands of words.
 */
const MIN_PREFIX = 3;

/** Splits typed text into quoted prefix phrases, or returns [] when nothing searchable is left. */
export function ftsTerms(typed: string): string[] {
  return (
    typed
      .split(/\s+/)
      .filter((word) => /[\p{L}\p{N}]/u.test(word))
      .slice(0, MAX_TERMS)
      // A quoted phrase keeps FTS5 operators (AND, NEAR, column filters, "*") from being parsed.
      .map((word) => {
        const last = word.split(/[^\p{L}\p{N}]+/u).filter(Boolean).at(-1) ?? '';
        const prefix = [...last].length >= MIN_PREFIX ? '*' : '';
        return `"${word.replaceAll('"', '""')}"${prefix}`;
      })
  );
}

/** One FTS5 MATCH expression requiring every term, or null when there is nothing to search. */
export function ftsQuery(typed: string): string | null {
  const terms = ftsTerms(typed);
  return terms.length ? terms.join(' AND ') : null;
}
