// Schema version 4: the appeal workflow. Each stage move of a case is dated and kept; denials are
// records of their own, each linked to the deadline row that carries its appeal date.
// Self-contained (one file) so it can be renumbered at merge.
import type { Migration } from '../migrate';

const now = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const appealWorkflow: Migration = {
  version: 4,
  name: 'appeal-workflow',
  sql: `
CREATE TABLE stage_moves (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  from_stage TEXT,
  to_stage TEXT NOT NULL,
  moved_on TEXT NOT NULL,
  note TEXT,
  claim_type TEXT,
  created_at TEXT NOT NULL DEFAULT ${now}
) STRICT;
CREATE INDEX stage_moves_case ON stage_moves(case_id, moved_on, id);

CREATE TABLE denials (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  denied_on TEXT NOT NULL,
  received_on TEXT,
  reference_number TEXT,
  reason TEXT NOT NULL,
  service TEXT NOT NULL,
  claim_type TEXT NOT NULL,
  level TEXT NOT NULL,
  letter_deadline_on TEXT,
  override_on TEXT,
  state_window_days INTEGER,
  computed_on TEXT,
  rule TEXT NOT NULL,
  deadline_id INTEGER REFERENCES deadlines(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT ${now},
  updated_at TEXT NOT NULL DEFAULT ${now}
) STRICT;
CREATE INDEX denials_case ON denials(case_id);

-- Cases that existed before history was kept start it with their current stage.
INSERT INTO stage_moves (case_id, from_stage, to_stage, moved_on, note)
  SELECT id, NULL, status, coalesce(opened_on, substr(created_at, 1, 10)), 'Stage when history began'
  FROM cases;
`,
};
