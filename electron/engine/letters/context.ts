// Turns a case (with the advocate's profile and the recipient) into what templates read: every
// value written out for print, and every missing one a gap named for the checklist.
import type { CaseDetail } from '../../contract/case';
import type { CaseCriteria } from '../../contract/criteria';
import { CRITERION_STATUS_LABELS } from '../../contract/criteria';
import type { Treatment } from '../../contract/case-records';
import { PLAN_TYPE, TREATMENT_KIND } from '../../contract/choices';
import { durationBetween, writtenDate } from '../../contract/partial-date';
import { fullName, referenceName } from '../../contract/person-name';
import type { Contact } from '../../contract/contact';
import type { DocumentType } from '../../contract/document';
import type { Profile } from '../../contract/profile';
import { CLAIM_TYPE, DECISION_LEVEL } from '../../contract/workflow';
import type { Denial } from '../../contract/workflow';
import { LETTER_FIELDS } from './where-to-fill';
import { salutationFor } from './salutation';
import { externalReviewContext, reviewerFor } from './external-review';
import { BLANK, Missing, withoutMarkers } from './gaps';
import { classOf, distinctClasses } from '../records/drug-classes';
import type { Citation } from '../../contract/evidence';
import { evidenceTreatmentOf } from '../evidence/suggest';
import { rebuttalFor } from './rebuttal';
import type { Authorization } from '../../contract/authorization';
import { authorizationContext } from './authorization-context';
import { coverageContext } from '../coverage/letter-context';
import type { SentRequest } from '../coverage/queries';

/**
 * What can be enclosed with a letter is what is on file, by type: the provider's signed letter
 * (never a draft, nor a letter made here), and clinical records (never an intake form or a notice).
 */
export const ENCLOSABLE: readonly DocumentType[] = ['lmn-signed', 'clinical-note'];

/** Everything a letter is made from: kept with each generated letter. */
export interface LetterInput {
  /** The case; of its documents, those a letter can enclose (`ENCLOSABLE`), every one of them. */
  detail: CaseDetail;
  /** The case's denials, newest first: letters answer the newest. */
  denials: Denial[];
  profile: Profile;
  recipient: Contact | null;
  /** The letter's date, YYYY-MM-DD. */
  today: string;
  /** The advocate's own letterhead document, when they use one. */
  letterheadName?: string | null;
  /** The citations picked for the case from the evidence library, in the order letters cite them. */
  citations?: Citation[];
  /** The case's answers to templates' own questions, by question key. */
  answers?: Record<string, string>;
  /** The case against its payer's criteria set (letters made before sets existed have none). */
  criteria?: CaseCriteria | null;
  /** The client's authorizations (letters made before they were kept have none). */
  authorizations?: Authorization[];
  /** The authorization a form is made from, when one was chosen. */
  authorizationId?: number;
  /** The authorization the letter reads as `authorization` (chosen when it is composed). */
  authorization?: Authorization | null;
  /** The case's latest parity request sent, with its response clock (for the escalation). */
  parityRequest?: SentRequest | null;
}

type Value = string | Missing;

/**
 * "2021-03-15" → "March 15, 2021", "2019-03" → "March 2019", "2019" → "2019": as US letters write
 * dates, never more precise than the record.
 */
export function longDate(date: string): string {
  return writtenDate(date);
}

const labelOf = (field: string) =>
  (LETTER_FIELDS[field] ?? LETTER_FIELDS[field.split('.')[0] ?? ''])?.label ??
  field
    .split('.')
    .at(-1)!
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase();

/** The value, or a gap for `field` when there is none. */
const or = (field: string, value: string | null | undefined, label = labelOf(field)): Value =>
  value ? value : new Missing(field, label);
const dateOr = (field: string, value: string | null | undefined, label?: string): Value =>
  or(field, value ? longDate(value) : null, label);

interface Postal {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
}

/** A postal address as the lines an envelope shows: street, second line, "City, ST 12345". */
export function postalLines(who: Postal): string[] {
  const cityLine = [who.city, [who.state, who.postalCode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [who.addressLine1, who.addressLine2, cityLine].filter((l): l is string => !!l);
}

function address(field: string, who: Postal) {
  const lines = postalLines(who);
  return { lines, oneLine: or(field, lines.join(', ')) };
}

/** "SSRI, SNRI and NDRI". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function treatment(t: Treatment, i: number, today: string) {
  const at = (name: string) => `treatments.${i}.${name}`;
  // A treatment still going on has lasted until today; durations only as precise as the dates.
  const span = t.startedOn ? durationBetween(t.startedOn, t.endedOn ?? today) : null;
  const spanText = span?.text ? `${span.text}${t.endedOn ? '' : ' so far'}` : null;
  const weeksAtDose = t.weeksAtTherapeuticDose;
  const therapeutic =
    weeksAtDose !== null
      ? `${weeksAtDose} week${weeksAtDose === 1 ? '' : 's'} at a therapeutic dose`
      : null;
  const duration =
    spanText && therapeutic ? `${spanText} (${therapeutic})` : (spanText ?? therapeutic);
  return {
    name: t.name,
    kind: TREATMENT_KIND.labels[t.kind],
    drugClass:
      t.kind === 'medication' ? or('drugClass', classOf(t), `drug class of ${t.name}`) : BLANK,
    dose: or(at('dose'), t.dose, `dose of ${t.name}`),
    highestDose: or(at('highestDose'), t.maxDose ?? t.dose, `highest dose of ${t.name}`),
    therapeuticWeeks:
      weeksAtDose ??
      new Missing(at('therapeuticWeeks'), `weeks at a therapeutic dose of ${t.name}`),
    started: dateOr(at('started'), t.startedOn, `start date of ${t.name}`),
    ended: t.endedOn
      ? longDate(t.endedOn)
      : t.startedOn
        ? 'ongoing'
        : or(at('ended'), null, `end date of ${t.name}`),
    duration:
      duration ??
      or(
        at('duration'),
        null,
        span ? `how long ${t.name} was taken (its dates give only the year)` : `dates of ${t.name}`,
      ),
    hasDuration: duration !== null,
    weeks: span?.weeks ?? new Missing(at('weeks'), `dates of ${t.name}`),
    outcome: or(at('outcome'), t.outcome, `outcome of ${t.name}`),
    reasonStopped: or(at('reasonStopped'), t.reasonStopped, `why ${t.name} stopped`),
  };
}

const score = (a: { instrument: string; score: number; assessedOn: string }) => ({
  instrument: a.instrument,
  score: String(a.score),
  date: longDate(a.assessedOn),
});

function scoreSeries(assessments: CaseDetail['assessments']) {
  const byInstrument = new Map<string, CaseDetail['assessments']>();
  for (const a of [...assessments].sort((x, y) => x.assessedOn.localeCompare(y.assessedOn))) {
    const key = a.instrument.toUpperCase();
    byInstrument.set(key, [...(byInstrument.get(key) ?? []), a]);
  }
  return [...byInstrument.values()].map((list) => ({
    instrument: list[0]!.instrument,
    first: score(list[0]!),
    latest: score(list.at(-1)!),
    count: list.length,
    series: list.map((a) => `${a.score} (${longDate(a.assessedOn)})`).join(', '),
  }));
}

function salutation(recipient: Contact | null): Value {
  return recipient ? salutationFor(recipient) : new Missing('recipient', 'a recipient');
}

/** Text kept as its paragraphs (blank lines apart), for quoting a notice or a plan word for word. */
export function paragraphsOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** "Popova V, et al." → "Popova et al." for a mention in the text. */
function shortAuthors(authors: string | null, journal: string | null): string {
  if (!authors) return journal ?? 'Unattributed';
  const first = authors.split(/,|;/)[0]?.trim() ?? authors;
  const surname = first.replace(/\s+[A-Z]{1,3}$/, '');
  return /et al|,|;/.test(authors) ? `${surname} et al.` : surname;
}

/** A citation as the References list prints it (AMA style, identifiers only where known). */
function referenceLine(c: Citation): string {
  const parts = [
    c.authors ? `${c.authors.replace(/\.$/, '')}.` : '',
    `${c.title.replace(/\.$/, '')}.`,
    [c.journal, c.year].filter(Boolean).join('. ') + (c.journal || c.year ? '.' : ''),
    c.pmid ? `PMID ${c.pmid}.` : '',
    c.doi ? `doi:${c.doi}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

function citation(c: Citation, i: number) {
  return {
    number: i + 1,
    authors: c.authors ?? BLANK,
    short: `${shortAuthors(c.authors, c.journal)}${c.year ? `, ${c.year}` : ''}`,
    title: c.title,
    journal: c.journal ?? BLANK,
    year: c.year ?? BLANK,
    pmid: c.pmid ?? BLANK,
    doi: c.doi ?? BLANK,
    design: c.design ?? BLANK,
    population: c.population ?? BLANK,
    finding: c.finding,
    supports: c.supports ?? BLANK,
    reference: referenceLine(c),
  };
}

/**
 * The payer's criteria, one by one. A criterion the record meets carries its evidence; one it
 * does not (or cannot yet say) is a gap, so the letter never states it is met and the checklist
 * names it with what to gather.
 */
function criteriaWalk(criteria: CaseCriteria | null | undefined) {
  const set = criteria?.set ?? null;
  const items = (set ? criteria!.results : []).map((r, i) => ({
    number: i + 1,
    key: r.key,
    text: r.text,
    status: r.status,
    statusLabel: CRITERION_STATUS_LABELS[r.status],
    met: r.status === 'met',
    // Short in the letter: the criterion stands just before it; the checklist says what to gather.
    evidence:
      r.status === 'met'
        ? r.evidence.join('; ')
        : new Missing(`criteria.${r.key}`, 'evidence for this criterion'),
    evidenceList: r.status === 'met' ? r.evidence : [],
    gather: r.gather ?? BLANK,
  }));
  const policy = set
    ? `${set.payer}’s ${set.policyName}${set.policyNumber ? ` (${set.policyNumber})` : ''}`
    : BLANK;
  return {
    applies: items.length > 0,
    payer: set?.payer ?? BLANK,
    policyName: set?.policyName ?? BLANK,
    policyNumber: set?.policyNumber ?? BLANK,
    /** "Aetna’s Transcranial Magnetic Stimulation… (CPB 0469)". */
    policy,
    effectiveDate: set?.effectiveDate ? longDate(set.effectiveDate) : BLANK,
    source: set?.sourceUrl ?? BLANK,
    isExample: Boolean(set?.starterKey),
    items,
    met: items.filter((i) => i.met),
    open: items.filter((i) => !i.met),
    metCount: items.filter((i) => i.met).length,
    total: items.length,
    allMet: items.length > 0 && items.every((i) => i.met),
  };
}

/** The values a template reads; missing ones are gaps. */
export function letterContext(raw: LetterInput) {
  // Private-use characters mark gaps and literal punctuation: none may come from people's data.
  const {
    detail,
    denials,
    profile,
    recipient,
    today,
    citations = [],
    criteria,
    authorization = null,
    parityRequest = null,
  } = withoutMarkers(raw);
  const c = detail.case;
  const client = detail.client;
  const treatments = detail.treatments.map((t, i) => treatment(t, i, today));
  const meds = detail.treatments.filter((t) => t.kind === 'medication');
  const classes = distinctClasses(meds);
  const denial = denials[0];
  const diagnosis = detail.diagnoses[0];
  const signedLetters = detail.documents.filter((d) => d.documentType === 'lmn-signed');
  const clinicalRecords = detail.documents.filter((d) => d.documentType === 'clinical-note');
  const recipientAddress = recipient
    ? address('recipient', recipient)
    : { lines: [], oneLine: new Missing('recipient', 'a recipient') };

  const cited = citations.map(citation);
  const rebuttal = rebuttalFor({
    category: denial?.category ?? null,
    treatment: evidenceTreatmentOf(c.requestedTreatment),
    treatmentName: c.requestedTreatment,
    firstName: client.firstName,
    providerName: c.providerName,
    medicationCount: meds.length,
    medicationClasses: listInWords(classes),
    classCount: classes.length,
    citationCount: cited.length,
    planLanguage: denial?.planLanguage ?? null,
    stepTherapyLaw: denial?.stepTherapyLaw ?? null,
    isErisa: c.planType === 'employer-self-funded',
    codes: c.treatmentCodes,
    diagnosis: diagnosis
      ? `${diagnosis.description ?? diagnosis.icd10Code} (${diagnosis.icd10Code})`
      : null,
  });

  const series = scoreSeries(detail.assessments);
  const longest = [...series].sort((a, b) => b.count - a.count)[0];
  const criteriaWalked = criteriaWalk(criteria);
  const coverage = coverageContext({
    detail,
    category: denial?.category ?? null,
    parityRequest,
    today,
    facts: {
      treatment: c.requestedTreatment,
      medicationCount: meds.length,
      medicationClasses: listInWords(classes),
      classCount: classes.length,
      scoreTrend:
        longest && longest.count > 1
          ? `${longest.instrument} ${longest.first.score} (${longest.first.date}) to ${longest.latest.score} (${longest.latest.date})`
          : longest
            ? `${longest.instrument} ${longest.latest.score} (${longest.latest.date})`
            : null,
      therapyCount: detail.treatments.filter((t) => t.kind === 'therapy').length,
      criteriaMet: criteriaWalked.applies
        ? `${criteriaWalked.metCount} of ${criteriaWalked.total}`
        : null,
      regulatoryStatus: rebuttal.regulatoryStatus || null,
      citationCount: cited.length,
    },
  });

  return {
    today: longDate(today),
    advocate: {
      name: or('advocate.name', profile.name),
      organisation: or('advocate.organisation', profile.organisation),
      phone: or('advocate.phone', profile.phone),
      email: or('advocate.email', profile.email),
      address: address('advocate.address', profile),
      signatureBlock: or('advocate.signatureBlock', profile.signatureBlock),
    },
    client: {
      name: fullName(client),
      reference: referenceName(client),
      firstName: client.firstName,
      middleName: client.middleName ?? BLANK,
      lastName: client.lastName,
      suffix: client.suffix ?? BLANK,
      preferredName: client.preferredName || client.firstName,
      title: client.courtesyTitle ?? BLANK,
      dateOfBirth: dateOr('client.dateOfBirth', client.dateOfBirth),
      phone: or('client.phone', client.phone),
      email: or('client.email', client.email),
      address: address('client.address', client),
      state: or('client.state', client.state),
    },
    plan: {
      insurer: or('plan.insurer', c.insurerName),
      name: or('plan.name', c.planName),
      type: or('plan.type', c.planType ? PLAN_TYPE.labels[c.planType] : null),
      memberId: or('plan.memberId', c.memberId),
      groupNumber: or('plan.groupNumber', c.groupNumber),
      isErisa: c.planType === 'employer-self-funded',
      isMedicare: c.planType === 'medicare' || c.planType === 'medicare-advantage',
      isMedicaid: c.planType === 'medicaid',
    },
    provider: {
      name: or('provider.name', c.providerName),
      npi: or('provider.npi', c.providerNpi),
      practice: or('provider.practice', c.providerPractice),
      phone: or('provider.phone', c.providerPhone),
      fax: or('provider.fax', c.providerFax),
    },
    request: {
      treatment: c.requestedTreatment,
      codes: or('request.codes', c.treatmentCodes),
      plan: or('request.plan', c.treatmentPlan),
    },
    clinical: {
      functionalImpact: or('clinical.functionalImpact', c.functionalImpact),
      prognosis: or('clinical.prognosis', c.prognosis),
    },
    diagnoses: detail.diagnoses.map((d) => ({
      code: d.icd10Code,
      description: or('diagnoses.description', d.description, `description of ${d.icd10Code}`),
      date: d.diagnosedOn ? longDate(d.diagnosedOn) : BLANK,
    })),
    primaryDiagnosis: {
      code: or('primaryDiagnosis', diagnosis?.icd10Code),
      description: diagnosis
        ? or(
            'diagnoses.description',
            diagnosis.description,
            `description of ${diagnosis.icd10Code}`,
          )
        : new Missing('primaryDiagnosis', 'a diagnosis'),
    },
    treatments,
    medications: treatments.filter((_, i) => detail.treatments[i]!.kind === 'medication'),
    therapies: treatments.filter((_, i) => detail.treatments[i]!.kind === 'therapy'),
    procedures: treatments.filter((_, i) => detail.treatments[i]!.kind === 'procedure'),
    medicationClasses: or('medications', listInWords(classes), 'classes of medication tried'),
    medicationClassCount: classes.length,
    medicationCount: meds.length,
    assessments: detail.assessments.map(score),
    scores: series,
    hasDenial: denial !== undefined,
    /** Which internal appeal this is: the second once an internal appeal was already denied. */
    appealLevel: denial?.level === 'internal-appeal' ? 'second' : 'first',
    denial: {
      date: dateOr('denial', denial?.deniedOn, 'denial date'),
      referenceNumber: or('denial', denial?.referenceNumber, 'denial reference number'),
      claimNumber: or('denial', denial?.claimNumber, 'claim number'),
      service: or('denial', denial?.service, 'service denied'),
      reason: or('denial', denial?.reason, 'denial reason'),
      claimType: or(
        'denial',
        denial?.claimType ? CLAIM_TYPE.labels[denial.claimType] : null,
        'kind of claim denied',
      ),
      /** The decision the notice announces, e.g. "Final internal appeal denied". */
      decision: or('denial', denial ? DECISION_LEVEL.labels[denial.level] : null, 'denial'),
      /** When the notice arrived: blank when not recorded. */
      received: denial?.receivedOn ? longDate(denial.receivedOn) : BLANK,
      /** The reason a paragraph each, so a long notice is quoted as it was written. */
      reasonParagraphs: denial
        ? paragraphsOf(denial.reason)
        : [new Missing('denial', 'denial reason')],
      category: rebuttal.category || BLANK,
      /** The plan's own words the advocate recorded (its definition of experimental…). */
      planLanguage: denial?.planLanguage ? paragraphsOf(denial.planLanguage) : [],
      stepTherapyLaw: denial?.stepTherapyLaw ?? BLANK,
    },
    externalReview: externalReviewContext(denial, c.planType, client.state),
    /** The specialist who should review the case, from its first diagnosis. */
    reviewer: reviewerFor(detail.diagnoses),
    /** The argument the denial's kind calls for (see rebuttal.ts); empty words are blanks. */
    rebuttal: Object.fromEntries(
      Object.entries(rebuttal).map(([k, v]) => [k, v === '' ? BLANK : v]),
    ) as { [K in keyof typeof rebuttal]: (typeof rebuttal)[K] | typeof BLANK },
    /** The citations picked for the case, numbered as the References list numbers them. */
    citations: cited,
    enclosed: {
      hasProviderLetter: signedLetters.length > 0,
      providerLetter: or(
        'enclosed.providerLetter',
        signedLetters.length
          ? `Letter of medical necessity from ${c.providerName ?? 'the treating provider'}`
          : null,
        'the provider’s signed letter of medical necessity (import it, typed as signed)',
      ),
      hasRecords: clinicalRecords.length > 0,
      records: or(
        'enclosed.records',
        clinicalRecords.length
          ? `Clinical records (${clinicalRecords.length} document${clinicalRecords.length === 1 ? '' : 's'})`
          : null,
        'clinical records (import the notes, typed as clinical notes)',
      ),
    },
    criteria: criteriaWalked,
    ...coverage,
    /** The authorization a form writes out (see authorization-context.ts). */
    authorization: authorizationContext(
      authorization,
      detail,
      profile,
      postalLines(profile).join(', '),
    ),
    recipient: {
      name: or('recipient', recipient?.name, 'a recipient'),
      title: recipient?.title ?? BLANK,
      organisation: recipient?.organisation ?? BLANK,
      address: recipientAddress,
      salutation: salutation(recipient),
    },
  };
}

export type BuiltContext = ReturnType<typeof letterContext>;
