// An explanation of benefits says "denied" in codes: a group code and a Claim Adjustment Reason
// Code (CARC) on a claim line ("CO-50", "PR 204"), often with Remittance Advice Remark Codes
// (RARC: N-, M- and MA- codes). The CARCs below refuse the service (unlike CO-45, a contractual
// discount, or PR-1, the deductible), so an EOB that carries one reports a denial even when it
// never uses the word. Meanings summarized from the X12 CARC list (x12.org/codes); the EOB's
// own explanation of a code, when it prints one, is quoted instead.
import { findDates } from './dates';
import { fieldsOfKind } from './fields';
import { escapeRegExp, linesOf } from './text';

const REFUSING_CARCS: Record<string, string> = {
  '4': 'The procedure code is inconsistent with the modifier used, or a required modifier is missing.',
  '5': 'The procedure code or bill type is inconsistent with the place of service.',
  '11': 'The diagnosis is inconsistent with the procedure.',
  '15': 'The authorization number is missing, invalid, or does not apply to the service billed.',
  '16': 'The claim lacks information or has errors needed to decide it.',
  '27': 'The expenses were incurred after coverage ended.',
  '29': 'The time limit for filing has expired.',
  '31': 'The patient cannot be identified as the payer’s insured.',
  '38': 'The services were not provided or authorized by designated (network) providers.',
  '39': 'The services were denied when authorization or precertification was requested.',
  '50': 'Non-covered services: not deemed a medical necessity by the payer.',
  '55': 'The procedure, treatment or drug is deemed experimental or investigational by the payer.',
  '56': 'The procedure or treatment has not been deemed proven to be effective by the payer.',
  '58': 'The treatment was deemed rendered in an inappropriate or invalid place of service.',
  '96': 'Non-covered charges.',
  '109': 'The claim or service is not covered by this payer or contractor.',
  '119': 'The benefit maximum for this time period or occurrence has been reached.',
  '150': 'The information submitted does not support this level of service.',
  '151': 'The information submitted does not support this many or this frequency of services.',
  '167': 'The diagnosis is not covered.',
  '170': 'Payment is denied when the service is performed or billed by this type of provider.',
  '197': 'Precertification, notification or authorization was absent.',
  '198': 'Precertification, notification or authorization was exceeded.',
  '204': 'The service, equipment or drug is not covered under the patient’s current benefit plan.',
  '242': 'The services were not provided by network or primary care providers.',
  '252': 'An attachment or other documentation is required to decide the claim.',
};

const ADJUSTMENT = /\b(CO|PR|OA|PI|CR)\s?-?\s?(\d{1,3})\b/g;
const REMARK = /\b(MA\d{2,3}|N\d{1,3}|M\d{1,3})\b/g;

export interface EobDenial {
  /** The date of the statement, or null when it shows none. */
  noticeDate: string | null;
  /** Each refusing code with what it means, in the EOB's words where it explains it. */
  reason: string;
  start: number;
  end: number;
}

/** The document's own explanation of a code: a line that starts with it. */
function explained(text: string, code: string): string | null {
  const pattern = new RegExp(
    `^\\s*${escapeRegExp(code).replace('-', '\\s?-?\\s?')}\\b\\s*[:=\\t–-]?\\s*(.{6,300})$`,
    'im',
  );
  return pattern.exec(text)?.[1]?.trim() ?? null;
}

/** The refusals an EOB reports in codes, or null when it reports none. */
export function eobDenial(text: string): EobDenial | null {
  const codes = new Map<string, number>();
  const remarks = new Set<string>();
  for (const line of linesOf(text)) {
    const refusing = [...line.text.matchAll(ADJUSTMENT)].filter((m) => REFUSING_CARCS[m[2]!]);
    for (const m of refusing) {
      const code = `${m[1]}-${m[2]}`;
      if (!codes.has(code)) codes.set(code, line.start + m.index);
    }
    // Remarks on a line with a refusal explain it; a line that only explains a code is not one.
    if (refusing.length && !explained(line.text, `${refusing[0]![1]}-${refusing[0]![2]}`)) {
      for (const r of line.text.matchAll(REMARK)) remarks.add(r[1]!);
    }
  }
  if (!codes.size) return null;
  const reasons = [...codes.keys()].map(
    (code) => `${code}: ${explained(text, code) ?? REFUSING_CARCS[code.split('-')[1]!]}`,
  );
  for (const remark of remarks) {
    const own = explained(text, remark);
    if (own) reasons.push(`${remark}: ${own}`);
  }
  const dated = fieldsOfKind(text, 'noticeDate')
    .map((f) => findDates(f.value)[0])
    .find((d) => d?.precise);
  const first = findDates(text.slice(0, 600)).find((d) => d.precise);
  const at = Math.min(...codes.values());
  return {
    noticeDate: (dated ?? first)?.date ?? null,
    reason: reasons.join(' '),
    start: at,
    end: at + [...codes.keys()][0]!.length,
  };
}
