// A case measured against its criteria set: the set linked (or the one suggested), each criterion
// met / not met / unknown from the case's records and the advocate's answers.
import type { Database } from 'better-sqlite3';
import type { CaseCriteria } from '../../contract/criteria';
import { AppError } from '../../contract/errors';
import { todayIn } from '../deadlines/plain-date';
import { timeZoneForState } from '../deadlines/state-time-zones';
import { fromRow } from '../db/table';
import { recordQueries } from '../records/queries';
import type { CriteriaFacts } from './evaluate';
import { evaluateCriteria } from './evaluate';
import { criteriaQueries } from './queries';
import { suggestSet } from './suggest';

interface CaseRow {
  requestedTreatment: string;
  insurerName: string | null;
  providerName: string | null;
  providerPractice: string | null;
  treatmentPlan: string | null;
  notes: string | null;
  dateOfBirth: string | null;
  state: string | null;
}

interface ReadOptions {
  /** The day ages are counted to (a letter's date); today in the client's calendar by default. */
  today?: string;
  /** How evidence writes dates (letters: "March 2019"). */
  writeDate?: (date: string) => string;
  /** Whether to look for a set to suggest (letters need none). */
  suggest?: boolean;
}

export function caseCriteriaReader(db: Database) {
  const q = criteriaQueries(db);
  const caseRow = db.prepare(`
    SELECT k.requested_treatment, k.insurer_name, k.provider_name, k.provider_practice,
      k.treatment_plan, k.notes, c.date_of_birth, c.state
    FROM cases k JOIN clients c ON c.id = k.client_id WHERE k.id = ?`);
  const documentNames = db.prepare('SELECT id, file_name FROM documents WHERE case_id = ?');
  const diagnoses = recordQueries(db, 'diagnoses');
  const treatments = recordQueries(db, 'treatments');
  const assessments = recordQueries(db, 'assessments');

  const caseOf = (caseId: number): CaseRow => {
    const row = caseRow.get(caseId);
    if (row === undefined)
      throw new AppError('not-found', `No case with id ${caseId}; it may have been deleted.`);
    return fromRow<CaseRow>(row);
  };

  /** The facts the rules read, as of today in the client's calendar. */
  const factsOf = (caseId: number, kase: CaseRow, options: ReadOptions): CriteriaFacts => ({
    today: options.today ?? todayIn(timeZoneForState(kase.state)),
    ...(options.writeDate ? { writeDate: options.writeDate } : {}),
    dateOfBirth: kase.dateOfBirth,
    providerName: kase.providerName,
    providerPractice: kase.providerPractice,
    treatmentPlan: kase.treatmentPlan,
    notes: kase.notes,
    diagnoses: diagnoses.forCase(caseId),
    treatments: treatments.forCase(caseId),
    assessments: assessments.forCase(caseId),
    documentNames: new Map(
      (documentNames.all(caseId) as { id: number; file_name: string }[]).map((d) => [
        d.id,
        d.file_name,
      ]),
    ),
  });

  return (caseId: number, options: ReadOptions = {}): CaseCriteria => {
    const kase = caseOf(caseId);
    const link = q.link(caseId);
    const set = link?.setId ? (q.find(link.setId) ?? null) : null;
    // Suggested only for a case never linked: an advocate who unlinked it chose the general list.
    const suggested = link || options.suggest === false ? null : suggestSet(q.list(), kase);
    const results = set
      ? evaluateCriteria(set.criteria, factsOf(caseId, kase, options), link?.answers ?? {})
      : [];
    return {
      caseId,
      version: link?.version ?? 0,
      set,
      suggested,
      results,
      met: results.filter((r) => r.status === 'met').length,
      total: results.length,
    };
  };
}
