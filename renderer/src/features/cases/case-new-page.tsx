// Opens a case for a client: the client is chosen first (found by name in a large library),
// then the case's details.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ClientSummary } from '../../../../electron/contract/client';
import { call } from '../../api';
import { count } from '../../components/show-more';
import { EntityForm } from '../../components/entity-form';
import { ErrorBanner } from '../../components/error-banner';
import type { FieldSpec } from '../../lib/form';
import { CASE_SPECS } from '../../lib/specs';
import { useLoad } from '../../lib/use-load';

/** Clients offered in the picker at once; typing finds the others. */
const PICKER = 200;

export function CaseNewPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const chosen = params.get('clientId');
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const { data, error } = useLoad(async () => {
    const page = await call('clients.list', { ...(query ? { query } : {}), limit: PICKER });
    // The client the page was opened for stays choosable whatever the search shows.
    const missing = chosen && !page.items.some((c) => String(c.id) === chosen);
    const extra: ClientSummary[] = missing
      ? [{ ...(await call('clients.get', { id: Number(chosen) })), caseCount: 0 }]
      : [];
    return { ...page, clients: [...extra, ...page.items] };
  }, [query, chosen]);

  if (!data) {
    return <div className="page">{error ? <ErrorBanner error={error} /> : <p>Loading…</p>}</div>;
  }
  const { clients } = data;
  if (clients.length === 0 && query === '') {
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

  return (
    <div className="page page-narrow">
      <h1>New case</h1>
      {(data.total > PICKER || query !== '') && (
        <div className="field">
          <label htmlFor="client-find">Find the client</label>
          <input
            id="client-find"
            type="search"
            placeholder="Part of their name"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <p className="field-hint" role="status">
            {data.total > data.items.length
              ? `The list below shows ${count(data.items.length)} of ${count(data.total)} clients: type part of a name to find another.`
              : `${count(data.total)} ${data.total === 1 ? 'client matches' : 'clients match'}.`}
          </p>
        </div>
      )}
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
