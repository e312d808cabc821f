// The dashboard's "Authorizations expiring" card: signed authorizations that run out within 60
// days or already have, for clients with an open case, soonest first, a page at a time.
import { useState } from 'react';
import { Link } from 'react-router';
import { AUTHORIZATION_KIND } from '../../../../electron/contract/authorization';
import { MAX_PAGE } from '../../../../electron/contract/paging';
import { call } from '../../api';
import { DataTable } from '../../components/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { ShowMore } from '../../components/show-more';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { localDate } from '../../lib/local-date';

const PAGE = 10;
const WITHIN_DAYS = 60;

export function ExpiringAuthorizations() {
  const [limit, setLimit] = useState(PAGE);
  const today = localDate();
  const { data, error } = useLoad(
    () => call('expiringAuthorizations.list', { today, withinDays: WITHIN_DAYS, limit }),
    [today, limit],
  );
  return (
    <section className="card" aria-labelledby="authorizations-expiring">
      <div className="card-header">
        <h2 id="authorizations-expiring">Authorizations expiring</h2>
      </div>
      <ErrorBanner error={error} />
      {data && data.total === 0 ? (
        <p className="empty-note">
          No signed authorization runs out in the next {WITHIN_DAYS} days for a client with an open
          case.
        </p>
      ) : data ? (
        <DataTable
          caption="Authorizations expiring"
          rows={data.items}
          columns={[
            {
              header: 'Client',
              render: (a) => (
                <Link to={`/clients/${a.clientId}?focus=client-authorizations`}>
                  {a.clientName}
                </Link>
              ),
            },
            { header: 'Authorization', render: (a) => AUTHORIZATION_KIND.labels[a.kind] },
            {
              header: 'Expires',
              render: (a) => (
                <span className={a.expiresOn < today ? 'authorization-expired' : undefined}>
                  {a.expiresOn < today ? 'Expired ' : ''}
                  {formatDate(a.expiresOn)}
                </span>
              ),
            },
            { header: 'Case', render: (a) => <Link to={`/cases/${a.caseId}`}>Open case</Link> },
          ]}
        />
      ) : (
        <p>Loading…</p>
      )}
      {data && (
        <ShowMore
          shown={data.items.length}
          total={data.total}
          step={PAGE}
          noun={['authorization', 'authorizations']}
          onMore={() => setLimit((l) => Math.min(MAX_PAGE, l + PAGE))}
        />
      )}
    </section>
  );
}
