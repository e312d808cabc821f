// The insurer's name: from a labelled field ("Insurance carrier: Redwood Valley Health, ID ..."),
// else from an organization named like a health insurer (letterhead, addressee, "a plan from
// Cornerstone Health", "Harborline Health member ..."), never a provider's practice.
import type { Proposal } from '../../contract/facts';
import { fieldsOfKind } from './fields';

/** The words an insurer's name ends with. */
const HEAD = String.raw`(?:(?:Care|Medical) +Plans?|Health +(?:Plans?|Insurance(?: +Company)?|Partners|Alliance|Cooperative|Network|Maintenance Organization)|Insurance(?: +Company)?|Assurance(?: +Company)?|Blue +Cross(?: +(?:and +|& +)?Blue +Shield)?|Blue +Shield|Mutual(?: +Insurance)?|Health(?:care|Care)?)`;
const WORD = String.raw`(?:[A-Z][A-Za-z'’]*(?:-[A-Z][A-Za-z'’]*)*|of|&|and)`;
const FOLLOWING_HEAD = new RegExp(String.raw`^ +${HEAD}\b`);
const INSURER = new RegExp(String.raw`\b((?:${WORD} +){0,4}?[A-Z][A-Za-z'’-]* +${HEAD})\b`, 'g');

/** National insurers known by a name of their own. */
const NATIONAL = String.raw`Aetna|Cigna|Humana|Anthem|UnitedHealthcare|Kaiser Permanente|Molina Healthcare|Ambetter|Oscar Health|Highmark|CareFirst|Florida Blue|Premera|Regence|EmblemHealth|Tricare|TRICARE|WellCare|Medica|Priority Health`;
const KNOWN = new RegExp(String.raw`\b(${NATIONAL})\b`, 'g');
const IS_KNOWN = new RegExp(String.raw`^(?:${NATIONAL})$`);

/** An organization that treats patients is not the insurer, whatever its name ends with. */
const PROVIDER =
  /\b(?:Behavioral|Psychiatr\w*|Clinic|Hospital|Center|Centre|Medical|Medicine|University|Pain|Spine|Associates|Neuro\w*|Mental|Department|Practice|Institute|Therapy|Counseling|Wellness|Physicians|Pediatrics?|Family|Women'?s|Children'?s|Public|Occupational|Home|Urgent|Primary|Behavioural|Recovery|Veterans Health Administration)\b/;

const LEADING = /^(?:(?:The|Your|Our|This|A|An|and|of|&|From|To|Re|Dear|Attn)\s+)+/;

function cleanName(value: string): string {
  return value
    .split(/\s*[,;(|·\t]|\s+(?:ID|Grp|Group|Member|member|plan|for)\b/)[0]!
    .replace(/[.\s]+$/, '')
    .trim();
}

export function insurer(text: string, out: Proposal[]) {
  for (const f of fieldsOfKind(text, 'insurerName')) {
    const name = cleanName(f.value);
    if (name.length >= 3 && name.length <= 80 && /[A-Za-z]/.test(name)) {
      out.push({
        kind: 'identifier',
        values: { field: 'insurerName', value: name },
        start: f.start,
        end: f.start + name.length,
      });
      return;
    }
  }
  const named = [...text.matchAll(INSURER), ...text.matchAll(KNOWN)]
    .map((m) => {
      const lead = LEADING.exec(m[1]!)?.[0].length ?? 0;
      // "Buckeye Mutual Health Plan": the name runs to its last head word.
      let name = m[1]!;
      for (let more; (more = FOLLOWING_HEAD.exec(text.slice(m.index! + name.length)));)
        name += more[0];
      return { name: name.slice(lead), start: m.index! + lead };
    })
    .filter((c) => IS_KNOWN.test(c.name) || (!PROVIDER.test(c.name) && c.name.includes(' ')))
    .sort((a, b) => a.start - b.start);
  const first = named[0];
  if (first)
    out.push({
      kind: 'identifier',
      values: { field: 'insurerName', value: first.name },
      start: first.start,
      end: first.start + first.name.length,
    });
}
