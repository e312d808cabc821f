// Adds a client, or edits one and lists their cases.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { call } from '../../api';
import { CaseTable } from '../../components/case-table';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EntityForm } from '../../components/entity-form';
import { ErrorBanner } from '../../components/error-banner';
import { fullName } from '../../lib/format';
import { CLIENT_SPECS } from '../../lib/specs';
import { useFocusFromQuery } from '../../lib/use-focus-from-query';
import { useLoad } from '../../lib/use-load';
import { AuthorizationsSection } from '../authorizations/authorizations-section';

export function ClientNewPage() {
  const navigate = useNavigate();
  return (
    <div className="page page-narrow">
      <h1>New client</h1>
      <section className="card">
        <EntityForm
          formId="client"
          specs={CLIENT_SPECS}
          submitLabel="Create client"
          onCancel={() => navigate(-1)}
          onSubmit={async (values) => {
            const created = await call('clients.create', values as never);
            navigate(`/clients/${created.id}`);
          }}
        />
      </section>
    </div>
  );
}

export function ClientEditPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const client = useLoad(() => call('clients.get', { id }), [id]);
  const cases = useLoad(() => call('cases.list', { clientId: id, limit: 1000 }), [id]);
  useFocusFromQuery(client.data !== null);

  if (!client.data) {
    return (
      <div className="page">
        {client.error ? <ErrorBanner error={client.error} /> : <p>Loading…</p>}
      </div>
    );
  }
  const theirs = cases.data?.items ?? [];

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/clients">Clients</Link> <span aria-hidden="true">/</span> {fullName(client.data)}
      </nav>
      <div className="page-header">
        <h1>{fullName(client.data)}</h1>
        <div className="page-actions">
          <button
            type="button"
            className="button button-ghost-danger"
            onClick={() => setConfirmDelete(true)}
          >
            Delete client
          </button>
          <Link className="button button-primary" to={`/cases/new?clientId=${id}`}>
            New case for this client
          </Link>
        </div>
      </div>
      <section className="card" aria-labelledby="client-cases">
        <div className="card-header">
          <h2 id="client-cases">Cases</h2>
        </div>
        {theirs.length === 0 ? (
          <p className="empty-note">No cases yet for this client.</p>
        ) : (
          <CaseTable cases={theirs} caption="Cases of this client" />
        )}
      </section>
      <AuthorizationsSection clientId={id} cases={theirs} />
      <section className="card" aria-labelledby="client-details">
        <div className="card-header">
          <h2 id="client-details">Details</h2>
        </div>
        <EntityForm
          key={id}
          formId="client"
          specs={CLIENT_SPECS}
          initial={client.data}
          submitLabel="Save client"
          onSubmit={async (changes, version) => {
            const saved = await call('clients.update', {
              ...changes,
              id,
              version: version ?? client.data!.version,
            } as never);
            client.reload();
            return saved;
          }}
        />
      </section>
      {confirmDelete && (
        <ConfirmDialog
          title="Delete this client?"
          message="The client and their details will be deleted. A client who still has cases cannot be deleted."
          confirmLabel="Delete client"
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            await call('clients.delete', { id });
            navigate('/clients');
          }}
        />
      )}
    </div>
  );
}
