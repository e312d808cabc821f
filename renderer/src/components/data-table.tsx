// The app's one table: a caption for screen readers, a header row, and optional row actions.
import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  render: (row: T) => ReactNode;
  /** Shown in the header cell instead of `header` (a select-all box); `header` stays its key. */
  headerContent?: ReactNode;
  /** A column the list can be ordered by: whether it is now, which way, and how to ask. */
  sort?: { direction: 'asc' | 'desc' | null; onSort: () => void };
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

interface DataTableProps<T extends { id: number }> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  /** Buttons for one row, in a last column headed (for screen readers) by `actionsLabel`. */
  actions?: (row: T) => ReactNode;
  actionsLabel?: string;
}

export function DataTable<T extends { id: number }>(props: DataTableProps<T>) {
  const { caption, columns, rows, actions, actionsLabel = 'Actions' } = props;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                scope="col"
                key={c.header}
                aria-sort={c.sort?.direction ? ARIA_SORT[c.sort.direction] : undefined}
              >
                {c.sort ? (
                  <button type="button" className="sort-header" onClick={c.sort.onSort}>
                    {c.header}
                    <span aria-hidden="true" className="sort-arrow">
                      {c.sort.direction === 'asc' ? ' ▲' : c.sort.direction === 'desc' ? ' ▼' : ''}
                    </span>
                  </button>
                ) : (
                  (c.headerContent ?? c.header)
                )}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">{actionsLabel}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((c) => (
                <td key={c.header}>{c.render(row)}</td>
              ))}
              {actions && <td className="row-actions">{actions(row)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
