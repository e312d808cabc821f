// The client page's authorizations: each one with its status and expiry, added and edited in a
// dialog (an edit from a stale copy is refused and shown), and written out as the form to sign.
import { useState } from 'react';
import { Link } from 'react-router';
import type {
  AuthorizationKind,
  AuthorizationView,
} from '../../../../electron/contract/authorization';
import {
  AUTHORIZATION_KIND,
  AUTHORIZATION_STATUS,
} from '../../../../electron/contract/authorization';
import type { CaseSummary } from '../../../../electron/contract/case';
import type { LetterKind } from '../../../../electron/contract/letter';
import type { AppError } from '../../../../electron/contract/errors';
import { asAppError, call } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DataTable } from '../../components/data-table';
import { EntityForm } from '../../components/entity-form';
import { ErrorBanner } from '../../components/error-banner';
import { Modal } from '../../components/modal';
import { RowActions } from '../../components/row-actions';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { authorizationSpecs } from './authorization-specs';
import { localDate } from '../../lib/local-date';
import './authorizations.css';

/** The form each kind is written out as. */
const FORM_OF: Record<AuthorizationKind, LetterKind> = {
  'medicare-representative': 'cms-1696',
  'plan-representative': 'representative-designation',
  'hipaa-release': 'hipaa-authorization',
  'congressional-release': 'congressional-release',
};

type Editing =
  | { mode: 'add'; kind: AuthorizationKind }
  | { mode: 'edit'; row: AuthorizationView }
  | { mode: 'delete'; row: AuthorizationView }
  | null;

function expiryText(a: AuthorizationView, today: string): string {
  if (a.expiresOn) return `${a.expiresOn < today ? 'Expired' : 'Until'} ${formatDate(a.expiresOn)}`;
  if (a.expiryEvent) return `Until ${a.expiryEvent}`;
  if (a.kind === 'medicare-representative') return 'One year from the later signature';
  return '—';
}

export function AuthorizationsSection({
  clientId,
  cases,
}: {
  clientId: number;
  cases: CaseSummary[];
}) {
  const list = useLoad(() => call('authorizations.list', { clientId }), [clientId]);
  const caseIds = cases.map((c) => c.id).join(',');
  const documents = useLoad(async () => {
    const pages = await Promise.all(
      cases.map((c) => call('documents.list', { caseId: c.id, limit: 1000 })),
    );
    return pages.flatMap((p) => p.items);
  }, [caseIds]);
  const [editing, setEditing] = useState<Editing>(null);
  const [kind, setKind] = useState<AuthorizationKind>('medicare-representative');
  const [written, setWritten] = useState<{ caseId: number; fileName: string } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const today = localDate();
  const rows = list.data ?? [];
  const docs = documents.data ?? [];
  const choices = {
    values: docs.map((d) => String(d.id)),
    labels: Object.fromEntries(docs.map((d) => [String(d.id), d.fileName])),
  };
  // Forms are written into the client's newest case (letters live with a case).
  const caseForForms = cases[0];
  const close = () => setEditing(null);
  const editedRow =
    editing?.mode === 'edit' ? (rows.find((r) => r.id === editing.row.id) ?? editing.row) : null;

  const writeForm = async (a: AuthorizationView) => {
    if (!caseForForms) return;
    try {
      const letter = await call('letters.generate', {
        caseId: caseForForms.id,
        kind: FORM_OF[a.kind],
        authorizationId: a.id,
      });
      setWritten({ caseId: caseForForms.id, fileName: letter.fileName });
      setError(null);
    } catch (e) {
      setError(asAppError(e));
    }
  };

  const submit = async (values: Record<string, unknown>, version: number | undefined) => {
    const v = { ...values };
    if (typeof v.documentId === 'string') v.documentId = Number(v.documentId);
    if (editing?.mode === 'add') {
      await call('authorizations.create', {
        clientId,
        values: { kind: editing.kind, ...v } as never,
      });
    } else if (editing?.mode === 'edit') {
      await call('authorizations.update', {
        id: editing.row.id,
        version: version ?? editing.row.version,
        values: v as never,
      });
    }
    close();
    list.reload();
  };

  return (
    <section className="card" aria-labelledby="client-authorizations">
      <div className="card-header">
        <h2 id="client-authorizations" tabIndex={-1}>
          Authorizations
        </h2>
        <div className="authorization-kind-picker">
          <label htmlFor="authorization-kind" className="visually-hidden">
            Kind of authorization
          </label>
          <select
            id="authorization-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as AuthorizationKind)}
          >
            {AUTHORIZATION_KIND.values.map((k) => (
              <option key={k} value={k}>
                {AUTHORIZATION_KIND.labels[k]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            onClick={() => setEditing({ mode: 'add', kind })}
          >
            Add authorization
          </button>
        </div>
      </div>
      <ErrorBanner error={list.error ?? error} />
      {written && (
        <div className="banner banner-ok authorization-written" role="status">
          Wrote {written.fileName} into the case’s documents.{' '}
          <Link to={`/cases/${written.caseId}?focus=section-documents`}>Open the case</Link>
        </div>
      )}
      {rows.length === 0 ? (
        <p className="empty-note">
          No authorizations yet. An appeal filed for the client needs their appointment of you (a
          CMS-1696 for Medicare, the plan’s designation otherwise).
        </p>
      ) : (
        <DataTable
          caption="Authorizations"
          rows={rows}
          columns={[
            {
              header: 'Kind',
              render: (a) => (
                <>
                  {AUTHORIZATION_KIND.labels[a.kind]}
                  {a.notices.map((n) => (
                    <p key={n} className="authorization-notice field-note-warning" role="note">
                      {n}
                    </p>
                  ))}
                </>
              ),
            },
            {
              header: 'Status',
              render: (a) =>
                `${AUTHORIZATION_STATUS.labels[a.status]}${a.status === 'signed' && !a.inForce ? ' — not in force' : ''}`,
            },
            {
              header: 'Signed',
              render: (a) =>
                [a.partySignedOn, a.representativeSignedOn]
                  .filter(Boolean)
                  .map((d) => formatDate(d))
                  .join(' · ') || '—',
            },
            {
              header: 'Expiry',
              render: (a) => (
                <span
                  className={
                    a.expiresOn && a.expiresOn < today ? 'authorization-expired' : undefined
                  }
                >
                  {expiryText(a, today)}
                </span>
              ),
            },
            { header: 'Attached', render: (a) => a.documentName ?? '—' },
          ]}
          actions={(a) => (
            <>
              {caseForForms && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void writeForm(a)}
                  aria-label={`Write the form for ${AUTHORIZATION_KIND.labels[a.kind]}`}
                >
                  Write form
                </button>
              )}
              <RowActions
                name="authorization"
                onEdit={() => setEditing({ mode: 'edit', row: a })}
                onDelete={() => setEditing({ mode: 'delete', row: a })}
              />
            </>
          )}
        />
      )}
      {(editing?.mode === 'add' || editing?.mode === 'edit') && (
        <Modal
          title={`${editing.mode === 'add' ? 'Add' : 'Edit'} ${AUTHORIZATION_KIND.labels[editing.mode === 'add' ? editing.kind : editing.row.kind]}`}
          onClose={close}
        >
          {editedRow?.notices.map((n) => (
            <div key={n} className="banner banner-warn" role="note">
              {n}
            </div>
          ))}
          <EntityForm
            formId="authorization-form"
            specs={authorizationSpecs(
              editing.mode === 'add' ? editing.kind : editing.row.kind,
              choices,
            )}
            initial={editedRow}
            submitLabel={editing.mode === 'add' ? 'Add authorization' : 'Save changes'}
            onCancel={close}
            onSubmit={submit}
          />
        </Modal>
      )}
      {editing?.mode === 'delete' && (
        <ConfirmDialog
          title="Delete authorization?"
          message="This authorization will be removed from the client. Its attached file stays with the case. This cannot be undone."
          confirmLabel="Delete authorization"
          onClose={close}
          onConfirm={async () => {
            await call('authorizations.delete', { id: editing.row.id });
            list.reload();
          }}
        />
      )}
    </section>
  );
}
