// The pieces of a document's text that facts are read from: lines, sentences and table cells,
// each with its offset in the whole text so a proposal can point at its passage.

export interface Span {
  text: string;
  /** Offset of the first character in the document's text. */
  start: number;
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function linesOf(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ text: part, start });
    start += part.length + 1;
  }
  return lines;
}

/** Words a full stop follows without ending the sentence: titles, initials, short forms. */
const ABBREVIATION =
  /(?:^|[\s(])(?:Dr|Mr|Mrs|Ms|Mx|St|Jr|Sr|No|vs|approx|e\.g|i\.e|etc|Inc|Co|Corp|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])$/;

/** The sentences of one line: a full stop, "!" or "?" followed by a space ends one. */
export function sentencesOf(line: Span): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (const m of line.text.matchAll(/[.!?]+["”')]*\s+/g)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && ABBREVIATION.test(line.text.slice(from, m.index))) continue;
    out.push({ text: line.text.slice(from, end).trimEnd(), start: line.start + from });
    from = end;
  }
  if (from < line.text.length) out.push({ text: line.text.slice(from), start: line.start + from });
  return out.filter((s) => s.text.trim());
}

/** Every sentence of the text, line by line (a sentence never crosses a line break). */
export function sentencesIn(text: string): Span[] {
  return linesOf(text).flatMap(sentencesOf);
}

/** The sentence of `text` that holds offset `at`. */
export function sentenceAt(sentences: Span[], at: number): Span | undefined {
  return sentences.find((s) => at >= s.start && at < s.start + s.text.length);
}

/** A line's cells: runs of text between tabs, wide gaps, and " | " or " · " separators. */
export function cellsOf(line: Span, separators = /\t| {2,}| [|·•] /g): Span[] {
  const cells: Span[] = [];
  let from = 0;
  for (const m of line.text.matchAll(separators)) {
    cells.push({ text: line.text.slice(from, m.index), start: line.start + from });
    from = m.index + m[0].length;
  }
  cells.push({ text: line.text.slice(from), start: line.start + from });
  return cells
    .map((c) => {
      const lead = c.text.length - c.text.trimStart().length;
      return { text: c.text.trim(), start: c.start + lead };
    })
    .filter((c) => c.text);
}
