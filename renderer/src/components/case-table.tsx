// The rows of the case list and of search results.
import { Link } from 'react-router';
import type { CaseSort, CaseSummary } from '../../../electron/contract/case';
import { formatDate, orDash } from '../lib/format';
import { DataTable } from './data-table';
import { StatusBadge } from './status-badge';
import { SampleBadge } from '../features/first-run/sample';

/** The rows picked, and how to pick or drop one or all on the page. */
export interface TableSelection {
  picked: ReadonlySet<number>;
  toggle: (id: number) => void;
  setPage: (ids: number[], on: boolean) => void;
}

/** The order a sortable list is in, and how to ask for another. */
export interface TableSort {
  by: CaseSort | null;
  direction: 'asc' | 'desc';
  onSort: (by: CaseSort) => void;
}

export function CaseTable({
  cases,
  caption,
  sampleCaseId = null,
  sort,
  selection,
}: {
  cases: CaseSummary[];
  caption: string;
  /** The fictional sample case, badged so it is never mistaken for a real one. */
  sampleCaseId?: number | null;
  /** Column headers that order the list (the case list); plain headers without. */
  sort?: TableSort;
  /** Rows the user can pick for an action on several at once. */
  selection?: TableSelection;
}) {
  const by = (key: CaseSort) =>
    sort && {
      sort: {
        direction: sort.by === key ? sort.direction : null,
        onSort: () => sort.onSort(key),
      },
    };
  return (
    <DataTable
      caption={caption}
      rows={cases}
      columns={[
        ...(selection
          ? [
              {
                header: 'Pick',
                headerContent: (
                  <input
                    type="checkbox"
                    aria-label="Pick every case on this page"
                    checked={cases.length > 0 && cases.every((c) => selection.picked.has(c.id))}
                    onChange={(e) =>
                      selection.setPage(
                        cases.map((c) => c.id),
                        e.target.checked,
                      )
                    }
                  />
                ),
                render: (c: CaseSummary) => (
                  <input
                    type="checkbox"
                    aria-label={`Pick ${c.clientName}, ${c.requestedTreatment}`}
                    checked={selection.picked.has(c.id)}
                    onChange={() => selection.toggle(c.id)}
                  />
                ),
              },
            ]
          : []),
        {
          header: 'Client',
          ...by('client'),
          render: (c) => (
            <>
              <Link to={`/cases/${c.id}`}>{c.clientName}</Link>
              {c.tags.map((t) => (
                <span key={t} className="badge badge-muted tag-badge">
                  {t}
                </span>
              ))}
              {c.id === sampleCaseId && (
                <>
                  {' '}
                  <SampleBadge />
                </>
              )}
            </>
          ),
        },
        { header: 'Treatment', ...by('treatment'), render: (c) => c.requestedTreatment },
        { header: 'Status', ...by('stage'), render: (c) => <StatusBadge status={c.status} /> },
        { header: 'Insurer', ...by('insurer'), render: (c) => orDash(c.insurerName) },
        {
          header: 'Member ID',
          render: (c) => <span className="identifier">{orDash(c.memberId)}</span>,
        },
        { header: 'Next due', ...by('due'), render: (c) => formatDate(c.nextDueOn) },
        { header: 'Updated', ...by('activity'), render: (c) => formatDate(c.updatedAt) },
      ]}
    />
  );
}
