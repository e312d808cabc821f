// Each proposed fact against what the case already holds: new, already recorded, or recorded
// with other values (with the fields that differ). Diagnoses match by code, treatments by drug
// (brand or generic) and overlapping dates, scores by instrument and date, identifiers and case
// fields by field, a denial by its notice, reference or date.
import { dateRange, isPartialDate } from '../../contract/partial-date';
import { fullName, splitPersonName } from '../../contract/person-name';
import type { Case } from '../../contract/case';
import type { Assessment, Diagnosis, Treatment } from '../../contract/case-records';
import type { Client } from '../../contract/client';
import type { FactChange, FactStatus, FactTarget, Proposal } from '../../contract/facts';
import { fieldLabel } from '../../contract/labels';
import { PLAN_TYPE } from '../../contract/choices';
import type { Communication } from '../../contract/case-records';
import type { Denial } from '../../contract/workflow';
import { longDate } from '../deadlines/plain-date';
import { vocabulary } from './vocabulary';

/** What the case holds, read once per review. */
export interface CaseSnapshot {
  case: Case;
  client: Client;
  diagnoses: Diagnosis[];
  treatments: Treatment[];
  assessments: Assessment[];
  communications: Communication[];
  denials: Denial[];
}

export interface Match {
  status: FactStatus;
  target: FactTarget;
  /** The matching record in words. */
  recorded: string | null;
  changes: FactChange[];
  blocked: string | null;
}

type Value = string | number | null | undefined;

const text = (v: Value) =>
  String(v ?? '')
    .toLowerCase()
    .replace(/[\s,;:.]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const present = (v: Value) => v !== null && v !== undefined && String(v).trim() !== '';
/** Identifiers compare without case, spaces or punctuation ("AHP-5531 0098" = "ahp55310098"). */
export const sameId = (a: Value, b: Value) =>
  String(a ?? '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '') ===
  String(b ?? '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
const sameText = (a: Value, b: Value) => text(a) === text(b);
/** Dates as precise as written: "2019-03" is the same as "2019-03-01" (the less precise reading). */
const sameDate = (a: Value, b: Value) => {
  const x = String(a ?? '');
  const y = String(b ?? '');
  return x === y || (x !== '' && y !== '' && (x.startsWith(y) || y.startsWith(x)));
};
/** "200 mg daily" and "200 mg/day" are the same dose: their amounts and units agree. */
const sameDose = (a: Value, b: Value) => {
  const amounts = (v: Value) =>
    [...String(v ?? '').matchAll(/(\d+(?:\.\d+)?)\s*(mg|mcg|µg|g|ml)\b/gi)]
      .map((m) => `${Number(m[1])}${m[2]!.toLowerCase()}`)
      .join(' ');
  const x = amounts(a);
  return x !== '' && x === amounts(b) ? true : sameText(a, b);
};
/** A name or title that contains the other ("Acme Health Plan" in "Acme Health Plan (employer)"). */
const containsEither = (a: Value, b: Value) => {
  const x = text(a).replace(/^dr\.?\s+/, '');
  const y = text(b).replace(/^dr\.?\s+/, '');
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x));
};

/** Therapies and procedures written out or abbreviated. */
const ALIASES: [string, RegExp][] = [
  ['cbt', /^(?:cbt|cognitive[- ]behaviou?ral(?: therapy)?)$/],
  ['dbt', /^(?:dbt|dialectical behaviou?r(?:al)? therapy)$/],
  ['ect', /^(?:ect|electroconvulsive(?: therapy)?)$/],
  ['tms', /^(?:r?tms|(?:repetitive )?transcranial magnetic stimulation)$/],
  ['emdr', /^emdr$/],
];

/** One name per drug or therapy: brands and generics, formulations ("XL") and case set aside. */
export function canonicalTreatment(name: Value): string {
  const raw = text(name)
    .replace(/\s+(?:xl|xr|er|sr|cr|odt|la|extended release)$/i, '')
    .trim();
  for (const [key, pattern] of ALIASES) if (pattern.test(raw)) return key;
  for (const drug of vocabulary().drugs) {
    if (drug.name.toLowerCase() === raw || drug.brands.some((b) => b.toLowerCase() === raw))
      return drug.name.toLowerCase();
  }
  return raw;
}

/** A period's earliest and latest day, whatever its precision ("2019", "2019-03", "2019-03-15"). */
const span = (d: Value) => (isPartialDate(String(d ?? '')) ? dateRange(String(d)) : null);
const from = (d: Value) => span(d)?.[0] ?? '0000-00-00';
const until = (d: Value) => span(d)?.[1] ?? '9999-99-99';

/** Two trials overlap unless one ended before the other began; undated trials overlap any. */
function overlaps(a: { startedOn?: Value; endedOn?: Value }, b: typeof a): boolean {
  const dated = (t: typeof a) => present(t.startedOn) || present(t.endedOn);
  if (!dated(a) || !dated(b)) return true;
  return from(a.startedOn) <= until(b.endedOn) && from(b.startedOn) <= until(a.endedOn);
}

const normCode = (v: Value) =>
  String(v ?? '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
const normInstrument = normCode;

type Mode = 'replace' | 'fill';
interface FieldRule {
  field: string;
  same: (a: Value, b: Value) => boolean;
  /** "fill": only an empty field takes the document's value; a written one is never proposed over. */
  mode?: Mode;
  /** Where the proposal carries it, when named differently from the record's field. */
  from?: string;
  label?: string;
}

/** The fields whose document value would change the record: empty ones filled, others replaced. */
function changesOf(
  record: Record<string, unknown>,
  values: Proposal['values'],
  rules: FieldRule[],
): FactChange[] {
  const out: FactChange[] = [];
  for (const rule of rules) {
    const proposed = values[rule.from ?? rule.field];
    if (!present(proposed)) continue;
    const current = (record[rule.field] ?? null) as string | number | null;
    if (present(current) && (rule.mode === 'fill' || rule.same(current, proposed))) continue;
    out.push({
      field: rule.field,
      label: rule.label ?? fieldLabel(rule.field),
      current,
      proposed: proposed ?? null,
    });
  }
  return out;
}

const created = (record: FactTarget['record']): Match => ({
  status: 'new',
  target: { record, id: null, version: null },
  recorded: null,
  changes: [],
  blocked: null,
});

function against(
  record: FactTarget['record'],
  row: { id: number; version: number; sourceDocumentId?: number | null },
  recorded: string,
  found: FactChange[],
  documentId: number | null = null,
): Match {
  // A record already taken from this very document: what it says now is the advocate's choice
  // (edited on accepting, or since), not news to offer again.
  const changes = documentId !== null && row.sourceDocumentId === documentId ? [] : found;
  return {
    status: changes.length ? 'different' : 'recorded',
    target: { record, id: row.id, version: row.version },
    recorded,
    changes,
    blocked: null,
  };
}

/** Case (or client) fields: "new" while every one of them is empty, else recorded or different. */
function fields(
  record: 'case' | 'client',
  row: { id: number; version: number } & object,
  values: Proposal['values'],
  rules: FieldRule[],
): Match {
  const current = row as unknown as Record<string, unknown>;
  const changes = changesOf(current, values, rules);
  const empty = rules.every((r) => !present(current[r.field] as Value));
  const shown = rules
    .map((r) => current[r.field])
    .filter((v) => present(v as Value))
    .join(' · ');
  return {
    status: changes.length === 0 ? 'recorded' : empty ? 'new' : 'different',
    target: { record, id: row.id, version: row.version },
    recorded: shown || null,
    changes,
    blocked: null,
  };
}

const TREATMENT_RULES: FieldRule[] = [
  { field: 'dose', same: sameDose },
  { field: 'startedOn', same: sameDate },
  { field: 'endedOn', same: sameDate },
  { field: 'drugClass', same: sameText, mode: 'fill', label: 'Drug class' },
  { field: 'outcome', same: sameText, mode: 'fill' },
  { field: 'reasonStopped', same: sameText, mode: 'fill' },
];

export const DENIAL_RULES: FieldRule[] = [
  { field: 'deniedOn', same: sameDate, label: 'Date on the notice' },
  { field: 'receivedOn', same: sameDate, label: 'Date received' },
  { field: 'referenceNumber', same: sameId },
  { field: 'claimNumber', same: sameId },
  { field: 'service', same: sameText, mode: 'fill', label: 'Service denied' },
  { field: 'reason', same: sameText, label: 'Reason' },
  { field: 'level', same: sameText, label: 'Decision' },
  { field: 'letterDeadlineOn', same: sameDate, label: 'Deadline stated on the letter' },
  { field: 'appealAddress', same: sameText, mode: 'fill' },
  { field: 'appealFax', same: sameId, mode: 'fill' },
];

/** The summary of a stored treatment, for "already recorded". */
const treatmentWords = (t: Treatment) =>
  [t.name, t.dose, t.startedOn || t.endedOn ? `${t.startedOn ?? '?'} → ${t.endedOn ?? '?'}` : null]
    .filter(Boolean)
    .join(' · ');

/** The case field an identifier fills, or null for a reference or claim number. */
export const CASE_IDENTIFIERS: Readonly<Record<string, (a: Value, b: Value) => boolean>> = {
  memberId: sameId,
  groupNumber: sameId,
  // "Acme Health Plan" on a notice is the "Acme Health Plan (employer group)" of an intake form.
  insurerName: containsEither,
};

/**
 * A proposed name in parts: "Jordan A. Rivera Jr." is first Jordan, middle A., last Rivera,
 * suffix Jr. (contract/person-name.ts); parts the document gave are kept as given.
 */
export function nameParts(values: Proposal['values']): {
  firstName: string;
  middleName: string | null;
  lastName: string;
  suffix: string | null;
} {
  const name = String(values.name ?? '').trim();
  // The name as written (and as the advocate may have corrected it) wins over parts sent with it.
  const parts = name ? splitPersonName(name) : null;
  if (parts) return parts;
  const given = (k: string) => (present(values[k]) ? String(values[k]) : null);
  if (given('firstName') && given('lastName'))
    return {
      firstName: given('firstName')!,
      middleName: given('middleName'),
      lastName: given('lastName')!,
      suffix: given('suffix'),
    };
  return { firstName: name, middleName: null, lastName: name, suffix: null };
}

const firstWord = (v: Value) => text(v).split(' ')[0] ?? '';
const lastWord = (v: Value) => text(v).split(' ').at(-1) ?? '';

function denialMatch(p: Proposal, c: CaseSnapshot, documentId: number | null): Match {
  const v = p.values;
  const denial =
    c.denials.find((d) => documentId !== null && d.sourceDocumentId === documentId) ??
    c.denials.find(
      (d) => present(v.referenceNumber) && sameId(d.referenceNumber, v.referenceNumber),
    ) ??
    c.denials.find((d) => present(v.claimNumber) && sameId(d.claimNumber, v.claimNumber)) ??
    c.denials.find((d) => present(v.deniedOn) && d.deniedOn === v.deniedOn && d.level === v.level);
  const planChange: FactChange[] =
    !c.case.planType && present(v.planType)
      ? [
          {
            field: 'planType',
            label: 'Plan type (on the case)',
            current: null,
            proposed:
              PLAN_TYPE.labels[v.planType as keyof typeof PLAN_TYPE.labels] ?? String(v.planType),
          },
        ]
      : [];
  const blocked = !present(v.deniedOn)
    ? 'No date found on the notice: use Edit to add it.'
    : !present(v.reason)
      ? 'No reason found: use Edit to quote the reason from the notice.'
      : null;
  if (!denial) return { ...created('denial'), changes: planChange, blocked };
  // A decision the notice only implies (the form's defaults) is not a difference worth offering.
  const rules = DENIAL_RULES.filter((r) => r.field !== 'level' || v.level !== 'initial');
  // The plan type goes with a new denial; a denial already recorded does not nag about it.
  const match = against(
    'denial',
    denial,
    `Denial of ${longDate(denial.deniedOn).slice(4)}${denial.referenceNumber ? ` (${denial.referenceNumber})` : ''}`,
    changesOf(denial as never, v, rules),
    documentId,
  );
  return { ...match, blocked: match.changes.length ? blocked : null };
}

/** How a proposal stands against the case. `documentId` is the document it came from. */
export function matchFact(p: Proposal, c: CaseSnapshot, documentId: number | null): Match {
  const v = p.values;
  switch (p.kind) {
    case 'diagnosis': {
      const found = c.diagnoses.find((d) => normCode(d.icd10Code) === normCode(v.icd10Code));
      if (!found) return created('diagnosis');
      return against(
        'diagnosis',
        found,
        [found.icd10Code, found.description].filter(Boolean).join(' · '),
        changesOf(found as never, v, [
          { field: 'description', same: sameText, mode: 'fill' },
          { field: 'diagnosedOn', same: sameDate },
        ]),
        documentId,
      );
    }
    case 'treatment': {
      const name = canonicalTreatment(v.name);
      const found = c.treatments.find((t) => canonicalTreatment(t.name) === name && overlaps(t, v));
      if (!found) return created('treatment');
      return against(
        'treatment',
        found,
        treatmentWords(found),
        changesOf(found as never, v, TREATMENT_RULES),
        documentId,
      );
    }
    case 'assessment': {
      if (!present(v.assessedOn))
        return { ...created('assessment'), blocked: 'No date found: use Edit to add one.' };
      const found = c.assessments.find(
        (a) =>
          normInstrument(a.instrument) === normInstrument(v.instrument) &&
          sameDate(a.assessedOn, v.assessedOn),
      );
      if (!found) return created('assessment');
      return against(
        'assessment',
        found,
        `${found.instrument} ${found.score} on ${found.assessedOn}`,
        changesOf(found as never, v, [{ field: 'score', same: (a, b) => Number(a) === Number(b) }]),
        documentId,
      );
    }
    case 'identifier': {
      const field = String(v.field ?? '');
      const same = CASE_IDENTIFIERS[field];
      if (same) return fields('case', c.case, { [field]: v.value ?? null }, [{ field, same }]);
      // A reference or claim number from a document that is not a denial notice: kept in the log.
      const inLog = c.communications.find((m) => sameId(m.referenceNumber, v.value));
      if (inLog)
        return against('communication', inLog, `${inLog.occurredOn}: ${inLog.summary}`, []);
      const inDenial = c.denials.find(
        (d) => sameId(d.referenceNumber, v.value) || sameId(d.claimNumber, v.value),
      );
      if (inDenial)
        return against('denial', inDenial, `Denial of ${longDate(inDenial.deniedOn).slice(4)}`, []);
      return created('communication');
    }
    case 'client': {
      if (present(v.dateOfBirth))
        return fields('client', c.client, v, [{ field: 'dateOfBirth', same: sameDate }]);
      const parts = nameParts(v);
      // The name on file matches when its first and last words do; a middle name or suffix the
      // record lacks is offered, one it has is kept.
      const same =
        firstWord(c.client.firstName) === firstWord(parts.firstName) &&
        lastWord(c.client.lastName) === lastWord(parts.lastName);
      const fill: FieldRule[] = [
        { field: 'middleName', same: sameText, mode: 'fill' },
        { field: 'suffix', same: sameText, mode: 'fill' },
        { field: 'preferredName', same: sameText, mode: 'fill' },
        { field: 'courtesyTitle', same: sameText, mode: 'fill' },
      ];
      const rename: FieldRule[] = [
        { field: 'firstName', same: sameText },
        { field: 'lastName', same: sameText },
      ];
      return against(
        'client',
        c.client,
        fullName(c.client),
        changesOf(c.client as never, parts, same ? fill : [...rename, ...fill]),
      );
    }
    case 'request':
      return fields('case', c.case, v, [{ field: 'requestedTreatment', same: containsEither }]);
    case 'provider':
      return fields('case', c.case, { providerName: v.name ?? null, providerNpi: v.npi ?? null }, [
        { field: 'providerName', same: containsEither },
        { field: 'providerNpi', same: sameId },
      ]);
    case 'procedure-code': {
      const codes = String(c.case.treatmentCodes ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      const has = codes.some((x) => sameId(x, v.code));
      return {
        status: has ? 'recorded' : 'new',
        target: { record: 'case', id: c.case.id, version: c.case.version },
        recorded: has ? `Codes: ${codes.join(', ')}` : null,
        changes: has
          ? []
          : [
              {
                field: 'treatmentCodes',
                label: fieldLabel('treatmentCodes'),
                current: c.case.treatmentCodes ?? null,
                proposed: [...codes, String(v.code)].join(', '),
              },
            ],
        blocked: null,
      };
    }
    case 'denial':
      return denialMatch(p, c, documentId);
  }
}

/** The table a fact's record is kept in, as accepted facts name it ("diagnoses:12"). */
export const RECORD_TABLES = {
  case: 'cases',
  client: 'clients',
  diagnosis: 'diagnoses',
  treatment: 'treatments',
  assessment: 'assessments',
  communication: 'communications',
  denial: 'denials',
} as const satisfies Record<FactTarget['record'], string>;

/**
 * A fact this document already gave, matched to the record it became (`ref`, "diagnoses:12"),
 * whatever that record says now; null when the record is gone (the fact is offered again).
 */
export function acceptedAs(ref: string, c: CaseSnapshot): Match | null {
  const [table, raw] = ref.split(':');
  const id = Number(raw);
  const rows: Record<string, { id: number; version: number }[]> = {
    cases: [c.case],
    clients: [c.client],
    diagnoses: c.diagnoses,
    treatments: c.treatments,
    assessments: c.assessments,
    communications: c.communications,
    denials: c.denials,
  };
  const row = rows[table ?? '']?.find((r) => r.id === id);
  const record = (Object.keys(RECORD_TABLES) as FactTarget['record'][]).find(
    (k) => RECORD_TABLES[k] === table,
  );
  if (!row || !record) return null;
  const r = row as unknown as Record<string, string | number | null>;
  const words: Record<FactTarget['record'], () => string> = {
    case: () => 'on the case',
    client: () => fullName(r as never),
    diagnosis: () => [r.icd10Code, r.description].filter(Boolean).join(' · '),
    treatment: () => treatmentWords(row as Treatment),
    assessment: () => `${r.instrument} ${r.score} on ${r.assessedOn}`,
    communication: () => `${r.occurredOn}: ${r.summary}`,
    denial: () => `Denial of ${longDate(String(r.deniedOn)).slice(4)}`,
  };
  return {
    status: 'recorded',
    target: { record, id: row.id, version: row.version },
    recorded: `${words[record]()} (accepted from this document)`,
    changes: [],
    blocked: null,
  };
}
