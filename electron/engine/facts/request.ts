// The treatment the document asks for: a labelled field ("Requested treatment:", a "Service
// requested" column, "Service:" in a letter's reference block) or a request in prose ("I am
// requesting coverage of Spravato", "a request for outpatient ECT", "coverage for TMS").
import type { Proposal } from '../../contract/facts';
import { fieldsOfKind } from './fields';
import { isHypothetical, isNegated } from './negation';
import { sentencesIn } from './text';
import { treatmentNames } from './treatment-names';

export interface Requested {
  /** The treatments named in the request (by vocabulary name). */
  names: Set<string>;
  /** Where the request stands in the text. */
  passages: [start: number, end: number][];
}

const CUE =
  /\b(?:request(?:s|ed)? (?:from|by) [^\n]{3,80}? for|request(?:s|ed|ing)?|asked (?:us )?to cover|coverage (?:of|for)|authori[sz]ation (?:of|for)|approv(?:e|al of)|refer(?:red)? for|to start|to begin)\b(?:\s+(?:for|of|the|a|an|coverage(?: of)?|authori[sz]ation(?: for)?|approval(?: of)?|treatment with)\b)*\s+/gi;

/** What the request is for must name a treatment, a code, or a kind of treatment. */
const TREATMENT_WORDS =
  /\b(?:infusions?|nasal spray|stimulation|therapy|sessions?|course|injections?|treatments?|[A-CEGHJ-MP-V]\d{4}|9\d{4})\b/i;

const END =
  /\s+(?:for (?:my|our|this|the|your|her|his) (?:patient|client|member)|for (?:the )?(?:treatment|diagnosis) of|for the diagnosis|for (?:Mr|Ms|Mrs|Mx|Dr)\b|because|which|who|as an alternative|under|in order)\b|\s+on\s+(?=\d|[A-Z][a-z]+ \d)|\s*\((?:claim|ref|reference|member|case|auth)\b|(?<!\b(?:[A-Z]|Dr|Mr|Ms|Mrs))\.(?!\d)|[;:]|,\s+(?=[a-z])|\s+(?:has|have|had|was|were|is|are) (?:been )?\w+ed\b/;

export function request(text: string, out: Proposal[]): Requested {
  const { pattern, lookup } = treatmentNames();
  const namesIn = (s: string) => new Set([...s.matchAll(pattern)].map((m) => lookup(m).name));
  const push = (value: string, start: number, end: number): Requested => {
    out.push({ kind: 'request', values: { requestedTreatment: value }, start, end });
    return { names: namesIn(value), passages: [[start, end]] };
  };
  for (const f of fieldsOfKind(text, 'request')) {
    // A "Service" column lists what was billed; a "Service:" line names what is asked for.
    if (f.form === 'column' && /^services?$/i.test(f.label)) continue;
    const value = f.value.split('\t')[0]!.trim();
    if (value.length >= 3 && /[A-Za-z]{3}/.test(value))
      return push(value.slice(0, 200), f.start, f.end);
  }
  for (const s of sentencesIn(text)) {
    for (const m of s.text.matchAll(CUE)) {
      if (isNegated(s.text, m.index) || isHypothetical(s.text, m.index)) continue;
      const rest = s.text.slice(m.index + m[0].length);
      const object = rest.slice(0, END.exec(rest)?.index ?? rest.length).trim();
      if (object.length < 3 || object.length > 160) continue;
      if (/^(?:from|by|on|dated|to|that|was|is|has|sent|made)\b/i.test(object)) continue;
      if (!namesIn(object).size && !TREATMENT_WORDS.test(object)) continue;
      const found = push(object, s.start, s.start + s.text.length);
      found.names = new Set([...found.names, ...namesIn(s.text)]);
      return found;
    }
  }
  return { names: new Set(), passages: [] };
}
