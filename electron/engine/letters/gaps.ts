// A gap: a value the case lacks. It travels through Liquid as a Drop that is false in `if` and
// prints as a marker; the Markdown reader turns markers into highlighted runs.
import { Drop } from 'liquidjs';

// Private-use characters: they never occur in what people type (and are stripped from it).
export const GAP_OPEN = '\uE000';
export const GAP_CLOSE = '\uE001';
const GAP_SEP = '\uE002';
/** Every private-use character the letter machinery uses: gap markers and literal punctuation. */
const PRIVATE_USE = /[\uE000-\uE002\uE100-\uE17F]/g;

// A value printed into Markdown keeps its punctuation as private-use look-alikes, so Markdown
// never reads a client's "*", "|" or "1." as formatting; they turn back after parsing. Unlike
// backslash escapes this is idempotent, so a value captured and printed again stays right.
const LITERAL_BASE = 0xe100;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const LITERAL = /[\uE121-\uE17E]/g;

/** Text whose punctuation Markdown will not read as formatting. */
export const literal = (text: string) =>
  text.replace(ASCII_PUNCTUATION, (c) => String.fromCharCode(LITERAL_BASE + c.charCodeAt(0)));

/** Undoes `literal` once Markdown has been read. */
export const unliteral = (text: string) =>
  text.replace(LITERAL, (c) => String.fromCharCode(c.charCodeAt(0) - LITERAL_BASE));

/** A value a case may rightly lack (a title, a date): false in `if`, prints as nothing. */
export class Blank extends Drop {
  override valueOf(): null {
    return null;
  }
}
export const BLANK = new Blank();

/** A missing value: the template field it stands for ("plan.memberId") and the words for it. */
export class Missing extends Drop {
  constructor(
    readonly field: string,
    readonly label: string,
  ) {
    super();
  }
  /** Liquid tests truth through valueOf: a missing value is false in `if` and `unless`. */
  override valueOf(): null {
    return null;
  }
}

/** The marker a gap prints as, before it is laid out. */
export const gapMarker = (gap: { field: string; label: string }) =>
  `${GAP_OPEN}${gap.field}${GAP_SEP}${gap.label}${GAP_CLOSE}`;

/** How a gap reads on the page. */
export const gapText = (label: string) => `[${label} needed]`;

/** Text people typed, without the private-use characters above, so nothing can fake a gap. */
export const stripMarkers = (text: string) => text.replace(PRIVATE_USE, '');

/**
 * A copy of data read from the library with the markers stripped from every string in it: the
 * letter's input as JSON would copy it (fields left undefined are left out), without writing it
 * out as text and reading it back.
 */
export function withoutMarkers<T>(value: T): T {
  if (typeof value === 'string') return stripMarkers(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(withoutMarkers) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    return JSON.parse(JSON.stringify(value), (_, v: unknown) =>
      typeof v === 'string' ? stripMarkers(v) : v,
    ) as T;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined) copy[key] = withoutMarkers(field);
  }
  return copy as T;
}

/** Splits text into plain parts and gaps (with the field each stands for), in order. */
export function splitGaps(text: string): { text: string; gap?: string }[] {
  const parts: { text: string; gap?: string }[] = [];
  const pattern = new RegExp(
    `${GAP_OPEN}([^${GAP_SEP}]*)${GAP_SEP}([^${GAP_CLOSE}]*)${GAP_CLOSE}`,
    'g',
  );
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: unliteral(text.slice(last, match.index)) });
    parts.push({ text: gapText(unliteral(match[2] ?? '')), gap: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: unliteral(text.slice(last)) });
  return parts;
}

/** Every gap in rendered text: the field it stands for and its words, in order. */
export function gapsIn(text: string): { field: string; label: string }[] {
  return splitGaps(text)
    .filter((p) => p.gap !== undefined)
    .map((p) => ({ field: p.gap ?? '', label: p.text.slice(1, -' needed]'.length) }));
}
