// A section of the case page for one kind of record: its table, and add, edit and delete.
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { CaseRecordKind } from '../../../electron/contract/case-records';
import { call } from '../api';
import type { FieldSpec } from '../lib/form';
import { ConfirmDialog } from './confirm-dialog';
import { EntityForm } from './entity-form';
import { Modal } from './modal';

export interface Column<T> {
  header: string;
  render: (row: T) => ReactNode;
}

interface RecordSectionProps<T extends { id: number }> {
  kind: CaseRecordKind;
  title: string;
  /** One record, in words: "diagnosis". */
  noun: string;
  caseId: number;
  rows: T[];
  columns: Column<T>[];
  specs: FieldSpec[];
  empty: string;
  onChanged: () => void;
}

type Editing<T> = { mode: 'add' } | { mode: 'edit'; row: T } | { mode: 'delete'; row: T } | null;

// The five record kinds share one shape of API; their argument types differ only in `values`,
// which the engine validates, so the generic calls below are typed loosely on purpose.
const recordCall = (name: string, args: unknown) => call(name as 'diagnoses.delete', args as never);

export function RecordSection<T extends { id: number }>(props: RecordSectionProps<T>) {
  const { kind, title, noun, caseId, rows, columns, specs, empty, onChanged } = props;
  const [editing, setEditing] = useState<Editing<T>>(null);
  const close = () => setEditing(null);
  const headingId = `section-${kind}`;

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="button" onClick={() => setEditing({ mode: 'add' })}>
          Add {noun}
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="empty-note">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" key={c.header}>
                    {c.header}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  {columns.map((c) => (
                    <td key={c.header}>{c.render(row)}</td>
                  ))}
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setEditing({ mode: 'edit', row })}
                    >
                      Edit<span className="visually-hidden"> {noun}</span>
                    </button>
                    <button
                      type="button"
                      className="button button-small button-ghost-danger"
                      onClick={() => setEditing({ mode: 'delete', row })}
                    >
                      Delete<span className="visually-hidden"> {noun}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(editing?.mode === 'add' || editing?.mode === 'edit') && (
        <Modal title={editing.mode === 'add' ? `Add ${noun}` : `Edit ${noun}`} onClose={close}>
          <EntityForm
            formId={`${kind}-form`}
            specs={specs}
            initial={editing.mode === 'edit' ? editing.row : null}
            submitLabel={editing.mode === 'add' ? `Add ${noun}` : 'Save changes'}
            onCancel={close}
            onSubmit={async (values) => {
              if (editing.mode === 'add') await recordCall(`${kind}.create`, { caseId, values });
              else await recordCall(`${kind}.update`, { id: editing.row.id, values });
              close();
              onChanged();
            }}
          />
        </Modal>
      )}
      {editing?.mode === 'delete' && (
        <ConfirmDialog
          title={`Delete ${noun}?`}
          message={`This ${noun} will be removed from the case. This cannot be undone.`}
          confirmLabel={`Delete ${noun}`}
          onClose={close}
          onConfirm={async () => {
            await recordCall(`${kind}.delete`, { id: editing.row.id });
            onChanged();
          }}
        />
      )}
    </section>
  );
}
