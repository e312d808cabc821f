// The records behind the rest of an advocate's paperwork: the access log of in-network providers
// tried, network-gap and single-case requests, peer-to-peer calls, help paying beyond the plan,
// and benefits checks. Each is a case record like a diagnosis: versioned, in the case's history,
// and (for a renewal or an agreement's end) the owner of a deadline row.
import type { Migration } from '../migrate';
import {
  historyInsertDeleteTriggers,
  historyUpdateTrigger,
  versionDeleteTrigger,
  versionUpdateTrigger,
} from './record-triggers';

const now = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const money = (c: string) => `${c} REAL CHECK (${c} IS NULL OR ${c} >= 0)`;

/** Each table's own columns (after id and case_id), and the column its history names it by. */
export const COVERAGE_TABLES: Record<string, { columns: string[]; label: string; owns?: true }> = {
  accessAttempts: {
    label: 'provider_tried',
    columns: [
      'provider_tried TEXT NOT NULL',
      'npi TEXT',
      'attempted_on TEXT NOT NULL',
      'channel TEXT NOT NULL',
      'result TEXT NOT NULL',
      'wait_offered_days INTEGER',
      'distance_miles REAL',
      'notes TEXT',
    ],
  },
  networkRequests: {
    label: 'provider_name',
    owns: true,
    columns: [
      'kind TEXT NOT NULL',
      'provider_name TEXT NOT NULL',
      'rationale TEXT',
      'requested_on TEXT',
      "decision TEXT NOT NULL DEFAULT 'pending'",
      'decided_on TEXT',
      'reference_number TEXT',
      money('approved_rate'),
      'approved_sessions INTEGER',
      'approved_from TEXT',
      'approved_until TEXT',
      'terms TEXT',
    ],
  },
  peerCalls: {
    label: 'asked_for',
    columns: [
      'occurred_on TEXT NOT NULL',
      'reviewer_name TEXT',
      'reviewer_credentials TEXT',
      'asked_for TEXT NOT NULL',
      "outcome TEXT NOT NULL DEFAULT 'pending'",
      'reference_number TEXT',
      'notes TEXT',
    ],
  },
  enrolments: {
    label: 'program',
    owns: true,
    columns: [
      'kind TEXT NOT NULL',
      'program TEXT NOT NULL',
      "status TEXT NOT NULL DEFAULT 'considering'",
      'applied_on TEXT',
      'enrolled_on TEXT',
      money('amount'),
      'amount_basis TEXT',
      money('cap'),
      'renews_on TEXT',
      'reference_number TEXT',
      'contact TEXT',
      'notes TEXT',
    ],
  },
  benefitsChecks: {
    label: 'checked_on',
    columns: [
      'checked_on TEXT NOT NULL',
      "source TEXT NOT NULL DEFAULT 'call'",
      'representative TEXT',
      'reference_number TEXT',
      'service TEXT',
      "network_status TEXT NOT NULL DEFAULT 'unknown'",
      'tier TEXT',
      "prior_auth_required TEXT NOT NULL DEFAULT 'unknown'",
      "referral_required TEXT NOT NULL DEFAULT 'unknown'",
      'visit_limit TEXT',
      'planned_sessions INTEGER',
      ...['in', 'out'].flatMap((p) => [
        money(`${p}_deductible`),
        money(`${p}_deductible_met`),
        money(`${p}_out_of_pocket_max`),
        money(`${p}_out_of_pocket_met`),
        money(`${p}_copay`),
        `${p}_coinsurance_percent REAL`,
        money(`${p}_allowed_amount`),
      ]),
      'notes TEXT',
    ],
  },
};

function tableSql(table: string, spec: (typeof COVERAGE_TABLES)[string]): string {
  const names = [...spec.columns.map((c) => c.split(' ')[0]!), 'source_document_id'];
  return `
CREATE TABLE ${table} (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  ${spec.columns.join(',\n  ')},
  source_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,${
    spec.owns
      ? `
  -- The deadline row this record keeps (a renewal, an agreement's end): see derived-deadline.ts.
  deadline_id INTEGER REFERENCES deadlines(id) ON DELETE SET NULL,`
      : ''
  }
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT ${now},
  updated_at TEXT NOT NULL DEFAULT ${now}
) STRICT;
CREATE INDEX ${table}_case ON ${table}(case_id);
CREATE INDEX ${table}_source ON ${table}(source_document_id) WHERE source_document_id IS NOT NULL;
${versionUpdateTrigger(table, names)}
${versionDeleteTrigger(table)}
${historyInsertDeleteTriggers(table, spec.label)}
${historyUpdateTrigger(table, names)}`;
}

export const coverageWork: Migration = {
  version: 19,
  name: 'coverage-work',
  sql: Object.entries(COVERAGE_TABLES)
    .map(([table, spec]) => tableSql(table, spec))
    .join('\n'),
};
