// Calls for the evidence library: find, add, edit and delete citations, and a case's picks with
// the library's suggestions for it.
import { AppError } from '../../contract/errors';
import { citationFields } from '../../contract/evidence';
import type { CaseCitations } from '../../contract/evidence';
import type { EngineContext, HandlerSet } from '../context';
import { touchCase } from '../cases/touch';
import { caseDetailReader } from '../cases/detail';
import { denialQueries } from '../workflow/queries';
import { citationQueries } from './queries';
import { suggestCitations } from './suggest';

type EvidenceCalls =
  | 'citations.list'
  | 'citations.get'
  | 'citations.create'
  | 'citations.update'
  | 'citations.delete'
  | 'caseCitations.list'
  | 'caseCitations.pick'
  | 'caseCitations.unpick';

export function evidenceHandlers({ db }: EngineContext): HandlerSet<EvidenceCalls> {
  const q = citationQueries(db);
  const detail = caseDetailReader(db);
  const denials = denialQueries(db);
  const touch = touchCase(db);

  const forCase = (caseId: number): CaseCitations => {
    const d = detail(caseId, { withDocuments: false });
    const picked = q.picked(caseId);
    const category = denials.forCase(caseId)[0]?.category ?? null;
    const suggested = suggestCitations(
      q.everything(),
      {
        requestedTreatment: d.case.requestedTreatment,
        diagnosisCodes: d.diagnoses.map((x) => x.icd10Code),
        medicationTrials: d.treatments.filter((t) => t.kind === 'medication').length,
        category,
      },
      new Set(picked.map((c) => c.id)),
    );
    return { picked, suggested };
  };

  return {
    'citations.list': ({ query, treatment }) => q.list(query, treatment),
    'citations.get': ({ id }) => q.table.get(id),
    'citations.create': (values) => q.table.insert({ ...values, sourceKey: null }),
    'citations.update': ({ id, version, values }) =>
      q.table.patch(id, { version, changes: values, at: 'values' }, citationFields),
    'citations.delete': ({ id }) => {
      q.table.get(id);
      q.table.remove(id);
      return null;
    },
    'caseCitations.list': ({ caseId }) => forCase(caseId),
    'caseCitations.pick': ({ caseId, citationId }) => {
      q.table.get(citationId);
      touch(caseId);
      q.pick(caseId, citationId);
      return forCase(caseId);
    },
    'caseCitations.unpick': ({ caseId, citationId }) => {
      touch(caseId);
      if (q.unpick(caseId, citationId).changes === 0) {
        throw new AppError('not-found', 'That citation is not picked for this case.');
      }
      return forCase(caseId);
    },
  };
}
