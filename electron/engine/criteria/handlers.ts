// Criteria sets the advocate creates, copies and edits, and each case's link to its set with the
// advocate's answers. Every edit is made from a version: one made from a stale copy is refused.
import type { CriteriaSet, CriteriaSetValues } from '../../contract/criteria';
import { criteriaSetFields } from '../../contract/criteria';
import { AppError } from '../../contract/errors';
import { fieldLabel } from '../../contract/labels';
import type { EngineContext, HandlerSet } from '../context';
import { touchCase } from '../cases/touch';
import { changeLog, conflictError, conflictingFields } from '../db/versions';
import { caseCriteriaReader } from './case-criteria';
import { criteriaQueries } from './queries';

type CriteriaCalls =
  | 'criteria.list'
  | 'criteria.get'
  | 'criteria.create'
  | 'criteria.update'
  | 'criteria.copy'
  | 'criteria.delete'
  | 'caseCriteria.get'
  | 'caseCriteria.link'
  | 'caseCriteria.answer';

const SET_FIELDS = Object.keys(criteriaSetFields.shape) as (keyof CriteriaSetValues)[];
const valuesOf = (set: CriteriaSet): CriteriaSetValues =>
  Object.fromEntries(SET_FIELDS.map((f) => [f, set[f]])) as unknown as CriteriaSetValues;

const FIELD_NAMES: Record<string, string> = {
  payer: 'Payer',
  treatment: 'Treatment',
  policyName: 'Policy name',
  policyNumber: 'Policy number',
  effectiveDate: 'Effective date',
  sourceUrl: 'Source',
  sourceText: 'Policy’s own words',
  criteria: 'Criteria',
  setId: 'Criteria set',
  answers: 'Answers',
};
const name = (f: string) => FIELD_NAMES[f] ?? fieldLabel(f);

export function criteriaHandlers({ db }: EngineContext): HandlerSet<CriteriaCalls> {
  const q = criteriaQueries(db);
  const changes = changeLog(db);
  const caseCriteria = caseCriteriaReader(db);
  const touch = touchCase(db);

  /** The case's link as read, refused when the caller's copy is older. */
  const currentLink = (caseId: number, version: number) => {
    touch(caseId);
    const link = q.link(caseId);
    const now = link?.version ?? 0;
    if (now !== version) {
      const changed = link ? changes.changedSince('case_criteria', link.id, version) : [];
      throw conflictError('case’s criteria', changed, link ?? {}, now, {
        subject: 'This case’s criteria were',
        name,
      });
    }
    return link;
  };

  return {
    'criteria.list': () => q.list(),
    'criteria.get': ({ id }) => q.get(id),
    'criteria.create': (values) => q.insert(values),
    'criteria.update': ({ id, version, values: patch }) => {
      const current = q.get(id);
      if (version !== current.version) {
        const changed =
          version > current.version
            ? Object.keys(patch)
            : changes.changedSince('criteria_sets', id, version);
        // As for every record: refused whatever the older copy's edit touches, unless it would
        // change nothing. Criteria are compared as written: the same list is no change.
        const record = { ...current, criteria: JSON.stringify(current.criteria) };
        const asSent = {
          ...patch,
          ...(patch.criteria ? { criteria: JSON.stringify(patch.criteria) } : {}),
        };
        if (conflictingFields(Object.keys(asSent), asSent, record).length)
          throw conflictError('criteria set', changed, current, current.version, { name });
      }
      const merged = criteriaSetFields.safeParse({ ...valuesOf(current), ...patch });
      if (!merged.success) {
        throw new AppError(
          'invalid-input',
          `The criteria set was not saved: ${merged.error.issues
            .map((i) => `${i.path.map(String).join(' ')} ${i.message}`)
            .join('; ')}.`,
        );
      }
      // An edit that changes nothing writes nothing: the version stays, so other copies stay good.
      if (JSON.stringify(merged.data) === JSON.stringify(valuesOf(current))) return current;
      const saved = q.update(id, merged.data, current.version);
      if (!saved) throw conflictError('criteria set', [], current, current.version, { name });
      return saved;
    },
    'criteria.copy': ({ id }) => {
      const source = q.get(id);
      return q.insert({
        ...valuesOf(source),
        policyName: `${source.policyName} (copy)`.slice(0, 300),
      });
    },
    'criteria.delete': ({ id }) => {
      if (!q.remove(id))
        throw new AppError('not-found', `No criteria set with id ${id}; it may have been deleted.`);
      return null;
    },
    'caseCriteria.get': ({ caseId }) => caseCriteria(caseId),
    'caseCriteria.link': ({ caseId, setId, version }) => {
      const link = currentLink(caseId, version);
      if (setId !== null) q.get(setId);
      const saved = q.writeLink(caseId, { setId, answers: link?.answers ?? {} }, version);
      if (!saved) throw conflictError('case’s criteria', [], link ?? {}, version, { name });
      return caseCriteria(caseId);
    },
    'caseCriteria.answer': ({ caseId, key, answer, version }) => {
      const link = currentLink(caseId, version);
      if (!link?.setId)
        throw new AppError(
          'invalid-input',
          'Link the case to a criteria set before answering its criteria.',
          'key',
        );
      const answers = { ...(link?.answers ?? {}) };
      if (answer) answers[key] = answer;
      else delete answers[key];
      const saved = q.writeLink(caseId, { setId: link?.setId ?? null, answers }, version);
      if (!saved) throw conflictError('case’s criteria', [], link ?? {}, version, { name });
      return caseCriteria(caseId);
    },
  };
}
