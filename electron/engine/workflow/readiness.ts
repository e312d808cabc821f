// The readiness meter: what a strong request needs, checked against the case's own records, with
// the next thing to gather for each item that is missing.
import type { Assessment, Diagnosis, Treatment } from '../../contract/case-records';
import type { DocumentType } from '../../contract/document';
import type { CaseCriteria } from '../../contract/criteria';
import type { Readiness, ReadinessItem } from '../../contract/workflow';
import { antidepressantClasses, classOf, distinctClasses } from '../records/drug-classes';

export interface ReadinessInput {
  caseNotes: string | null;
  diagnoses: Diagnosis[];
  treatments: Treatment[];
  assessments: Assessment[];
  documents: {
    fileName: string;
    origin: string;
    /** What the document is (the advocate may have corrected the proposed type). */
    documentType: DocumentType;
    /** For a letter generated here: its template's kind ("medical-necessity"). */
    letterKind?: string | null;
    functional: boolean;
  }[];
}

/** Only the provider's signed letter is the provider's letter; a draft is not, nor one made here. */
const isProviderLetter = (d: ReadinessInput['documents'][number]) =>
  d.documentType === 'lmn-signed';
const isDraftLetter = (d: ReadinessInput['documents'][number]) =>
  d.documentType === 'lmn-draft' ||
  (d.documentType === 'generated-letter' && d.letterKind === 'medical-necessity');
/** Medical records are the clinical notes: not an intake form, a denial notice or a letter. */
const isRecord = (d: ReadinessInput['documents'][number]) => d.documentType === 'clinical-note';

/** Words that show the illness's effect on daily life was written down. */
const FUNCTIONAL =
  /\b(functional|functioning|function|unable to work|missed work|disability leave|activities of daily living|ADLs?|WHODAS|Sheehan|work and social adjustment|self-care)\b/i;
/** Instruments that measure function rather than symptoms. */
const FUNCTIONAL_INSTRUMENTS = /^(WHODAS|SDS|WSAS|GAF|SOFAS)/i;

const tried = (t: Treatment) => Boolean(t.endedOn || t.reasonStopped || t.outcome);

function failedTreatments(treatments: Treatment[]): ReadinessItem {
  const meds = treatments.filter((t) => t.kind === 'medication' && tried(t));
  const classes = distinctClasses(meds);
  // Step therapy counts antidepressant classes: an anxiolytic or a pain drug is not one of them.
  const counted = antidepressantClasses(meds);
  const others = classes.filter((c) => !counted.includes(c));
  const alsoTried = others.length ? `; also tried: ${others.join(', ')}` : '';
  const unclassed = meds.filter((t) => classOf(t) === null).map((t) => t.name);
  const done = counted.length >= 2;
  let detail: string;
  if (done)
    detail = `${meds.length} medications tried across ${classes.length} classes (${classes.join(', ')}).`;
  else if (unclassed.length) {
    detail = `Record the drug class of ${unclassed.join(', ')}: payers count failed trials by class (most ask for 2).`;
  } else if (meds.length) {
    detail = `Trials in ${counted.length} antidepressant class${counted.length === 1 ? '' : 'es'} so far${counted.length ? ` (${counted.join(', ')})` : ''}${alsoTried}; most payers ask for at least 2 antidepressant classes, each with dose, dates and why it stopped.`;
  } else {
    detail = 'Add the medications tried before, with class, dose, dates and why each stopped.';
  }
  return { key: 'failed-treatments', label: 'Failed treatments across classes', done, detail };
}

/** Checks the case against what a strong request needs; `done` counts the items met. */
export function readiness(input: ReadinessInput): Readiness {
  const { diagnoses, assessments, documents } = input;
  const scored = [...assessments].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
  const latest = scored.at(-1);
  const letters = documents.filter(isProviderLetter);
  const drafts = documents.filter(isDraftLetter);
  const records = documents.filter(isRecord);
  const functionalText = [
    input.caseNotes,
    ...assessments.map((a) => a.notes),
    ...input.treatments.flatMap((t) => [t.outcome, t.reasonStopped]),
  ].some((text) => text && FUNCTIONAL.test(text));
  const functionalScore = assessments.find((a) => FUNCTIONAL_INSTRUMENTS.test(a.instrument));
  const functionalDoc = documents.find((d) => d.functional);

  const items: ReadinessItem[] = [
    {
      key: 'diagnosis',
      label: 'Diagnosis with ICD-10 code',
      done: diagnoses.length > 0,
      detail: diagnoses.length
        ? diagnoses.map((d) => d.icd10Code).join(', ')
        : 'Add the diagnosis and its ICD-10-CM code from the provider’s records.',
    },
    failedTreatments(input.treatments),
    {
      key: 'scores',
      label: 'Standard scores (baseline and current)',
      done: scored.length >= 2,
      detail: latest
        ? scored.length >= 2
          ? `${scored.length} scores; latest ${latest.instrument} ${latest.score} on ${latest.assessedOn}.`
          : `One score (${latest.instrument} ${latest.score}); add a second to show severity over time.`
        : 'Add PHQ-9, MADRS or other standard scores, at baseline and now.',
    },
    {
      key: 'functional-impact',
      label: 'Functional impact described',
      done: Boolean(functionalScore || functionalDoc || functionalText),
      detail: functionalScore
        ? `${functionalScore.instrument} ${functionalScore.score}`
        : functionalDoc
          ? `Described in ${functionalDoc.fileName}.`
          : functionalText
            ? 'Described in the case notes or records.'
            : 'Describe how the illness limits work, self-care or daily life (e.g. WHODAS, Sheehan Disability Scale, missed work).',
    },
    {
      key: 'provider-letter',
      label: 'Letter of medical necessity from the provider',
      done: letters.length > 0,
      detail: letters.length
        ? letters.map((d) => d.fileName).join(', ')
        : drafts.length
          ? `A draft is on file (${drafts.map((d) => d.fileName).join(', ')}): have the provider review and sign it, then import the signed letter.`
          : 'Ask the treating provider for a letter of medical necessity and import it.',
    },
    {
      key: 'records',
      label: 'Medical records enclosed',
      done: records.length > 0,
      detail: records.length
        ? `${records.length} clinical record${records.length === 1 ? '' : 's'} on file (${records.map((d) => d.fileName).join(', ')}).`
        : 'Import the clinical notes and records that support the request (intake forms, notices and letters do not count; set a document’s type in the documents list).',
    },
  ];
  return {
    items,
    done: items.filter((i) => i.done).length,
    total: items.length,
    criteriaSet: null,
  };
}

/** Where a payer's criteria set applies, its criteria are the readiness list. */
export function criteriaReadiness(criteria: CaseCriteria): Readiness | null {
  const { set, results } = criteria;
  // A set with no criteria yet says nothing: the general list stays.
  if (!set || !results.length) return null;
  const items: ReadinessItem[] = results.map((r) => ({
    key: `criterion:${r.key}`,
    label: r.text,
    done: r.status === 'met',
    detail: r.status === 'met' ? r.evidence.join('; ') : (r.gather ?? ''),
    ...(r.status === 'unknown' ? { unknown: true } : {}),
  }));
  return {
    items,
    done: criteria.met,
    total: items.length,
    criteriaSet: { id: set.id, payer: set.payer, policyName: set.policyName },
  };
}
