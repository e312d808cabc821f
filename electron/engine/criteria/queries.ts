// SQL for criteria sets and each case's link to its set, with bound parameters.
import type { Database } from 'better-sqlite3';
import type {
  CriteriaSet,
  CriteriaSetSummary,
  CriteriaSetValues,
  Criterion,
  CriterionAnswer,
} from '../../contract/criteria';
import { AppError } from '../../contract/errors';
import { fromRow } from '../db/table';

type SetRow = Omit<CriteriaSet, 'criteria'> & { criteria: string };

export interface CaseLink {
  id: number;
  caseId: number;
  setId: number | null;
  answers: Record<string, CriterionAnswer>;
  version: number;
}

const toSet = (row: unknown): CriteriaSet => {
  const r = fromRow<SetRow>(row);
  return { ...r, criteria: JSON.parse(r.criteria) as Criterion[] };
};

export function criteriaQueries(db: Database) {
  const list = db.prepare(`
    SELECT s.id, s.payer, s.policy_name, s.policy_number, s.treatment, s.effective_date, s.starter_key,
      json_array_length(s.criteria) AS criteria_count,
      (SELECT count(*) FROM case_criteria cc WHERE cc.set_id = s.id) AS case_count
    FROM criteria_sets s ORDER BY s.treatment COLLATE NOCASE, s.payer COLLATE NOCASE, s.id`);
  const get = db.prepare('SELECT * FROM criteria_sets WHERE id = ?');
  const insert = db.prepare(`
    INSERT INTO criteria_sets (payer, policy_name, policy_number, treatment, effective_date,
      source_url, source_text, criteria)
    VALUES (@payer, @policyName, @policyNumber, @treatment, @effectiveDate, @sourceUrl,
      @sourceText, @criteria) RETURNING *`);
  // The version moves on with the write, and only from the version read (see db/versions.ts).
  const update = db.prepare(`
    UPDATE criteria_sets SET payer = @payer, policy_name = @policyName,
      policy_number = @policyNumber, treatment = @treatment, effective_date = @effectiveDate,
      source_url = @sourceUrl, source_text = @sourceText, criteria = @criteria,
      version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE id = @id AND version = @expected RETURNING *`);
  const remove = db.prepare('DELETE FROM criteria_sets WHERE id = ?');
  const link = db.prepare('SELECT * FROM case_criteria WHERE case_id = ?');
  const insertLink = db.prepare(`
    INSERT INTO case_criteria (case_id, set_id, answers) VALUES (@caseId, @setId, @answers)
    RETURNING *`);
  const updateLink = db.prepare(`
    UPDATE case_criteria SET set_id = @setId, answers = @answers, version = version + 1,
      updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE case_id = @caseId AND version = @expected RETURNING *`);

  const toLink = (row: unknown): CaseLink => {
    const r = fromRow<Omit<CaseLink, 'answers'> & { answers: string }>(row);
    return { ...r, answers: JSON.parse(r.answers) as Record<string, CriterionAnswer> };
  };
  const stored = (v: CriteriaSetValues) => ({ ...v, criteria: JSON.stringify(v.criteria) });

  return {
    list: () => list.all().map((r) => fromRow<CriteriaSetSummary>(r)),
    find(id: number): CriteriaSet | undefined {
      const row = get.get(id);
      return row === undefined ? undefined : toSet(row);
    },
    get(id: number): CriteriaSet {
      const row = get.get(id);
      if (row === undefined)
        throw new AppError('not-found', `No criteria set with id ${id}; it may have been deleted.`);
      return toSet(row);
    },
    insert: (values: CriteriaSetValues) => toSet(insert.get(stored(values))),
    /** Writes the whole set if it is still at `expected`; undefined when another edit got there. */
    update: (id: number, values: CriteriaSetValues, expected: number) => {
      const row = update.get({ ...stored(values), id, expected });
      return row === undefined ? undefined : toSet(row);
    },
    remove: (id: number) => remove.run(id).changes > 0,
    link(caseId: number): CaseLink | undefined {
      const row = link.get(caseId);
      return row === undefined ? undefined : toLink(row);
    },
    /** Creates the case's link (version 1), or writes it if still at `expected`. */
    writeLink(
      caseId: number,
      values: { setId: number | null; answers: Record<string, CriterionAnswer> },
      expected: number,
    ): CaseLink | undefined {
      const args = { caseId, setId: values.setId, answers: JSON.stringify(values.answers) };
      const row = expected === 0 ? insertLink.get(args) : updateLink.get({ ...args, expected });
      return row === undefined ? undefined : toLink(row);
    },
  };
}
