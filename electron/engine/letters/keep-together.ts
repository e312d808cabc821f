// What must never be broken across two lines of a letter: an identifier or phone number split at
// its hyphen ("AHP-5531-" / "0098") reads as two numbers to the person who keys it in. Their
// hyphens become Word's non-breaking hyphen, and a phone number's space a non-breaking space.
import { NoBreakHyphen } from 'docx';

/** A hyphenated run of letters and digits that holds a digit: "AHP-5531-0098", "90834-95". */
const HYPHENATED = /[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+/g;
/** "(555) 123-4567": the space after the area code. */
const AREA_CODE = /(\(\d{3}\)) (?=\d{3})/g;

/** The run's content: text, with Word's non-breaking hyphen inside identifiers. */
export function keptTogether(text: string): (string | NoBreakHyphen)[] {
  const spaced = text.replace(AREA_CODE, '$1\u00A0');
  const out: (string | NoBreakHyphen)[] = [];
  let at = 0;
  for (const m of spaced.matchAll(HYPHENATED)) {
    if (!/\d/.test(m[0])) continue;
    if (m.index > at) out.push(spaced.slice(at, m.index));
    m[0].split('-').forEach((part, i) => {
      if (i > 0) out.push(new NoBreakHyphen());
      out.push(part);
    });
    at = m.index + m[0].length;
  }
  if (at < spaced.length || out.length === 0) out.push(spaced.slice(at));
  return out;
}
