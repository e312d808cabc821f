// CPT and HCPCS codes, with or without the word "CPT" beside them. A five-digit number is a CPT
// code when the line speaks of codes, sits beside other codes, heads a units count ("90868 x 20"),
// stands in a table's code column, or falls in the code families these requests use; never when
// it is a ZIP code, a box or suite number, part of an identifier, a date or an amount.
import type { Proposal } from '../../contract/facts';
import { US_STATES } from '../../contract/us-states';
import { fieldsOfKind } from './fields';
import { linesOf } from './text';

/** Psychiatry (incl. TMS 90867–90869, ECT 90870), infusions, nerve blocks, neurostimulators,
 *  psychological testing, physical medicine and office visits. */
const FAMILIES: [number, number][] = [
  [90785, 90899],
  [96360, 96379],
  [64400, 64530],
  [63650, 63688],
  [95970, 95984],
  [96130, 96139],
  [97010, 97799],
  [99202, 99499],
];

const HCPCS = /(?<![\w/-])([A-CEGHJ-MP-V]\d{4})(?![\w]|[-–]\d)/g;
const FIVE = /(?<![\w$.,/#-])(\d{5})(?![\w]|,\d|[-–]\d{3}|[./]\d)/g;
const CODE_WORDS = /\b(?:CPT|HCPCS|procedure codes?|billing codes?|service codes?|codes?)\b/i;
const UNITS = /^\s*(?:\(\s*\d+\s*units?\s*\)|[x×]\s*\d+|for \d+ (?:sessions?|units?|treatments?))/i;
/** Words that make the number after them something else. */
const NOT_A_CODE =
  /\b(?:Box|Suite|Ste\.?|Unit|Apt\.?|No\.?|ZIP(?: code)?|Fax|Phone|Tel|ID|Group|Grp|Member|Claim|Policy|MRN|Account|Acct|Case|Ref(?:erence)?|Auth(?:orization)?|NPI|Tax|Plan|Building|Bldg|Floor|Room)\s*[:#]?\s*$/i;

const inFamily = (code: string) => FAMILIES.some(([lo, hi]) => +code >= lo && +code <= hi);

/** The codes found, and the passages that name them (for the treatments finder). */
export function procedureCodes(
  text: string,
  out: Proposal[],
  taken: [start: number, end: number][],
): [number, number][] {
  const isTaken = (at: number) => taken.some(([s, e]) => at >= s && at < e);
  const codeColumn = fieldsOfKind(text, 'code');
  const passages: [number, number][] = [];
  const push = (system: string, code: string, at: number) => {
    out.push({
      kind: 'procedure-code',
      values: { system, code },
      start: at,
      end: at + code.length,
    });
    passages.push([at, at + code.length]);
  };
  for (const line of linesOf(text)) {
    const hcpcs = [...line.text.matchAll(HCPCS)].filter((m) => !isTaken(line.start + m.index));
    for (const m of hcpcs) push('HCPCS', m[1]!, line.start + m.index);
    const candidates = [...line.text.matchAll(FIVE)].filter((m) => {
      const before = line.text.slice(0, m.index);
      const state = /\b([A-Z]{2})\s+$/.exec(before)?.[1];
      return (
        !isTaken(line.start + m.index) &&
        !(state && US_STATES.has(state)) &&
        !NOT_A_CODE.test(before) &&
        !/\$\s*$/.test(before)
      );
    });
    const codeLine =
      CODE_WORDS.test(line.text) || hcpcs.length > 0 || candidates.some((m) => inFamily(m[1]!));
    for (const m of candidates) {
      const at = line.start + m.index;
      const inColumn = codeColumn.some((f) => at >= f.start && at < f.end);
      if (inFamily(m[1]!) || codeLine || inColumn || UNITS.test(line.text.slice(m.index + 5)))
        push('CPT', m[1]!, at);
    }
  }
  return passages;
}
