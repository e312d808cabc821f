// What kind of document a text is, proposed on import (the advocate can change it): a denial
// notice, an EOB, a clinical note, the provider's letter of medical necessity (signed or still a
// draft), a plan document, a medical policy, an authorization, an intake form, correspondence.
// Titles near the top weigh most; the body's signals decide when there is no title.
import type { DocumentType } from '../../contract/document';
import { announcesDenial } from '../facts/denial-notice';

type Scored = Exclude<DocumentType, 'generated-letter' | 'correspondence' | 'other'>;

/** Phrases that name the document when they stand near its top (a title, a RE: line). */
const TITLES: [Scored, RegExp][] = [
  [
    'eob',
    /\bexplanation of (?:benefits|medicare benefits)\b|\bmedicare summary notice\b|\bthis is not a bill\b/i,
  ],
  [
    'denial-notice',
    /\bnotice of (?:adverse (?:benefit )?determination|denial|action|(?:final )?(?:internal )?appeal decision)|\bintegrated denial notice\b|\bdenial (?:notice|letter)\b|\b(?:prior authori[sz]ation|utilization review|coverage) (?:determination|decision)\b|\bappeal decision\b/i,
  ],
  [
    'lmn-signed',
    /\bletter of medical necessity\b|\bmedical necessity letter\b|\bstatement of medical necessity\b/i,
  ],
  [
    'clinical-note',
    /\b(?:progress|clinical|visit|office|consult(?:ation)?|psychiatric|therapy|discharge|nursing) (?:note|summary|evaluation|assessment)\b|\b(?:treatment|discharge) summary\b|\bpsychiatric evaluation\b|\bhistory and physical\b|\bmedical records?\b/i,
  ],
  ['intake-form', /\bintake\b/i],
  [
    'medical-policy',
    /\b(?:medical|clinical|coverage|payment|pharmacy) policy(?: bulletin)?\s*[:\-–]|\bclinical policy bulletin\b|^\s*(?:medical|clinical|coverage) policy\b/im,
  ],
  [
    'plan-document',
    /\bsummary of benefits\b|\bevidence of coverage\b|\bcertificate of coverage\b|\bsummary plan description\b|\bschedule of benefits\b|\bbenefits? booklet\b|\bplan document\b/i,
  ],
  [
    'authorization',
    /\bappointment of (?:authori[sz]ed )?representative\b|\bauthori[sz]ed representative (?:form|designation)\b|\bauthori[sz]ation (?:for|to) (?:use|release|disclose)\b|\brelease of (?:information|records)\b|\bprivacy release\b|\bHIPAA authori[sz]ation\b|\b(?:approval|approved) (?:of|notice)\b|\bauthori[sz]ation approv/i,
  ],
];

/** Signals anywhere in the text, each worth a point. */
const SIGNALS: [Scored, RegExp][] = [
  [
    'eob',
    /\b(?:amount billed|billed amount|allowed amount|patient responsibility|you (?:may )?owe|plan paid|deductible applied|claim adjustment reason|remark codes?)\b/i,
  ],
  ['eob', /\b(?:CO|PR|OA|PI)-\d{1,3}\b/],
  [
    'clinical-note',
    /\b(?:chief complaint|history of present illness|HPI|mental status|assessment and plan|A\/P|review of systems|past psychiatric history|plan of care|diagnos[ie]s)\b/i,
  ],
  [
    'clinical-note',
    /\b(?:date of (?:visit|service|evaluation)|seen (?:today|on)|follow[- ]up (?:in|visit)|vital signs|affect|denies (?:SI|suicidal|intent)|psychomotor)\b/i,
  ],
  ['clinical-note', /\b(?:PHQ-?9|GAD-?7|MADRS|HAM-?D|PCL-?5|QIDS|BDI)\b/],
  [
    'clinical-note',
    /\b(?:under my care|my patient|treating (?:psychiatrist|provider|physician)|refer(?:red)? for)\b/i,
  ],
  ['lmn-signed', /\bmedically necessary\b/i],
  [
    'lmn-signed',
    /\b(?:I am (?:writing|the treating)|I (?:ask|request) that you (?:authori[sz]e|approve|cover))\b/i,
  ],
  [
    'medical-policy',
    /\b(?:coverage criteria|medical necessity criteria|considered medically necessary when|effective date|last reviewed|policy (?:number|no\.?))\b/i,
  ],
  [
    'medical-policy',
    /\b(?:considered experimental and investigational for|not medically necessary for all other indications|references)\b/i,
  ],
  [
    'plan-document',
    /\b(?:coverage period|copay(?:ment)?|coinsurance|out-of-pocket (?:limit|maximum)|in-network|deductible)\b/i,
  ],
  [
    'authorization',
    /\b(?:I,? [A-Z][a-z]+ [A-Z][a-z]+,? (?:hereby )?(?:appoint|authori[sz]e)|may revoke|revoke (?:it|this)|valid (?:for|until)|signature of (?:member|patient|beneficiary)|member signature)\b/i,
  ],
  [
    'authorization',
    /\b(?:(?:has|have) been approved|is approved|approved for \d+|authori[sz]ation number)\b/i,
  ],
  [
    'intake-form',
    /\b(?:new client|client intake|intake (?:form|call|interview)|taken by phone|called on behalf of|best contact|emergency contact|how did you hear)\b/i,
  ],
];

/** Marks of a letter not yet finished or signed: the app's gap markers, placeholders, "DRAFT". */
const DRAFT =
  /\[[^\]\n]{0,80}\b(?:needed|sign here|signature|insert|name here)\b[^\]\n]{0,40}\]|\bDRAFT\b|\{\{|<<[^>]+>>|^\s*_{6,}\s*$/m;

/** Signs that someone signed it: a closing followed by a name with credentials, or "/s/". */
const SIGNED =
  /\/s\/|electronically signed|digitally signed|\b(?:sincerely|respectfully|regards)\b[\s\S]{0,200}\b(?:MD|M\.D\.|DO|NP|PMHNP(?:-BC)?|PhD|PsyD|APRN|LCSW|LPC|PA-C|MSW)\b/i;

const LETTER =
  /^\s*(?:dear\b|to whom it may concern)|\b(?:sincerely|respectfully|kind regards|best regards)\b/im;

/** The type proposed for a document: from its origin (a letter made here) and its text. */
export function proposeDocumentType(
  text: string | null,
  origin: 'imported' | 'generated',
): DocumentType {
  if (origin === 'generated') return 'generated-letter';
  const body = text ?? '';
  if (!body.trim()) return 'other';
  const head = body.slice(0, 700);
  const scores = new Map<Scored, number>();
  const add = (type: Scored, points: number) => scores.set(type, (scores.get(type) ?? 0) + points);
  for (const [type, pattern] of TITLES) {
    if (pattern.test(head)) add(type, 3);
    else if (pattern.test(body)) add(type, 1);
  }
  for (const [type, pattern] of SIGNALS) if (pattern.test(body)) add(type, 1);
  // A document that announces a denial of its own is a notice (or an EOB that denies a claim);
  // one that only mentions denials ("no denial has been received") is not.
  const denies = announcesDenial(body);
  if (denies) add('denial-notice', 3);
  else scores.delete('denial-notice');
  // A letter the writer sends about a denial ("On October 2 you denied ...; please reverse") is
  // correspondence, not the insurer's notice.
  if (
    denies &&
    /\b(?:I am (?:the|writing)|we ask (?:you|that you)|please reverse|I request)\b/i.test(body)
  )
    add('denial-notice', -4);

  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [best, points] = ranked[0] ?? [null, 0];
  if (best === 'eob' && points >= 3) return 'eob';
  if (best && points >= 3) {
    if (best === 'lmn-signed')
      return DRAFT.test(body) || !SIGNED.test(body) ? 'lmn-draft' : 'lmn-signed';
    return best;
  }
  if (LETTER.test(body)) return 'correspondence';
  if (best && points >= 2) return best === 'lmn-signed' ? 'lmn-draft' : best;
  return 'other';
}
