// The words forms, letters, faxes and EOBs use to label a value, and the fact each label names.
// A label can name more than one ("Member" heads a name or a member number): the value decides.

export type FieldKind =
  | 'name'
  | 'dateOfBirth'
  | 'memberId'
  | 'groupNumber'
  | 'referenceNumber'
  | 'claimNumber'
  | 'insurerName'
  | 'request'
  | 'visitDate'
  | 'noticeDate'
  | 'code';

const NUMBER = String.raw`(?:\s*(?:id|#|no\.?|num(?:ber)?\.?|identification(?: number)?))`;
const PERSON = String.raw`(?:patient|client|member|subscriber|insured|enrollee|beneficiary|recipient|policyholder|pt)`;

const LABELS: [FieldKind, RegExp][] = [
  [
    'name',
    new RegExp(String.raw`^(?:${PERSON}(?:'s)?(?: full)?(?: name)?|(?:full )?name|re|to)$`, 'i'),
  ],
  ['dateOfBirth', /^(?:date of birth|d\.?o\.?b\.?|birth ?date|born)$/i],
  [
    'memberId',
    new RegExp(
      String.raw`^(?:(?:${PERSON}|policy|medicaid|medicare|card)${NUMBER}(?:\s*#)?|(?:member|subscriber|recipient|enrollee|beneficiary)|id(?:\s*#)?)$`,
      'i',
    ),
  ],
  [
    'groupNumber',
    new RegExp(String.raw`^(?:rx\s+|plan\s+)?(?:group|grp)${NUMBER}?(?:\s*#)?$`, 'i'),
  ],
  [
    'referenceNumber',
    new RegExp(
      String.raw`^(?:reference|ref\.?|(?:prior\s+)?authori[sz]ation|auth\.?|pa|case|tracking|review|determination|request|appeal|confirmation)${NUMBER}(?:\s*#)?$`,
      'i',
    ),
  ],
  ['claimNumber', new RegExp(String.raw`^claim${NUMBER}?(?:\s*#)?$`, 'i')],
  [
    'insurerName',
    /^(?:insurer|insurance(?: company| carrier| plan| provider)?|health (?:plan|insurer)|(?:insurance )?carrier|payer|payor|plan name|primary insurance|coverage)$/i,
  ],
  [
    'request',
    /^(?:(?:requested|proposed)(?: treatment| service| drug| medication| procedure| item)?|(?:services?|treatments?|drugs?|medications?|procedures?|items?) (?:requested|denied|under review)|services?)$/i,
  ],
  [
    'visitDate',
    /^(?:date of (?:visit|service|review|evaluation|exam|encounter|assessment)|(?:visit|encounter|review|exam|evaluation|assessment)(?: date)?|seen|dos)$/i,
  ],
  [
    'noticeDate',
    /^(?:date(?: of (?:notice|letter|this notice|this letter|decision|determination|statement))?|(?:notice|letter|statement|decision|determination|issue|print) date|date (?:issued|printed|processed)|processed)$/i,
  ],
  [
    'code',
    /^(?:(?:procedure|service|billing|cpt|hcpcs|cpt\/hcpcs)\s*codes?|codes?|cpt|hcpcs|cpt\/hcpcs|proc(?:edure)?)$/i,
  ],
];

/** What a label names: none when it is no label we know. */
export function kindsOf(label: string): FieldKind[] {
  const clean = label
    .replace(/\s+/g, ' ')
    .replace(/^[\s•*·-]+|[\s:]+$/g, '')
    .trim();
  if (!clean || clean.length > 40) return [];
  return LABELS.filter(([, pattern]) => pattern.test(clean)).map(([kind]) => kind);
}
