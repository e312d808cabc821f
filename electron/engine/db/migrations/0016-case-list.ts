// The case list sorted and filtered the ways an advocate with many cases asks for it: by insurer,
// treatment and plan type through their own indexes, and by the next open deadline through a
// table triggers keep (one row per case with an open deadline or task), so "due within 14 days"
// and "soonest due first" read an index instead of every case's deadlines.
import type { Migration } from '../migrate';

// Joined to its case: while a deleted case's deadlines go with it, its row is not written back.
const refreshNextDue = (caseId: string) => `
  DELETE FROM case_next_due WHERE case_id = ${caseId};
  INSERT INTO case_next_due (case_id, due_on)
    SELECT d.case_id, min(d.due_on) FROM deadlines d JOIN cases k ON k.id = d.case_id
    WHERE d.case_id = ${caseId} AND d.completed_on IS NULL GROUP BY d.case_id;`;

export const caseList: Migration = {
  version: 16,
  name: 'case-list',
  sql: `
CREATE INDEX cases_insurer_updated ON cases(insurer_name COLLATE NOCASE, updated_at);
CREATE INDEX cases_treatment_updated ON cases(requested_treatment COLLATE NOCASE, updated_at);
CREATE INDEX cases_plan_updated ON cases(plan_type, updated_at);

CREATE TABLE case_next_due (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  due_on TEXT NOT NULL
) STRICT;
CREATE INDEX case_next_due_on ON case_next_due(due_on);
INSERT INTO case_next_due (case_id, due_on)
  SELECT case_id, min(due_on) FROM deadlines WHERE completed_on IS NULL GROUP BY case_id;
CREATE TRIGGER deadlines_next_due_insert AFTER INSERT ON deadlines BEGIN
  ${refreshNextDue('new.case_id')}
END;
CREATE TRIGGER deadlines_next_due_update AFTER UPDATE OF case_id, due_on, completed_on ON deadlines BEGIN
  ${refreshNextDue('old.case_id')}
  ${refreshNextDue('new.case_id')}
END;
CREATE TRIGGER deadlines_next_due_delete AFTER DELETE ON deadlines BEGIN
  ${refreshNextDue('old.case_id')}
END;
`,
};
