// Accepting proposed facts: each one matched again against the case inside the writing
// transaction, so it becomes the right record once — added when new, the matching record updated
// when the document says otherwise, nothing written when the case already holds it — and refused
// when the case moved on since the review in the fields it would write.
import { proposeDenialCategory } from '../../contract/denial-category';
import type { Database } from 'better-sqlite3';
import { ZodError } from 'zod';
import type { z } from 'zod';
import { caseInput } from '../../contract/case';
import { assessmentFields, diagnosisFields, treatmentFields } from '../../contract/case-records';
import type { CaseRecordKind } from '../../contract/case-records';
import { clientFields, clientInput } from '../../contract/client';
import type { DocumentView } from '../../contract/document';
import { AppError } from '../../contract/errors';
import type {
  DenialDraft,
  DuplicateCheck,
  FactAcceptAllResult,
  FactAcceptResult,
  FactKind,
  FactReview,
  Proposal,
  ReviewedFact,
} from '../../contract/facts';
import { fieldLabel } from '../../contract/labels';
import { denialFields } from '../../contract/workflow';
import type { DenialValues } from '../../contract/workflow';
import { caseDetailReader } from '../cases/detail';
import { caseQueries } from '../cases/queries';
import { touchCase } from '../cases/touch';
import { clientQueries } from '../clients/queries';
import { longDate, todayIn } from '../deadlines/plain-date';
import { timeZoneForState } from '../deadlines/state-time-zones';
import { changeLog, conflictError } from '../db/versions';
import { documentQueries } from '../documents/queries';
import { onSave } from '../records/on-save';
import { recordQueries } from '../records/queries';
import { customTreatments } from '../vocabulary/custom-treatments';
import { denialWriter } from '../workflow/denial-writer';
import { denialQueries } from '../workflow/queries';
import { findDates } from './dates';
import { proposeFacts } from './extract';
import type { CaseSnapshot, Match } from './match';
import { matchFact, RECORD_TABLES } from './match';
import { factKey, matchOnce, reviewFacts, summarize } from './review';

/** Case fields first (a denial's deadline reads the plan type), the denial last. */
const ORDER: readonly FactKind[] = [
  'client',
  'identifier',
  'request',
  'provider',
  'procedure-code',
  'diagnosis',
  'treatment',
  'assessment',
  'denial',
];

type Values = Proposal['values'];

const present = (v: unknown) => v !== null && v !== undefined && String(v).trim() !== '';

/** Checks `input` against `schema`; a refusal names the field as the edit form has it. */
function checked<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ZodError(result.error.issues.map((i) => ({ ...i, path: ['values', ...i.path] })));
}

export function factWriter(db: Database) {
  const detail = caseDetailReader(db);
  const denials = denialQueries(db);
  const documents = documentQueries(db);
  const cases = caseQueries(db);
  const clients = clientQueries(db);
  const records = {
    diagnoses: recordQueries(db, 'diagnoses'),
    treatments: recordQueries(db, 'treatments'),
    assessments: recordQueries(db, 'assessments'),
    communications: recordQueries(db, 'communications'),
  };
  const writer = denialWriter(db);
  const versions = changeLog(db);
  const touch = touchCase(db);

  const snapshot = (caseId: number): CaseSnapshot => ({
    ...detail(caseId, { withDocuments: false }),
    denials: denials.forCase(caseId),
  });
  const proposalsOf = (doc: DocumentView) => proposeFacts(doc.text ?? '');
  const reviewOf = (doc: DocumentView): FactReview =>
    reviewFacts(proposalsOf(doc), snapshot(doc.caseId), doc, documents.decisions(doc.id));
  const review = (documentId: number) => reviewOf(documents.view(documentId));

  const findFact = (doc: DocumentView, key: string): Proposal => {
    const found = proposalsOf(doc).find((p) => factKey(p) === key);
    if (!found) {
      throw new AppError(
        'not-found',
        `${doc.fileName} no longer proposes this fact (it may have been read differently). Open its review again.`,
        'key',
      );
    }
    return found;
  };

  /** The record a fact targets, as it is now (shown with a refusal). */
  const readTarget = ({ record, id }: Match['target']): object => {
    if (id === null) return {};
    switch (record) {
      case 'case':
        return cases.get(id);
      case 'client':
        return clients.get(id);
      case 'denial':
        return denials.get(id);
      case 'diagnosis':
        return records.diagnoses.get(id);
      case 'treatment':
        return records.treatments.get(id);
      case 'assessment':
        return records.assessments.get(id);
      case 'communication':
        return records.communications.get(id);
    }
  };

  /** Refused when the record changed since the review in a field this accept writes. */
  const refuseStale = (
    match: Match,
    basis: { id: number | null; version: number | null },
    label: string,
  ) => {
    const { target } = match;
    if (basis.id === null && target.id !== null && !['case', 'client'].includes(target.record)) {
      throw new AppError(
        'conflict',
        `The case got this ${label} since the review was opened (${match.recorded ?? 'another record'}). Nothing was written: look at the review again.`,
      );
    }
    if (target.id === null || basis.version === null) return;
    if (basis.id !== null && basis.id !== target.id) {
      throw new AppError(
        'conflict',
        `This ${label} now matches another record of the case (${match.recorded ?? ''}). Nothing was written: look at the review again.`,
      );
    }
    if (basis.version === target.version) return;
    const written = new Set(match.changes.map((c) => c.field));
    const changed = versions
      .changedSince(RECORD_TABLES[target.record], target.id, basis.version)
      .filter((f) => written.has(f));
    if (changed.length)
      throw conflictError(label, changed, readTarget(target), target.version ?? 0);
  };

  /** The date a reference number in the log is kept under: the document's own, else today. */
  const documentDate = (doc: DocumentView, state: string | null) =>
    findDates((doc.text ?? '').slice(0, 800)).find((d) => d.precise)?.date ??
    todayIn(timeZoneForState(state));

  const changesOf = (match: Match) =>
    Object.fromEntries(
      match.changes.filter((c) => c.field !== 'planType').map((c) => [c.field, c.proposed]),
    );

  /** What any save adds: a treatment's class from the vocabulary, a diagnosis checked. */
  const saved = <T extends Record<string, unknown>>(
    kind: CaseRecordKind,
    values: T,
    current?: Record<string, unknown>,
  ) => onSave(kind, values, { custom: customTreatments(db), ...(current ? { current } : {}) }) as T;

  const patchRecord = (kind: keyof typeof records, schema: z.ZodType, match: Match) => {
    const q = records[kind] as ReturnType<typeof recordQueries>;
    const current = q.get(match.target.id!) as { version: number } & Record<string, unknown>;
    const changes =
      kind === 'communications' ? changesOf(match) : saved(kind, changesOf(match), current);
    q.patch(match.target.id!, { version: current.version, changes, at: 'values' }, schema);
  };
  const patchCase = (caseId: number, changes: Record<string, unknown>) => {
    const current = cases.get(caseId);
    cases.patch(caseId, { version: current.version, changes, at: 'values' }, caseInput);
  };

  const denialValues = (v: Values, doc: DocumentView, snap: CaseSnapshot): DenialValues =>
    checked(denialFields, {
      deniedOn: v.deniedOn,
      receivedOn: v.receivedOn ?? null,
      referenceNumber: v.referenceNumber ?? null,
      claimNumber: v.claimNumber ?? null,
      reason: v.reason,
      service: present(v.service) ? v.service : snap.case.requestedTreatment,
      claimType: v.claimType ?? undefined,
      level: v.level ?? undefined,
      letterDeadlineOn: v.letterDeadlineOn ?? null,
      overrideOn: v.overrideOn ?? null,
      stateWindowDays: v.stateWindowDays ?? null,
      appealAddress: v.appealAddress ?? null,
      appealFax: v.appealFax ?? null,
      category: v.category ?? null,
      sourceDocumentId: doc.id,
    });

  /** Writes one matched fact: what happened in words, and the id of the record it became. */
  const write = (
    p: Proposal,
    match: Match,
    doc: DocumentView,
    snap: CaseSnapshot,
  ): [message: string, id: number] => {
    const v = p.values;
    const caseId = snap.case.id;
    const sourceDocumentId = doc.id;
    const isNew = match.target.id === null;
    touch(caseId);
    switch (match.target.record) {
      case 'diagnosis':
        if (isNew) {
          const row = records.diagnoses.insert({
            caseId,
            ...saved(
              'diagnoses',
              checked(diagnosisFields, {
                icd10Code: v.icd10Code,
                description: v.description ?? null,
                diagnosedOn: v.diagnosedOn ?? null,
                sourceDocumentId,
              }),
            ),
          });
          return [`Added ${String(v.icd10Code)} to the diagnoses.`, row.id];
        }
        patchRecord('diagnoses', diagnosisFields, match);
        return [`Updated diagnosis ${String(v.icd10Code)}.`, match.target.id!];
      case 'treatment':
        if (isNew) {
          const row = records.treatments.insert({
            caseId,
            ...saved(
              'treatments',
              checked(treatmentFields, {
                kind: v.kind ?? 'medication',
                name: v.name,
                dose: v.dose ?? null,
                startedOn: v.startedOn ?? null,
                endedOn: v.endedOn ?? null,
                outcome: v.outcome ?? null,
                reasonStopped: v.reasonStopped ?? null,
                drugClass: v.drugClass ?? null,
                sourceDocumentId,
              }),
            ),
          });
          return [`Added ${String(v.name)} to the treatment history.`, row.id];
        }
        patchRecord('treatments', treatmentFields, match);
        return [`Updated ${String(v.name)} in the treatment history.`, match.target.id!];
      case 'assessment':
        if (isNew) {
          const row = records.assessments.insert({
            caseId,
            ...checked(assessmentFields, {
              instrument: v.instrument,
              score: typeof v.score === 'string' ? Number(v.score) : v.score,
              assessedOn: v.assessedOn,
              notes: v.notes ?? null,
              sourceDocumentId,
            }),
          });
          return [`Added ${String(v.instrument)} ${String(v.score)} to the assessments.`, row.id];
        }
        patchRecord('assessments', assessmentFields, match);
        return [`Updated the ${String(v.instrument)} score.`, match.target.id!];
      case 'communication': {
        const row = records.communications.insert({
          caseId,
          occurredOn: documentDate(doc, snap.client.state),
          channel: 'letter',
          person: null,
          referenceNumber: String(v.value),
          summary: `${fieldLabel(String(v.field))} ${String(v.value)}, from ${doc.fileName}`,
          sourceDocumentId,
        });
        return [
          `Kept ${fieldLabel(String(v.field)).toLowerCase()} ${String(v.value)} in the log.`,
          row.id,
        ];
      }
      case 'case':
        checked(caseInput.partial(), changesOf(match));
        patchCase(caseId, changesOf(match));
        return [
          `Updated the case: ${match.changes.map((c) => c.label.toLowerCase()).join(', ')}.`,
          caseId,
        ];
      case 'client': {
        const current = clients.get(snap.client.id);
        checked(clientFields.partial(), changesOf(match));
        clients.patch(
          current.id,
          { version: current.version, changes: changesOf(match), at: 'values' },
          clientInput,
        );
        return [
          `Updated the client: ${match.changes.map((c) => c.label.toLowerCase()).join(', ')}.`,
          current.id,
        ];
      }
      case 'denial': {
        // The plan type first: the appeal deadline is computed from it.
        if (!snap.case.planType && present(v.planType)) patchCase(caseId, { planType: v.planType });
        const values = denialValues(v, doc, snap);
        const saved = isNew
          ? writer.create(caseId, values)
          : writer.update(match.target.id!, denials.get(match.target.id!).version, {
              ...changesOf(match),
              ...(denials.get(match.target.id!).sourceDocumentId === null
                ? { sourceDocumentId }
                : {}),
            });
        const due = saved.effectiveOn
          ? `; file the ${saved.computation.nextStep.toLowerCase()} by ${longDate(saved.effectiveOn)}`
          : '';
        return [
          `${isNew ? 'Recorded' : 'Updated'} the denial of ${longDate(saved.deniedOn)}${due}.`,
          saved.id,
        ];
      }
    }
  };

  /** Accepts one fact (edited first or as proposed) in a savepoint: all of it, or none. */
  const acceptOne = (
    doc: DocumentView,
    proposal: Proposal,
    key: string,
    basis: { id: number | null; version: number | null } | null,
  ): { outcome: FactAcceptResult['outcome']; message: string } =>
    db.transaction(() => {
      const snap = snapshot(doc.caseId);
      const decisions = documents.decisions(doc.id);
      const match = matchOnce(proposal, key, snap, doc.id, decisions);
      const label = proposal.kind === 'procedure-code' ? 'procedure code' : proposal.kind;
      if (match.status === 'recorded') {
        return {
          outcome: 'already-recorded' as const,
          message: `Already in the case: ${match.recorded ?? summarize(proposal)}.`,
        };
      }
      if (match.blocked) throw new AppError('invalid-input', match.blocked, 'values');
      if (basis) refuseStale(match, basis, label);
      const [message, id] = write(proposal, match, doc, snap);
      // Remembered with the document: never offered again, even corrected; no longer rejected.
      documents.setDecisions(doc.id, {
        rejected: decisions.rejected.filter((k) => k !== key),
        accepted: { ...decisions.accepted, [key]: `${RECORD_TABLES[match.target.record]}:${id}` },
      });
      return {
        outcome:
          match.target.id === null || match.status === 'new'
            ? ('added' as const)
            : ('updated' as const),
        message,
      };
    })();

  return {
    review,

    accept(
      documentId: number,
      key: string,
      basis: { id: number | null; version: number | null },
      edited: Values | undefined,
    ): FactAcceptResult {
      const doc = documents.view(documentId);
      const proposal = findFact(doc, key);
      const values = edited ? { ...proposal.values, ...edited } : proposal.values;
      const result = acceptOne(doc, { ...proposal, values }, key, basis);
      return { ...result, review: reviewOf(doc) };
    },

    acceptAll(documentId: number, keys: readonly string[]): FactAcceptAllResult {
      const doc = documents.view(documentId);
      const wanted = new Set(keys);
      const before = reviewOf(doc);
      const chosen = before.facts
        .filter((f) => wanted.has(f.key))
        .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
      let added = 0;
      let alreadyRecorded = 0;
      const skipped: FactAcceptAllResult['skipped'] = [];
      const skip = (f: ReviewedFact, reason: string) =>
        skipped.push({ key: f.key, summary: f.summary, reason });
      for (const key of wanted) {
        if (!before.facts.some((f) => f.key === key))
          skipped.push({ key, summary: key, reason: 'The document no longer proposes it.' });
      }
      for (const fact of chosen) {
        if (fact.rejected) {
          skip(fact, 'Rejected: restore it first.');
          continue;
        }
        // Matched again now: an earlier fact of this batch may have recorded it.
        const match = matchOnce(
          fact,
          fact.key,
          snapshot(doc.caseId),
          doc.id,
          documents.decisions(doc.id),
        );
        if (match.status === 'recorded') {
          alreadyRecorded += 1;
          continue;
        }
        if (match.status === 'different') {
          skip(
            fact,
            `The case holds it with other values (${match.recorded ?? ''}): review it on its own.`,
          );
          continue;
        }
        if (match.blocked) {
          skip(fact, match.blocked);
          continue;
        }
        try {
          acceptOne(doc, fact, fact.key, null);
          added += 1;
        } catch (error) {
          if (!(error instanceof AppError) && !(error instanceof ZodError)) throw error;
          const reason =
            error instanceof AppError
              ? error.message
              : error.issues
                  .map((i) => `${fieldLabel(String(i.path.at(-1) ?? ''))} ${i.message}`)
                  .join('; ');
          skip(fact, reason);
        }
      }
      return { added, alreadyRecorded, skipped, review: reviewOf(doc) };
    },

    decide(documentId: number, key: string, reject: boolean): FactReview {
      const doc = documents.view(documentId);
      const decisions = documents.decisions(documentId);
      const rejected = new Set(decisions.rejected);
      if (reject) rejected.add(key);
      else rejected.delete(key);
      documents.setDecisions(documentId, { ...decisions, rejected: [...rejected] });
      return reviewOf(doc);
    },

    /** Manual entry: what the case already holds like this record. */
    check(
      caseId: number,
      kind: 'diagnoses' | 'treatments' | 'assessments',
      values: Values,
    ): DuplicateCheck {
      const factKind = (
        { diagnoses: 'diagnosis', treatments: 'treatment', assessments: 'assessment' } as const
      )[kind];
      const proposal: Proposal = { kind: factKind, values, start: 0, end: 0 };
      const match = matchFact(proposal, snapshot(caseId), null);
      if (match.target.id === null) return { status: 'new', match: null, message: null };
      const what =
        kind === 'diagnoses'
          ? `${String(values.icd10Code)} is already a diagnosis of this case`
          : kind === 'treatments'
            ? `${String(values.name)} is already in the treatment history with dates that overlap`
            : `A ${String(values.instrument)} score of that date is already recorded`;
      // The record on file, when it says more than the warning already does.
      const shown = match.recorded && !what.includes(match.recorded) ? ` (${match.recorded})` : '';
      return {
        status: match.status,
        match: { id: match.target.id, summary: match.recorded ?? '' },
        message: `${what}${shown}. Add it again only if it is a separate record; otherwise edit the one there.`,
      };
    },

    /** The newest imported notice whose denial the case does not hold yet, for "Record denial". */
    denialDraft(caseId: number): DenialDraft | null {
      const snap = snapshot(caseId);
      const notices = documents
        .forCase(caseId)
        .filter((d) => d.documentType === 'denial-notice' || d.documentType === 'eob')
        .reverse();
      for (const info of notices) {
        const doc = documents.view(info.id);
        const denial = proposalsOf(doc).find((p) => p.kind === 'denial');
        if (!denial) continue;
        const decisions = documents.decisions(doc.id);
        if (decisions.rejected.includes(factKey(denial))) continue;
        if (matchOnce(denial, factKey(denial), snap, doc.id, decisions).target.id !== null)
          continue;
        const v = denial.values;
        const text = (x: unknown) => (present(x) ? String(x) : null);
        return {
          documentId: doc.id,
          fileName: doc.fileName,
          key: factKey(denial),
          values: {
            deniedOn: text(v.deniedOn) ?? undefined,
            receivedOn: text(v.receivedOn),
            referenceNumber: text(v.referenceNumber),
            claimNumber: text(v.claimNumber),
            service: text(v.service) ?? snap.case.requestedTreatment,
            reason: text(v.reason) ?? undefined,
            claimType: (text(v.claimType) as DenialValues['claimType'] | null) ?? undefined,
            level: (text(v.level) as DenialValues['level'] | null) ?? undefined,
            letterDeadlineOn: text(v.letterDeadlineOn),
            appealAddress: text(v.appealAddress),
            appealFax: text(v.appealFax),
            category:
              (text(v.category) as DenialValues['category']) ??
              proposeDenialCategory(text(v.reason)),
            sourceDocumentId: doc.id,
          },
          planType: (text(v.planType) as DenialDraft['planType']) ?? null,
          planTypeQuote: text(v.planTypeQuote),
        };
      }
      return null;
    },
  };
}
