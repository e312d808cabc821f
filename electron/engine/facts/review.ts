// A document's proposals as the review shows them: each named by a key that survives a new
// review, said in words, and matched against the case; rejected ones marked.
import { DENIAL_CATEGORY } from '../../contract/denial-category';
import type { DenialCategory } from '../../contract/denial-category';
import type { DocumentType } from '../../contract/document';
import { DECISION_LEVEL, CLAIM_TYPE } from '../../contract/workflow';
import { PLAN_TYPE } from '../../contract/choices';
import type { FactDecisions, FactReview, Proposal, ReviewedFact } from '../../contract/facts';
import { fieldLabel } from '../../contract/labels';
import { longDate } from '../deadlines/plain-date';
import { isPartialDate, shortDate } from '../../contract/partial-date';
import type { CaseSnapshot, Match } from './match';
import { acceptedAs, canonicalTreatment, matchFact } from './match';

const words = (v: unknown) => String(v ?? '').trim();
const lower = (v: unknown) => words(v).toLowerCase().replace(/\s+/g, ' ');
const idOf = (v: unknown) =>
  words(v)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
/** "Sep 18, 2026" or "Mar 2019", as the app shows dates. */
const dateWords = (v: unknown) => {
  const w = words(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(w)) return longDate(w).slice(4);
  return isPartialDate(w) ? shortDate(w) : w;
};

/** Names the fact within its document by what it is, not where it stands in the list. */
export function factKey(p: Proposal): string {
  const v = p.values;
  switch (p.kind) {
    case 'diagnosis':
      return `diagnosis:${idOf(v.icd10Code)}`;
    case 'treatment':
      return `treatment:${canonicalTreatment(v.name as string)}:${words(v.startedOn)}`;
    case 'assessment':
      return `assessment:${idOf(v.instrument)}:${words(v.assessedOn)}:${words(v.score)}`;
    case 'identifier':
      return `identifier:${words(v.field)}:${v.field === 'insurerName' ? lower(v.value) : idOf(v.value)}`;
    case 'client':
      return v.dateOfBirth
        ? `client:dateOfBirth:${words(v.dateOfBirth)}`
        : `client:name:${lower(v.name ?? [v.firstName, v.middleName, v.lastName].filter(Boolean).join(' '))}`;
    case 'request':
      return `request:${lower(v.requestedTreatment)}`;
    case 'provider':
      return `provider:${words(v.npi) || lower(v.name)}`;
    case 'procedure-code':
      return `procedure-code:${words(v.system)}:${idOf(v.code)}`;
    case 'denial':
      return 'denial';
  }
}

const join = (...parts: unknown[]) =>
  parts
    .map(words)
    .filter((x) => x !== '')
    .join(' · ');

/** A proposal in one line of words. */
export function summarize(p: Proposal): string {
  const v = p.values;
  switch (p.kind) {
    case 'treatment': {
      const name = v.drugClass ? `${words(v.name)} (${words(v.drugClass)})` : v.name;
      const span =
        v.startedOn || v.endedOn
          ? `${dateWords(v.startedOn) || '?'} → ${dateWords(v.endedOn) || '?'}`
          : null;
      return join(name, v.dose, span, v.outcome);
    }
    case 'diagnosis':
      return join(v.icd10Code, v.description);
    case 'assessment':
      return join(
        v.instrument,
        v.score !== null ? `score ${words(v.score)}` : null,
        v.assessedOn ? dateWords(v.assessedOn) : null,
      );
    case 'identifier':
      return `${fieldLabel(words(v.field))}: ${words(v.value)}`;
    case 'request':
      return words(v.requestedTreatment);
    case 'provider':
      return join(v.name, v.npi ? `NPI ${words(v.npi)}` : null);
    case 'client':
      return v.dateOfBirth
        ? `Date of birth: ${words(v.dateOfBirth)}`
        : `Name: ${words(v.name ?? [v.firstName, v.middleName, v.lastName].filter(Boolean).join(' '))}`;
    case 'procedure-code':
      return join(v.system, v.code);
    case 'denial':
      return join(
        v.deniedOn ? `Denied ${dateWords(v.deniedOn)}` : 'Denial (date not found)',
        v.level ? DECISION_LEVEL.labels[v.level as keyof typeof DECISION_LEVEL.labels] : null,
        v.referenceNumber ? `ref. ${words(v.referenceNumber)}` : null,
        v.service,
      );
  }
}

/** The denial's values as a list of labelled lines, for the review to show in full. */
export function denialDetails(v: Proposal['values']): [label: string, value: string][] {
  const line = (label: string, value: unknown): [string, string] | null =>
    words(value) ? [label, words(value)] : null;
  return [
    line('Date on the notice', v.deniedOn ? dateWords(v.deniedOn) : null),
    line('Date received', v.receivedOn ? dateWords(v.receivedOn) : null),
    line('Reference number', v.referenceNumber),
    line('Claim number', v.claimNumber),
    line('Service denied', v.service),
    line(
      'Decision',
      v.level ? DECISION_LEVEL.labels[v.level as keyof typeof DECISION_LEVEL.labels] : null,
    ),
    line(
      'Kind of claim',
      v.claimType ? CLAIM_TYPE.labels[v.claimType as keyof typeof CLAIM_TYPE.labels] : null,
    ),
    line(
      'Plan type',
      v.planType
        ? `${PLAN_TYPE.labels[v.planType as keyof typeof PLAN_TYPE.labels]}${v.planTypeQuote ? ` (“${words(v.planTypeQuote)}”)` : ''}`
        : null,
    ),
    line(
      'Deadline stated',
      v.letterDeadlineOn
        ? `${dateWords(v.letterDeadlineOn)}${v.appealWithinDays ? ` (${words(v.appealWithinDays)} days)` : ''}`
        : v.appealWithinDays
          ? `${words(v.appealWithinDays)} days (from receipt: add the date received)`
          : null,
    ),
    line('Appeal address', v.appealAddress),
    line('Appeal fax', v.appealFax),
    line(
      'Kind of denial',
      v.category ? (DENIAL_CATEGORY.labels[v.category as DenialCategory] ?? null) : null,
    ),
    line('Reason, word for word', v.reason),
  ].filter((x): x is [string, string] => x !== null);
}

/** How a fact stands: as the record it became when accepted before, else matched afresh. */
export function matchOnce(
  p: Proposal,
  key: string,
  snapshot: CaseSnapshot,
  documentId: number,
  decisions: FactDecisions,
): Match {
  const ref = decisions.accepted[key];
  return (ref ? acceptedAs(ref, snapshot) : null) ?? matchFact(p, snapshot, documentId);
}

/** The proposals of one document, once each, matched against the case. */
export function reviewFacts(
  proposals: readonly Proposal[],
  snapshot: CaseSnapshot,
  document: { id: number; caseId: number; fileName: string; documentType: DocumentType },
  decisions: FactDecisions,
): FactReview {
  const rejected = new Set(decisions.rejected);
  const seen = new Set<string>();
  const facts: ReviewedFact[] = [];
  for (const p of proposals) {
    const key = factKey(p);
    if (seen.has(key)) continue;
    seen.add(key);
    facts.push({
      ...p,
      key,
      ...matchOnce(p, key, snapshot, document.id, decisions),
      rejected: rejected.has(key),
      summary: summarize(p),
      details:
        p.kind === 'denial'
          ? denialDetails(p.values).map(([label, value]) => ({ label, value }))
          : [],
    });
  }
  const count = (test: (f: ReviewedFact) => boolean) => facts.filter(test).length;
  return {
    documentId: document.id,
    caseId: document.caseId,
    fileName: document.fileName,
    documentType: document.documentType,
    facts,
    counts: {
      new: count((f) => !f.rejected && f.status === 'new'),
      recorded: count((f) => f.status === 'recorded'),
      different: count((f) => !f.rejected && f.status === 'different'),
      rejected: count((f) => f.rejected),
    },
  };
}
