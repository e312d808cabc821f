// Each waiting case's decision date kept beside it, so the dashboard reads the cases past their
// insurer's time a page at a time from an index, instead of judging every waiting case whenever
// anything changed. The date is the request's day plus a number of days that only the plan type,
// the stage and the kind of claim decide: those numbers live in decision_days, which the engine
// fills from its rules (workflow/decision-days.ts) and refills, recomputing every date, whenever
// a newer app's rules differ.
import type { Migration } from '../migrate';

const WAITING = `('prior-auth-submitted', 'internal-appeal-1', 'internal-appeal-2', 'external-review')`;

export const decisionDates: Migration = {
  version: 20,
  name: 'decision-dates',
  sql: `
CREATE TABLE decision_days (
  plan_type TEXT NOT NULL, -- '' when the case has none recorded
  stage TEXT NOT NULL,
  claim_type TEXT NOT NULL,
  days INTEGER NOT NULL,
  PRIMARY KEY (plan_type, stage, claim_type)
) STRICT, WITHOUT ROWID;

DROP VIEW case_wait_source;
CREATE VIEW case_wait_source AS
SELECT w.*,
  (SELECT date(w.submitted_on, '+' || r.days || ' days') FROM decision_days r
   WHERE r.plan_type = coalesce(w.plan_type, '') AND r.stage = w.status
     AND r.claim_type = coalesce(w.claim_type, w.denial_claim_type, 'pre-service')) AS decision_due_on
FROM (
  SELECT k.id AS case_id, k.status, k.plan_type, cl.state, m.moved_on AS submitted_on, m.claim_type,
    (SELECT claim_type FROM denials dn WHERE dn.case_id = k.id
      ORDER BY dn.denied_on DESC, dn.id DESC LIMIT 1) AS denial_claim_type
  FROM cases k JOIN clients cl ON cl.id = k.client_id
  JOIN stage_moves m ON m.id = (
    SELECT id FROM stage_moves s WHERE s.case_id = k.id AND s.to_stage = k.status
    ORDER BY s.moved_on DESC, s.id DESC LIMIT 1)
  WHERE k.status IN ${WAITING}
) w;

ALTER TABLE case_waits ADD COLUMN decision_due_on TEXT;
CREATE INDEX case_waits_decision ON case_waits(decision_due_on, case_id);
`,
};
