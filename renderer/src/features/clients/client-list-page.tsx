// Everyone the advocate works for, by name, a page at a time, with a box to find one.
import { Link } from 'react-router';
import { call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { FindToolbar, useFindQuery } from '../../components/find-toolbar';
import { ShowMore, usePageSize } from '../../components/show-more';
import { formatDate, orDash } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { SampleBadge, useSampleStatus } from '../first-run/sample';

const PAGE = 100;

export function ClientListPage() {
  const [text, setText, query] = useFindQuery();
  const [limit, more] = usePageSize(PAGE, query);
  const { data, error, loading } = useLoad(
    () => call('clients.list', { ...(query ? { query } : {}), limit }),
    [query, limit],
  );
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
      <FindToolbar
        id="client-search"
        label="Find clients"
        placeholder="Name, date of birth, phone, email or city"
        text={text}
        onText={setText}
        total={data ? data.total : null}
        noun={['client', 'clients']}
      />
      <ErrorBanner error={error} />
      {data && data.items.length === 0 && query !== '' && !loading && (
        <div className="empty-state">
          <h2>No clients match</h2>
          <p>Try fewer words, or part of a name.</p>
        </div>
      )}
      {data && data.items.length === 0 && query === '' && !loading && (
        <div className="empty-state">
          <h2>No clients yet</h2>
          <p>Add the people you advocate for; each can have several cases.</p>
          <Link className="button button-primary" to="/clients/new">
            Add a client
          </Link>
        </div>
      )}
      {data && data.items.length > 0 && (
        <>
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
                {data.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/clients/${c.id}`}>
                        {c.lastName}, {[c.firstName, c.middleName].filter(Boolean).join(' ')}
                        {c.suffix ? `, ${c.suffix}` : ''}
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
          <ShowMore
            shown={data.items.length}
            total={data.total}
            step={PAGE}
            noun={['client', 'clients']}
            onMore={more}
          />
        </>
      )}
    </div>
  );
}
