// The case's history: who changed what and when, newest first, one row per change.
import { actorInWords } from '../../../../electron/contract/history-phrases';
import { fieldLabel } from '../../../../electron/contract/labels';
import type { HistoryEntry } from '../../../../electron/contract/safety';
import { call } from '../../api';
import { DataTable } from '../../components/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { useLoad } from '../../lib/use-load';

const WHAT: Record<string, string> = {
  cases: 'Case',
  diagnoses: 'Diagnosis',
  treatments: 'Treatment',
  assessments: 'Score',
  communications: 'Log entry',
  deadlines: 'Deadline or task',
  documents: 'Document',
  denials: 'Denial',
  authorizations: 'Authorization (client’s)',
  accessAttempts: 'Provider tried',
  networkRequests: 'Network request',
  peerCalls: 'Peer-to-peer call',
  enrolments: 'Help beyond the plan',
  benefitsChecks: 'Benefits check',
};

/** A column ("provider_npi") in the words the forms use ("Provider NPI"). */
const columnLabel = (column: string) =>
  fieldLabel(column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
const show = (v: HistoryEntry['oldValue']) => (v === null || v === '' ? '—' : String(v));

function describe(h: HistoryEntry): string {
  if (h.action === 'create') return `Added ${show(h.newValue)}`;
  if (h.action === 'delete') return `Deleted ${show(h.oldValue)}`;
  return `Changed ${columnLabel(h.field ?? '')} from ${show(h.oldValue)} to ${show(h.newValue)}`;
}

/** "root via browser: cases.update" → "root, in the browser: Changed the case". */
function who(h: HistoryEntry): string {
  const { who: person, where, did } = actorInWords(h.actor);
  return `${person}${where ? `, ${where}` : ''}${did ? `: ${did}` : ''}`;
}

/** `version` changes whenever the case page reloads, so the history follows each save. */
export function HistorySection({ caseId, version }: { caseId: number; version: string }) {
  const { data, error } = useLoad(() => call('cases.history', { caseId }), [caseId, version]);
  return (
    <section className="card" aria-labelledby="section-history">
      <div className="card-header">
        <h2 id="section-history">History</h2>
      </div>
      <ErrorBanner error={error} />
      {data && data.length === 0 && <p>No changes recorded yet.</p>}
      {data && data.length > 0 && (
        // Folded by default: the history is long and the records above are what a person works on.
        <details className="history">
          <summary>
            Show {data.length === 1 ? 'the one change' : `all ${data.length} changes`}, newest first
          </summary>
          <DataTable
            caption="Changes to this case, newest first"
            rows={data}
            columns={[
              { header: 'When', render: (h) => new Date(h.changedAt).toLocaleString('en-US') },
              { header: 'What', render: (h) => WHAT[h.tableName] ?? h.tableName },
              { header: 'Change', render: describe },
              { header: 'Who', render: who },
            ]}
          />
        </details>
      )}
    </section>
  );
}
