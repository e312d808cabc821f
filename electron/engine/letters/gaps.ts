// A gap: a value the case lacks. It travels through Liquid as a Drop that is false in `if` and
// prints as a marker; the Markdown reader turns markers into highlighted runs.
import { Drop } from 'liquidjs';

// Private-use characters: they never occur in what people type (and are stripped from it).
export const GAP_OPEN = '\uE000';
export const GAP_CLOSE = '\uE001';
const GAP_SEP = '\uE002';
const PRIVATE_USE = /[\uE000-\uE002]/g;

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

/** Text people typed, with the gap markers' characters removed so nothing can fake a gap. */
export const stripMarkers = (text: string) => text.replace(PRIVATE_USE, '');

/** Splits text into plain parts and gaps (with the field each stands for), in order. */
export function splitGaps(text: string): { text: string; gap?: string }[] {
  const parts: { text: string; gap?: string }[] = [];
  const pattern = new RegExp(
    `${GAP_OPEN}([^${GAP_SEP}]*)${GAP_SEP}([^${GAP_CLOSE}]*)${GAP_CLOSE}`,
    'g',
  );
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ text: gapText(match[2] ?? ''), gap: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Every gap in rendered text: the field it stands for and its words, in order. */
export function gapsIn(text: string): { field: string; label: string }[] {
  return splitGaps(text)
    .filter((p) => p.gap !== undefined)
    .map((p) => ({ field: p.gap ?? '', label: p.text.slice(1, -' needed]'.length) }));
}
