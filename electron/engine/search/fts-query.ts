// Turns what a person types into a safe FTS5 query: every word must match, as a prefix.

const MAX_TERMS = 8;

/** Splits typed text into quoted prefix phrases, or returns [] when nothing searchable is left. */
export function ftsTerms(typed: string): string[] {
  return (
    typed
      .split(/\s+/)
      .filter((word) => /[\p{L}\p{N}]/u.test(word))
      .slice(0, MAX_TERMS)
      // A quoted phrase keeps FTS5 operators (AND, NEAR, column filters, "*") from being parsed.
      .map((word) => `"${word.replaceAll('"', '""')}"*`)
  );
}

/** One FTS5 MATCH expression requiring every term, or null when there is nothing to search. */
export function ftsQuery(typed: string): string | null {
  const terms = ftsTerms(typed);
  return terms.length ? terms.join(' AND ') : null;
}
