// The rows of the case list and of search results.
import { Link } from 'react-router';
import type { CaseSummary } from '../../../electron/contract/case';
import { formatDate, orDash } from '../lib/format';
import { DataTable } from './data-table';
import { StatusBadge } from './status-badge';
import { SampleBadge } from '../features/first-run/sample';

export function CaseTable({
  cases,
  caption,
  sampleCaseId = null,
}: {
  cases: CaseSummary[];
  caption: string;
  /** The fictional sample case, badged so it is never mistaken for a real one. */
  sampleCaseId?: number | null;
}) {
  return (
    <DataTable
      caption={caption}
      rows={cases}
      columns={[
        {
          header: 'Client',
          render: (c) => (
            <>
              <Link to={`/cases/${c.id}`}>{c.clientName}</Link>
              {c.id === sampleCaseId && (
                <>
                  {' '}
                  <SampleBadge />
                </>
              )}
            </>
          ),
        },
        { header: 'Treatment', render: (c) => c.requestedTreatment },
        { header: 'Status', render: (c) => <StatusBadge status={c.status} /> },
        { header: 'Insurer', render: (c) => orDash(c.insurerName) },
        { header: 'Member ID', render: (c) => orDash(c.memberId) },
        { header: 'Next due', render: (c) => formatDate(c.nextDueOn) },
        { header: 'Updated', render: (c) => formatDate(c.updatedAt) },
      ]}
    />
  );
}
