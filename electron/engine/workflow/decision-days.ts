// The insurer's time to decide, as data the database can use (migration 0020): for each plan
// type, waiting stage and kind of claim, how many days after the request the decision is due.
// The rules (deadlines/rules.ts) stay the one source: these rows are read off them at every
// start, and when they differ from the library's (a newer app, new rules) the rows are replaced
// and every waiting case's date recomputed, in one transaction.
import type { Database } from 'better-sqlite3';
import { CLAIM_TYPE, WAITING_STAGES } from '../../contract/workflow';
import { PLAN_TYPE } from '../../contract/choices';
import { decisionDue } from '../deadlines/rules';
import { daysBetween } from '../deadlines/plain-date';

interface DecisionDays {
  plan_type: string;
  stage: string;
  claim_type: string;
  days: number;
}

/** Any day will do: every rule is a number of days after it. */
const ANY_DAY = '2001-01-01';

/** The rows the rules give. */
export function decisionDaysFromRules(): DecisionDays[] {
  const rows: DecisionDays[] = [];
  for (const planType of [null, ...PLAN_TYPE.values]) {
    for (const stage of WAITING_STAGES) {
      for (const claimType of CLAIM_TYPE.values) {
        const rule = decisionDue({ planType, stage, claimType, submittedOn: ANY_DAY });
        if (!rule) continue;
        rows.push({
          plan_type: planType ?? '',
          stage,
          claim_type: claimType,
          days: daysBetween(ANY_DAY, rule.dueOn),
        });
      }
    }
  }
  return rows;
}

/** The rows as one comparable text, whatever their order. */
const asText = (rows: DecisionDays[]) =>
  rows
    .map((r) => `${r.plan_type}|${r.stage}|${r.claim_type}=${r.days}`)
    .sort()
    .join('\n');

/** Brings the library's decision days in line with the rules; writes only when they differ. */
export function syncDecisionDays(db: Database): void {
  const wanted = decisionDaysFromRules();
  const held = db.prepare<[], DecisionDays>(
    'SELECT plan_type, stage, claim_type, days FROM decision_days',
  );
  const same = () => asText(held.all()) === asText(wanted);
  if (same()) return;
  db.transaction(() => {
    // Another process may have brought them in line since the look above.
    if (same()) return;
    db.exec('DELETE FROM decision_days');
    const insert = db.prepare(
      'INSERT INTO decision_days (plan_type, stage, claim_type, days) VALUES (@plan_type, @stage, @claim_type, @days)',
    );
    for (const row of wanted) insert.run(row);
    db.exec('DELETE FROM case_waits; INSERT INTO case_waits SELECT * FROM case_wait_source;');
  }).immediate();
}
