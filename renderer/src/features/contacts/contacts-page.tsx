// The address book of insurers, providers, lawmakers and agencies, a page at a time.
import { useState } from 'react';
import { CONTACT_KIND } from '../../../../electron/contract/choices';
import type { Contact } from '../../../../electron/contract/contact';
import { call } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EntityForm } from '../../components/entity-form';
import { ErrorBanner } from '../../components/error-banner';
import { FindToolbar, useFindQuery } from '../../components/find-toolbar';
import { ShowMore, usePageSize } from '../../components/show-more';
import { DataTable } from '../../components/data-table';
import { Modal } from '../../components/modal';
import { RowActions } from '../../components/row-actions';
import { LawmakerImport } from './lawmaker-import';
import { orDash } from '../../lib/format';
import { CONTACT_SPECS } from '../../lib/specs';
import { useLoad } from '../../lib/use-load';

type Editing = { mode: 'add' } | { mode: 'edit' | 'delete'; contact: Contact } | null;

const PAGE = 100;

export function ContactsPage() {
  const [text, setText, query] = useFindQuery();
  const [limit, more] = usePageSize(PAGE, query);
  const { data, error, reload, loading } = useLoad(
    () => call('contacts.list', { ...(query ? { query } : {}), limit }),
    [query, limit],
  );
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  const [importing, setImporting] = useState(false);

  return (
    <div className="page">
      <div className="page-header">
        <h1>Contacts</h1>
        <div className="page-actions">
          <button type="button" className="button" onClick={() => setImporting(true)}>
            Import lawmakers…
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setEditing({ mode: 'add' })}
          >
            New contact
          </button>
        </div>
      </div>
      <FindToolbar
        id="contact-search"
        label="Find contacts"
        placeholder="Name, organisation, title or city"
        text={text}
        onText={setText}
        total={data ? data.total : null}
        noun={['contact', 'contacts']}
      />
      <ErrorBanner error={error} />
      {data && data.items.length === 0 && query !== '' && !loading && (
        <div className="empty-state">
          <h2>No contacts match</h2>
          <p>Try fewer words, or part of a name.</p>
        </div>
      )}
      {data && data.items.length === 0 && query === '' && !loading && (
        <div className="empty-state">
          <h2>No contacts yet</h2>
          <p>Keep the insurers, providers, lawmakers and agencies your letters go to.</p>
        </div>
      )}
      {data && data.items.length > 0 && (
        <>
          <DataTable
            caption="Contacts"
            rows={data.items}
            columns={[
              { header: 'Name', render: (c) => c.name },
              { header: 'Kind', render: (c) => CONTACT_KIND.labels[c.kind] },
              { header: 'Organization', render: (c) => orDash(c.organisation) },
              { header: 'Phone', render: (c) => orDash(c.phone) },
              { header: 'Fax', render: (c) => orDash(c.fax) },
            ]}
            actions={(c) => (
              <RowActions
                name={c.name}
                onEdit={() => setEditing({ mode: 'edit', contact: c })}
                onDelete={() => setEditing({ mode: 'delete', contact: c })}
              />
            )}
          />
          <ShowMore
            shown={data.items.length}
            total={data.total}
            step={PAGE}
            noun={['contact', 'contacts']}
            onMore={more}
          />
        </>
      )}
      {(editing?.mode === 'add' || editing?.mode === 'edit') && (
        <Modal title={editing.mode === 'add' ? 'New contact' : 'Edit contact'} onClose={close}>
          <EntityForm
            formId="contact"
            specs={CONTACT_SPECS}
            initial={
              editing.mode === 'edit'
                ? (data?.items.find((c) => c.id === editing.contact.id) ?? editing.contact)
                : null
            }
            submitLabel={editing.mode === 'add' ? 'Add contact' : 'Save changes'}
            onCancel={close}
            onSubmit={async (values, version) => {
              if (editing.mode === 'add') await call('contacts.create', values as never);
              else {
                const id = editing.contact.id;
                await call('contacts.update', { ...values, id, version } as never);
              }
              close();
              reload();
            }}
          />
        </Modal>
      )}
      {editing?.mode === 'delete' && (
        <ConfirmDialog
          title="Delete contact?"
          message={`${editing.contact.name} will be removed from your contacts.`}
          confirmLabel="Delete contact"
          onClose={close}
          onConfirm={async () => {
            await call('contacts.delete', { id: editing.contact.id });
            reload();
          }}
        />
      )}
      {importing && <LawmakerImport onClose={() => setImporting(false)} onDone={reload} />}
    </div>
  );
}
