// Everyone the advocate works for.
import { Link } from 'react-router';
import { call } from '../api';
import { ErrorBanner } from '../components/error-banner';
import { formatDate, orDash } from '../lib/format';
import { useLoad } from '../lib/use-load';
import { SampleBadge, useSampleStatus } from '../features/first-run/sample';

export function ClientListPage() {
  const { data, error } = useLoad(() => call('clients.list', {}), []);
  const sample = useSampleStatus();

  return (
    <div className="page">
      <div className="page-header">
        <h1>Clients</h1>
        <div className="page-actions">
          <Link className="button button-primary" to="/clients/new">
            New client
          </Link>
        </div>
      </div>
      <ErrorBanner error={error} />
      {data && data.length === 0 && (
        <div className="empty-state">
          <h2>No clients yet</h2>
          <p>Add the people you advocate for; each can have several cases.</p>
          <Link className="button button-primary" to="/clients/new">
            Add a client
          </Link>
        </div>
      )}
      {data && data.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Clients</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Date of birth</th>
                <th scope="col">State</th>
                <th scope="col">Cases</th>
              </tr>
            </thead>
            <tbody>
              {data.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/clients/${c.id}`}>
                      {c.lastName}, {c.firstName}
                    </Link>
                    {c.id === sample.data?.clientId && (
                      <>
                        {' '}
                        <SampleBadge />
                      </>
                    )}
                  </td>
                  <td>{formatDate(c.dateOfBirth)}</td>
                  <td>{orDash(c.state)}</td>
                  <td>{c.caseCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
