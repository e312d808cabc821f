// The rows of the case list and of search results.
import { Link } from 'react-router';
import type { CaseSummary } from '../../../electron/contract/case';
import { formatDate, orDash } from '../lib/format';
import { StatusBadge } from './status-badge';

export function CaseTable({ cases, caption }: { cases: CaseSummary[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Treatment</th>
            <th scope="col">Status</th>
            <th scope="col">Insurer</th>
            <th scope="col">Member ID</th>
            <th scope="col">Next due</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/cases/${c.id}`}>{c.clientName}</Link>
              </td>
              <td>{c.requestedTreatment}</td>
              <td>
                <StatusBadge status={c.status} />
              </td>
              <td>{orDash(c.insurerName)}</td>
              <td>{orDash(c.memberId)}</td>
              <td>{formatDate(c.nextDueOn)}</td>
              <td>{formatDate(c.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
