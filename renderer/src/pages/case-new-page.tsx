// Opens a case for a client: the client is chosen first, then the case's details.
import { Link, useNavigate, useSearchParams } from 'react-router';
import { call } from '../api';
import { EntityForm } from '../components/entity-form';
import { ErrorBanner } from '../components/error-banner';
import type { FieldSpec } from '../lib/form';
import { CASE_SPECS } from '../lib/specs';
import { useLoad } from '../lib/use-load';

export function CaseNewPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: clients, error } = useLoad(() => call('clients.list', {}), []);

  if (!clients) {
    return <div className="page">{error ? <ErrorBanner error={error} /> : <p>Loading…</p>}</div>;
  }
  if (clients.length === 0) {
    return (
      <div className="page">
        <h1>New case</h1>
        <div className="empty-state">
          <h2>Add a client first</h2>
          <p>Every case belongs to a client.</p>
          <Link className="button button-primary" to="/clients/new">
            New client
          </Link>
        </div>
      </div>
    );
  }

  // The client picker is one more choice field, its values being client ids.
  const clientSpec: FieldSpec = {
    name: 'clientId',
    label: 'Client',
    type: 'select',
    required: true,
    choices: {
      values: clients.map((c) => String(c.id)),
      labels: Object.fromEntries(
        clients.map((c) => [String(c.id), `${c.lastName}, ${c.firstName}`]),
      ),
    },
  };
  const specs = [clientSpec, ...CASE_SPECS];
  const chosen = params.get('clientId');

  return (
    <div className="page page-narrow">
      <h1>New case</h1>
      <section className="card">
        <EntityForm
          formId="new-case"
          specs={specs}
          initial={chosen ? { clientId: chosen } : null}
          submitLabel="Create case"
          onCancel={() => navigate(-1)}
          onSubmit={async (values) => {
            const created = await call('cases.create', {
              ...values,
              clientId: Number(values.clientId),
            } as never);
            navigate(`/cases/${created.id}`);
          }}
        />
      </section>
    </div>
  );
}
