// Member, group, reference and claim numbers: from labelled fields in any layout, and from prose
// and header lines where only a word stands before the number ("ID RVH33019204, Grp 7710",
// "Harborline Health member HLH-60218834", "the group is 88310").
import type { Proposal } from '../../contract/facts';
import { fieldsOfKind } from './fields';
import type { FieldKind } from './labels';

type IdField = 'memberId' | 'groupNumber' | 'referenceNumber' | 'claimNumber';
const ID_FIELDS: IdField[] = ['memberId', 'groupNumber', 'referenceNumber', 'claimNumber'];

/** One token of letters, digits and hyphens with a digit in it: "BCX-778-21-0093", "7710". */
const TOKEN = /^(?=[A-Z0-9-]*\d)[A-Z0-9](?:[A-Z0-9-]*[A-Z0-9])?$/i;

/** The identifier a value starts with; a second token only when it carries digits ("EM 0043-1192-8"). */
function identifierIn(value: string): string | null {
  const head = value.split(/\s*[,;(|·]|\s+(?:and|or|for|from|with|is|was)\b/i)[0]!.trim();
  const tokens = head.split(/\s+/);
  const kept: string[] = [];
  for (const t of tokens.slice(0, 4)) {
    if (!/^[A-Z0-9-]+$/i.test(t)) break;
    if (kept.length && !/\d/.test(t)) break;
    kept.push(t);
  }
  const id = kept.join(' ');
  if (!/\d/.test(id) || id.length < 4 || id.length > 30) return null;
  // A date or a phone number is not an identifier.
  if (/^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$|^\d{4}-\d{2}-\d{2}$|^1?-?\d{3}-\d{3}-\d{4}$/.test(id))
    return null;
  return kept.every((t) => /^[A-Z0-9-]+$/.test(t.toUpperCase())) && TOKEN.test(kept.at(-1)!)
    ? id
    : null;
}

/** A word and its number in running text; the bare words need the number to look like one. */
const PROSE: [IdField, RegExp][] = [
  [
    'memberId',
    /\b(?:member|subscriber|recipient|enrollee|medicaid|medicare)(?:\s+(?:id|number|no\.?|#))?\s*(?:is|:|#)?\s+([A-Z0-9][A-Z0-9-]{3,})\b/gi,
  ],
  ['memberId', /\bpolicy\s*(?:id|number|no\.?|#)\s*(?:is|:|#)?\s*([A-Z0-9][A-Z0-9-]{3,})\b/gi],
  ['memberId', /(?<![\w-]\s?)\bID\s*(?:#|:|is)?\s*([A-Z0-9][A-Z0-9-]{3,})\b/g],
  [
    'groupNumber',
    /\b(?:group|grp)(?:\s+(?:id|number|no\.?|#))?\s*(?:is|:|#)?\s+([A-Z0-9][A-Z0-9-]{3,})\b/gi,
  ],
  [
    'claimNumber',
    /\bclaim(?:\s+(?:id|number|no\.?|#))?\s*(?:is|:|#)?\s+([A-Z0-9][A-Z0-9-]{3,})\b/gi,
  ],
  [
    'referenceNumber',
    /\b(?:reference|ref\.?|authori[sz]ation|auth\.?|case|tracking)\s+(?:id|number|no\.?|#)\s*(?:is|:|#)?\s*([A-Z0-9][A-Z0-9-]{3,})\b/gi,
  ],
];

/** What follows a count, not an identifier: "group of 12 sessions". */
const NOT_AFTER =
  /^\s*(?:sessions?|weeks?|days?|months?|years?|mg|units?|visits?|members?|people|%)/i;

export function identifiers(text: string, out: Proposal[]) {
  const found: Proposal[] = [];
  const add = (field: IdField, value: string, start: number, end: number) => {
    if (found.some((p) => p.values.field === field && p.values.value === value)) return;
    // A value already claimed by another field (a claim number read again as a member number).
    if (found.some((p) => p.start <= start && start < p.end)) return;
    found.push({ kind: 'identifier', values: { field, value }, start, end });
  };
  for (const field of ID_FIELDS) {
    for (const f of fieldsOfKind(text, field as FieldKind)) {
      const value = identifierIn(f.value);
      if (value) add(field, value, f.start, f.start + value.length);
    }
  }
  for (const [field, pattern] of PROSE) {
    for (const m of text.matchAll(pattern)) {
      const value = m[1]!;
      if (!/\d/.test(value) || !TOKEN.test(value)) continue;
      if (NOT_AFTER.test(text.slice(m.index! + m[0].length))) continue;
      if (identifierIn(value) !== value) continue;
      const at = m.index! + m[0].lastIndexOf(value);
      add(field, value, at, at + value.length);
    }
  }
  out.push(...found);
}
