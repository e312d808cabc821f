// What a template's Markdown may ask of the parser. marked reads nested quotes and lists by
// recursion (50,000 ">" overflow the stack; 500 nested list levels take seconds) and matches
// emphasis marks against each other within a paragraph in quadratic time (99,000 "*a" took 24 s),
// so the shape is measured first, in one linear pass, and a template beyond any real letter is
// refused with what is wrong and where.

/** Deepest nesting of quotes and lists; a letter uses two or three. */
export const MAX_NESTING = 20;
/** Most * and _ marks in one paragraph, and in the whole text; a letter uses a few dozen. */
export const MAX_EMPHASIS_PER_PARAGRAPH = 2_000;
export const MAX_EMPHASIS = 10_000;

// One quote or list marker at the start of what is left of a line (a container opening).
const CONTAINER = /[ \t]{0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/y;
// Liquid tags and outputs are not Markdown (a field name may well hold an underscore).
const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

const count = (n: number) => n.toLocaleString('en-US');

/** How deeply one line nests quotes and lists: its markers, and its indentation (a level per 2). */
function nestingOf(line: string): { depth: number; quotes: number } {
  let pos = 0;
  let markers = 0;
  let quotes = 0;
  CONTAINER.lastIndex = 0;
  for (;;) {
    CONTAINER.lastIndex = pos;
    const m = CONTAINER.exec(line);
    if (!m || m[0].length === 0) break;
    markers += 1;
    if (m[0].includes('>')) quotes += 1;
    pos = CONTAINER.lastIndex;
    if (markers > MAX_NESTING) break;
  }
  let indent = 0;
  for (const c of line) {
    if (c === ' ') indent += 1;
    else if (c === '\t') indent += 4;
    else break;
  }
  return { depth: markers + Math.floor(indent / 2), quotes };
}

/**
 * Why `markdown` is beyond what a letter needs (a sentence naming the line), or null. Counts
 * past the limit are reported in full where the scan is cheap (a line's ">" marks).
 */
export function markdownShapeProblem(markdown: string): string | null {
  const lines = markdown.split(/\r?\n/);
  let paragraphMarks = 0;
  let paragraphStart = 1;
  let totalMarks = 0;
  for (const [i, raw] of lines.entries()) {
    const { depth, quotes } = nestingOf(raw);
    if (depth > MAX_NESTING) {
      const what =
        quotes > MAX_NESTING / 2
          ? `blockquote level ${count((/^[\s>]*/.exec(raw)?.[0] ?? '').split('>').length - 1)}`
          : `more than ${MAX_NESTING} levels of quotes and lists`;
      return `is too deeply nested (${what} on line ${i + 1}); quotes and lists may nest at most ${MAX_NESTING} levels.`;
    }
    const text = raw.replace(LIQUID, '');
    if (!text.trim()) {
      paragraphMarks = 0;
      paragraphStart = i + 2;
      continue;
    }
    let marks = 0;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      // * or _, unless escaped with a backslash.
      if ((c === 42 || c === 95) && text.charCodeAt(j - 1) !== 92) marks += 1;
    }
    paragraphMarks += marks;
    totalMarks += marks;
    if (paragraphMarks > MAX_EMPHASIS_PER_PARAGRAPH) {
      return `has more than ${count(MAX_EMPHASIS_PER_PARAGRAPH)} * and _ marks in one paragraph (from line ${paragraphStart}); reading that much emphasis would take too long.`;
    }
    if (totalMarks > MAX_EMPHASIS) {
      return `has more than ${count(MAX_EMPHASIS)} * and _ marks (by line ${i + 1}); reading that much emphasis would take too long.`;
    }
  }
  return null;
}
