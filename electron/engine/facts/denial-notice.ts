// A denial notice read as ONE denial: the notice date, when it arrived, reference and claim
// numbers, the service, the reason quoted whole, which decision it is, the kind of claim, what
// the notice says about the plan ("governed by ERISA"), the appeal deadline it states, and where
// appeals go. A document that only mentions denials ("no denial has been received", "if your
// claim is denied") proposes none.
import { proposeDenialCategory } from '../../contract/denial-category';
import type { Proposal } from '../../contract/facts';
import { eobDenial } from './eob-codes';
import type { PlanType } from '../../contract/case';
import type { ClaimType, DecisionLevel } from '../../contract/workflow';
import { addDays } from '../deadlines/plain-date';
import { findDates } from './dates';

/** Words that say a request, claim or appeal was refused. */
const DENIAL_WORDS =
  /\b(?:denied|denying|deny|denial|adverse (?:benefit )?determination|not (?:been )?approved|cannot approve|can ?not approve|unable to approve|upheld (?:our|the) (?:original |initial )?(?:decision|denial)|not a covered benefit|is not covered)\b/i;
/** A sentence that says there is no denial, or not yet. */
const NEGATED =
  /\b(?:no|not|never|neither|nor|without|has ?n[o']t|have ?n[o']t|is ?n[o']t|was ?n[o']t|yet to)\b[^.;:!?]{0,40}\b(?:denial|denied|adverse)\b|\b(?:denial|denied)\b[^.;:!?]{0,30}\b(?:has not|have not|not yet|never)\b/i;
/** A sentence about what happens if a denial comes (plan documents, appeal-rights boilerplate). */
const HYPOTHETICAL =
  /\b(?:if|when|whenever|should|in case|in the event)\b[^.;:!?]{0,60}\b(?:is|are|was|were|be|gets?) (?:denied|not approved)\b|\bif (?:we|they|your plan) (?:deny|denies)\b|\bright to appeal (?:a|any) denial\b/i;
/** A sentence that announces this notice's decision, as opposed to mentioning denials in general. */
const DECISION =
  /\b(?:(?:is|are|was|were|has been|have been|had been)\s+(?:denied|not approved)|\bwe (?:have )?(?:denied|deny|are denying|cannot approve|can ?not approve|are unable to approve|upheld)|\byou (?:have )?denied\b|\bdetermination\W+denied|\bdenied\b\s*$|^\s*(?:determination|decision|status|outcome)\b[^\n]*\bdenied\b|notice of (?:adverse benefit determination|denial|action)|adverse (?:benefit )?determination|integrated denial notice|upheld (?:our|the) (?:original |initial )?(?:decision|denial))/im;

interface Sentence {
  text: string;
  index: number;
}

/** Sentences and lines (a table row, a heading) of `text`, each with where it starts. */
function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const m of text.matchAll(/[^\n.!?]+(?:[.!?]+(?=\s|$)|(?=\n)|$)/g)) {
    if (m[0].trim()) out.push({ text: m[0], index: m.index });
  }
  return out;
}

/** The first sentence that announces a denial (not negated, not hypothetical), or null. */
export function denialStatement(text: string): Sentence | null {
  for (const s of sentences(text)) {
    if (!DENIAL_WORDS.test(s.text) && !DECISION.test(s.text)) continue;
    if (NEGATED.test(s.text) || HYPOTHETICAL.test(s.text)) continue;
    if (DECISION.test(s.text)) return s;
  }
  return null;
}

/** Whether the text announces a denial of its own (a notice, an EOB line, an appeal decision). */
export function announcesDenial(text: string): boolean {
  return denialStatement(text) !== null;
}

const LABEL_LINE = /^\s*[A-Z][A-Za-z/' ]{1,40}:\s*\S/;

/** A line that reads as a heading: short, and without a sentence's final stop. */
const isHeading = (line: string) => {
  const t = line.trim();
  return t.length > 0 && t.length < 70 && !/[.:;,]$/.test(t) && !/\d{5}/.test(t);
};

/** The text after `label` (same line), continued over the lines that carry on its paragraph. */
function labelled(
  text: string,
  label: RegExp,
  maxLines = 6,
): { value: string; index: number } | null {
  const m = label.exec(text);
  if (!m) return null;
  const lineEnd = text.indexOf('\n', m.index + m[0].length);
  const first = text.slice(m.index + m[0].length, lineEnd < 0 ? undefined : lineEnd).trim();
  const parts = first ? [first] : [];
  let at = lineEnd;
  // A label alone on its line ("Why did we deny your request?") heads the paragraph below it.
  while (at >= 0 && parts.length < maxLines) {
    const next = text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, next < 0 ? undefined : next);
    if (!line.trim()) {
      if (parts.length) break;
      at = next;
      continue;
    }
    if (parts.length && (LABEL_LINE.test(line) || isHeading(line))) break;
    if (!parts.length && LABEL_LINE.test(line) && !/^\s*\S+ \S+ \S+ \S+/.test(line)) break;
    parts.push(line.trim());
    // A paragraph that ends its sentence ends the quote unless the next line carries on in lower case.
    if (/[.!?]["”)]?$/.test(line.trim())) {
      const after = text.slice(next + 1, text.indexOf('\n', next + 1) >>> 0 || undefined);
      if (next < 0 || !/^\s*[a-z(]/.test(after)) break;
    }
    at = next;
  }
  const value = parts.join(' ').replace(/\s+/g, ' ').trim();
  return value ? { value, index: m.index } : null;
}

const precise = (text: string) => findDates(text).find((d) => d.precise)?.date ?? null;

/** The date printed on the notice: a labelled date, else the first full date near the top. */
function noticeDate(text: string, statement: Sentence | null): string | null {
  const label =
    /\b(?:date of (?:this )?(?:notice|letter|decision|determination|statement)|(?:notice|letter|decision|determination|statement|mail(?:ing)?) date|date mailed|date)\s*[:#\t]\s*([^\n]{6,40})/i;
  for (const m of text.matchAll(new RegExp(label.source, 'gi'))) {
    // Not a date of birth or of service.
    const before = text.slice(Math.max(0, m.index - 12), m.index + m[0].length);
    if (/birth|service|visit|received|effective|admission/i.test(before)) continue;
    const date = precise(m[1]!);
    if (date) return date;
  }
  // A letter written about a denial says when it was made ("On October 2, 2026 you denied ...").
  if (statement) {
    const inIt = precise(statement.text);
    if (inIt && /\b(?:on|dated)\b/i.test(statement.text)) return inIt;
  }
  for (const line of text.slice(0, 1200).split('\n')) {
    if (/birth|DOB|service|visit|received|period|effective|through/i.test(line)) continue;
    const date = precise(line);
    if (date) return date;
  }
  return null;
}

/** A "received" stamp or label: when the notice arrived. */
function receivedDate(text: string): string | null {
  const m = /\b(?:received|date received|rec'?d)\b\s*(?:on|date)?\s*[:\t]?\s*([^\n]{6,30})/i.exec(
    text,
  );
  return m ? precise(m[1]!) : null;
}

/** The service the notice is about. */
function serviceOf(text: string, statement: Sentence | null): string | null {
  const label = labelled(
    text,
    /^[\s•*-]*(?:services?(?: or items?)? (?:requested|denied)|requested (?:service|treatment|item|drug)|(?:item|drug|treatment|procedure|medication)s? (?:requested|denied)|service(?:\(s\))?|treatment|procedure|drug|medication|item)\s*[:\t]\s*/im,
    2,
  );
  if (label) return clip(label.value);
  const fromTable = tableCell(
    text,
    /^(?:services?|service description|description|procedure|item|drug|treatment)$/i,
  );
  if (fromTable) return clip(fromTable);
  const asked = [
    ...text.matchAll(
      /\b(?:asked us to (?:cover|approve|pay for)|request(?:ed)?(?: from [^\n]{0,80}?)? for|request for(?: prior authorization of)?|prior authorization (?:request )?(?:of|for)|appeal of (?:the|our) denial of|(?:the|our) denial of(?: coverage for)?|denial of coverage for|denied (?:coverage (?:of|for)|your request for))\s+([^\n]{3,200})/gi,
    ),
  ].find((m) => m[1] !== m[1]!.toUpperCase()); // not a heading in capitals
  if (asked) {
    const cut = asked[1]!
      .split(
        /\s+for (?:the )?(?:diagnosis|treatment of|your|you)\b|,?\s+for (?:treatment-resistant|major|depress|PTSD|post-traumatic)|\.\s|\.$|\s(?:has|have|was|were|is) (?:been )?(?:denied|not)|;/i,
      )[0]!
      .replace(/^(?:prior authorization (?:of|for)|coverage (?:of|for))\s+/i, '')
      .trim();
    if (cut.length >= 3) return clip(cut);
  }
  // "We denied the medical services/items listed below ...:" followed by the item.
  const listed = /listed below[^\n]*:\s*\n\s*([^\n]{3,200})/i.exec(text);
  if (listed) return clip(listed[1]!.trim());
  void statement;
  return null;
}

/** The cell under a table header that names the column (`header`), in the row below it. */
function tableCell(text: string, header: RegExp): string | null {
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    const cells = line.split('\t').map((c) => c.trim());
    if (cells.length < 3) continue;
    const at = cells.findIndex((c) => header.test(c));
    const below = lines[i + 1]?.split('\t').map((c) => c.trim());
    if (at >= 0 && below && below.length === cells.length && below[at]) return below[at]!;
  }
  return null;
}

const clip = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/[.,;:\s]+$/, '')
    .slice(0, 300);

/** The insurer's reason, whole: a labelled passage, else the paragraph that gives it. */
function reasonOf(text: string): { value: string; index: number; end: number } | null {
  const label = labelled(
    text,
    /^[\s•*-]*(?:(?:our|the|main) )?(?:reasons?(?: for (?:the |our |this )?(?:denial|decision|determination))?|basis for (?:the |our )?(?:decision|determination)|(?:decision |clinical )?rationale|why (?:did )?we (?:denied|deny)[^\n:?]*\??|explanation|remark codes?)\s*(?:[:\t?]\s*|$)/im,
  );
  if (label && label.value.length > 10) {
    const end = text.indexOf(label.value.slice(-20), label.index);
    return { ...label, end: end < 0 ? label.index + label.value.length : end + 20 };
  }
  const because =
    /[^\n]*\b(?:not medically necessary|not (?:deemed )?(?:a )?["“]?medical(?:ly)? necess|experimental|investigational|does not meet|do not meet|criteria (?:were|are|was) not met|is not met|not a covered benefit|is not covered|excluded|because)\b[^\n]*/i.exec(
      text,
    );
  if (!because) return afterDecision(text);
  return {
    value: because[0].replace(/\s+/g, ' ').trim(),
    index: because.index,
    end: because.index + because[0].length,
  };
}

/** The sentences that follow the decision in its paragraph, when they explain it. */
function afterDecision(text: string): { value: string; index: number; end: number } | null {
  // The notice's own words, else an EOB's refusing adjustment codes, which announce a denial
  // without any sentence saying so.
  const eob = eobDenial(text);
  const statement =
    denialStatement(text) ??
    (eob ? { text: text.slice(eob.start, eob.end), index: eob.start } : null);
  if (!statement) return null;
  const from = statement.index + statement.text.length;
  const paragraphEnd = text.indexOf('\n', from);
  const rest = text.slice(from, paragraphEnd < 0 ? undefined : paragraphEnd).trim();
  if (rest.length < 15 || !/\b(?:because|found|reason|not|no|lack|without|missing)\b/i.test(rest))
    return null;
  const index = text.indexOf(rest, from);
  return { value: rest.replace(/\s+/g, ' '), index, end: index + rest.length };
}

function levelOf(text: string): DecisionLevel {
  if (/\bappeals council\b/i.test(text) && /\b(?:decision|unfavou?rable|denied)\b/i.test(text))
    return 'medicare-council';
  if (/\b(?:administrative law judge|ALJ)\b[^\n]{0,80}\b(?:decision|unfavou?rable)/i.test(text))
    return 'medicare-alj';
  if (
    /\breconsideration\b/i.test(text) &&
    /\b(?:qualified independent contractor|QIC|independent review entity|IRE|maximus)\b/i.test(text)
  )
    return 'medicare-reconsideration';
  if (/\bredetermination\b[^\n]{0,120}\b(?:unfavou?rable|denied|upheld)/i.test(text))
    return 'medicare-redetermination';
  if (
    /\bexternal review\b[^\n]{0,200}\b(?:upheld|uphold|affirm)/i.test(text) &&
    /\b(?:independent review organi[sz]ation|IRO)\b[^\n]{0,120}\b(?:upheld|uphold|affirm|decided)/i.test(
      text,
    )
  )
    return 'external-review';
  const appealDecision =
    /\b(?:(?:your|the) (?:(?:first|second|1st|2nd)[- ]level |level (?:one|two|1|2|I|II) )?appeal (?:has been|was|is) (?:denied|upheld)|(?:we|the plan) (?:have |has )?upheld (?:our|the|its) (?:original |initial )?(?:decision|denial)|review of your (?:(?:first|second|level \w+) )?(?:level )?(?:\w+ )?appeal|appeal decision)\b/i.test(
      text,
    );
  if (!appealDecision) return 'initial';
  if (
    /\bfinal (?:internal )?(?:adverse )?(?:decision|determination)|exhausted (?:all |the )?(?:plan'?s )?internal|no further internal|(?:second|2nd)[- ]level appeal|level (?:two|2|II) appeal/i.test(
      text,
    ) &&
    !/\b(?:may|can) (?:request|ask for|file) a (?:second|2nd)[- ]level/i.test(text)
  )
    return 'final-internal';
  return 'internal-appeal';
}

function claimTypeOf(text: string): ClaimType {
  if (
    /\b(?:we (?:have )?(?:reviewed|received) your (?:expedited|urgent)|this (?:was|is) an? (?:expedited|urgent) (?:request|review|claim|appeal)|your (?:expedited|urgent) (?:request|claim|appeal))\b/i.test(
      text,
    )
  )
    return 'urgent';
  // A statement about care already given (an EOB, a billed claim) is post-service whatever it
  // says about authorization.
  if (
    /\b(?:explanation of benefits|this is not a bill|date(?:s)? of service|post-service|claim (?:was|has been|is) denied|your claim was denied|amount billed|billed)\b/i.test(
      text,
    )
  )
    return 'post-service';
  if (
    /\b(?:prior (?:authori[sz]ation|approval)|pre-?certification|pre-?service|precert|before (?:you|the member) (?:receive|get))\b/i.test(
      text,
    )
  )
    return 'pre-service';
  return 'pre-service';
}

/** What the notice says about the kind of plan, with its words; null when it says nothing clear. */
export function planTypeHint(text: string): { planType: PlanType; quote: string } | null {
  const find = (pattern: RegExp) => {
    for (const s of sentences(text)) if (pattern.test(s.text)) return s.text.trim();
    return null;
  };
  const rules: [PlanType, RegExp][] = [
    // CMS-10003, the "Notice of Denial of Medical Coverage (or Payment)", is Medicare Advantage's.
    [
      'medicare-advantage',
      /\bmedicare advantage\b|\bMA-?PD\b|notice of denial of medical coverage|integrated denial notice/i,
    ],
    ['medicaid', /\bmedicaid\b|\bmedi-cal\b|\bCHIP\b|department of medicaid/i],
    [
      'medicare',
      /\boriginal medicare\b|\bmedicare (?:part [ab]|administrative contractor|summary notice)\b/i,
    ],
    [
      'employer-self-funded',
      /\bself[- ](?:funded|insured)\b|\bgoverned by (?:the )?(?:Employee Retirement Income Security Act|ERISA)\b|\bERISA\b/i,
    ],
    ['fully-insured', /\bfully[- ]insured\b/i],
    [
      'aca-marketplace',
      /\b(?:health insurance )?marketplace plan\b|\bhealthcare\.gov\b|\bcovered california\b/i,
    ],
  ];
  // A plan that says it is fully insured is not self-funded, whatever ERISA words it also uses.
  const fully = find(/\bfully[- ]insured\b/i);
  if (fully) return { planType: 'fully-insured', quote: fully };
  for (const [planType, pattern] of rules) {
    const quote = find(pattern);
    if (quote) return { planType, quote: quote.slice(0, 300) };
  }
  return null;
}

const NUMBER_WORDS: Record<string, number> = { thirty: 30, sixty: 60, ninety: 90 };

/** The appeal deadline the notice states: a date, or a number of days from the notice or its receipt. */
function statedDeadline(
  text: string,
  deniedOn: string | null,
  receivedOn: string | null,
): { on: string | null; days: number | null } {
  const all = sentences(text);
  for (const [i, s] of all.entries()) {
    // "You have the right to a state hearing. Your request must be received within 90 days ..."
    const about = `${all[i - 1]?.text ?? ''} ${s.text}`;
    if (!/\b(?:appeal|reconsider|hearing|review|grievance)/i.test(about)) continue;
    const by =
      /\b(?:by|no later than|before|on or before)\s+([A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})/.exec(
        s.text,
      );
    const on = by ? precise(by[1]!) : null;
    if (on) return { on, days: null };
    const within =
      /\b(\d{1,3}|thirty|sixty|ninety)\s*(?:\(\d+\)\s*)?(?:calendar\s+)?days?\b[^.]{0,80}?\b(?:of|from|after)\b([^.]{0,80})/i.exec(
        s.text,
      );
    if (!within) continue;
    const days = Number(within[1]) || NUMBER_WORDS[within[1]!.toLowerCase()] || null;
    if (!days) continue;
    const anchor = within[2]!;
    const start = /\breceiv|\breceipt\b/i.test(anchor)
      ? receivedOn
      : /\b(?:notice|letter|statement|decision|determination|mailed|issued|dated?|this)\b/i.test(
            anchor,
          )
        ? deniedOn
        : null;
    return { on: start ? addDays(start, days) : null, days };
  }
  return { on: null, days: null };
}

const PHONE = String.raw`(?:1[-. ])?\(?\d{3}\)?[-. ]*\d{3}[-. ]\d{4}`;

/** Where the notice says appeals go: a postal address ending in a ZIP code. */
function appealAddressOf(text: string): string | null {
  const lead =
    /\b(?:(?:send|mail|write|fax|submit)\b[^.\n]{0,80}?\bto|appeals? (?:should be |must be )?(?:sent|mailed|addressed) to|appeals? address|mail to)\s*:?\s*/gi;
  for (const m of text.matchAll(lead)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 400);
    const zip = /\b[A-Z][a-z]+(?: [A-Z][a-z]+)*,? (?:[A-Z]{2}|[A-Z][a-z]+) \d{5}(?:-\d{4})?\b/.exec(
      after,
    );
    if (!zip) continue;
    const block = after.slice(0, zip.index + zip[0].length);
    // Lines of a block become the parts of one line; a sentence that runs on is not an address.
    const lines = block
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length > 6 || block.length > 300) continue;
    const address = lines.join(', ').replace(/,\s*,/g, ',').replace(/\s+/g, ' ');
    if (/\d/.test(address)) return address.replace(/^[,:\s]+/, '');
  }
  return null;
}

/** The insurer's appeals fax: one named with appeals, or in the appeal-rights part of the notice. */
function appealFaxOf(text: string): string | null {
  const rights = text.search(
    /\b(?:right to appeal|how to appeal|to appeal|appeal rights|hearing rights|ask for an appeal|request an appeal|standard appeal)\b/i,
  );
  const fax = new RegExp(String.raw`\b(?:fax|facsimile)\b[^0-9(\n]{0,40}(${PHONE})`, 'gi');
  for (const m of text.matchAll(fax)) {
    const line = text.slice(text.lastIndexOf('\n', m.index) + 1, text.indexOf('\n', m.index) >>> 0);
    if (/\bappeal|grievance|hearing/i.test(line) || (rights >= 0 && m.index > rights)) {
      return m[1]!;
    }
  }
  return null;
}

/** A reference written in prose ("RE: Appeal decision, reference APL-2026-5521"). */
function referenceIn(text: string): string | null {
  const m =
    /\b(?:reference|ref\.?|case|appeal|tracking|file)\s*(?:id|#|no\.?|number)?\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{2,}\d[A-Z0-9-]*)\b/i.exec(
      text,
    );
  return m && /\d/.test(m[1]!) && /[A-Z-]/i.test(m[1]!) ? m[1]! : null;
}

/** The one denial a notice proposes, built from its text and the facts already found in it. */
export function readDenialNotice(text: string, found: readonly Proposal[]): Proposal | null {
  // The notice's own words, else an EOB's refusing adjustment codes, which announce a denial
  // without any sentence saying so.
  const eob = eobDenial(text);
  const statement =
    denialStatement(text) ??
    (eob ? { text: text.slice(eob.start, eob.end), index: eob.start } : null);
  if (!statement) return null;
  const earlier = (field: string) =>
    found.find((p) => p.kind === 'denial' && p.values[field] != null)?.values[field] ?? null;
  const identifier = (field: string) =>
    found.find((p) => p.kind === 'identifier' && p.values.field === field)?.values.value ?? null;
  const request = found.find((p) => p.kind === 'request')?.values.requestedTreatment ?? null;

  const deniedOn = noticeDate(text, statement) ?? (earlier('deniedOn') as string | null);
  const received = receivedDate(text);
  const receivedOn = received && deniedOn && received >= deniedOn ? received : null;
  const reason = reasonOf(text);
  const deadline = statedDeadline(text, deniedOn, receivedOn);
  const hint = planTypeHint(text);
  const values: Proposal['values'] = {
    deniedOn,
    receivedOn,
    referenceNumber: identifier('referenceNumber') ?? referenceIn(text),
    claimNumber: identifier('claimNumber'),
    service: serviceOf(text, statement) ?? (request as string | null),
    reason: reason?.value ?? (earlier('reason') as string | null),
    level: levelOf(text),
    claimType: claimTypeOf(text),
    letterDeadlineOn: deadline.on ?? (earlier('appealDeadline') as string | null),
    appealWithinDays: deadline.days ?? (earlier('appealWithinDays') as number | null),
    appealAddress: appealAddressOf(text),
    appealFax: appealFaxOf(text),
    // The kind of denial its reason reads as (the notice's whole text when no reason is found).
    category: proposeDenialCategory(reason?.value ?? text),
    planType: hint?.planType ?? null,
    planTypeQuote: hint?.quote ?? null,
  };
  const start = reason?.index ?? statement.index;
  const end = reason?.end ?? statement.index + statement.text.length;
  return { kind: 'denial', values, start, end };
}

/**
 * Folds what the finders proposed about a denial into one denial proposal (its reference and
 * claim numbers go with it, not to the log); a text that announces no denial proposes none.
 */
export function foldDenial(text: string, out: Proposal[]): void {
  const denial = readDenialNotice(text, out);
  const keep = out.filter(
    (p) =>
      p.kind !== 'denial' &&
      !(
        denial &&
        p.kind === 'identifier' &&
        ((p.values.field === 'referenceNumber' &&
          p.values.value === denial.values.referenceNumber) ||
          (p.values.field === 'claimNumber' && p.values.value === denial.values.claimNumber))
      ),
  );
  out.splice(0, out.length, ...keep, ...(denial ? [denial] : []));
}
