// A section of the case page for one kind of record: its table, and add, edit and delete. Adding
// a diagnosis, treatment or score the case already holds asks first.
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { CaseRecordKind } from '../../../electron/contract/case-records';
import type { AppError } from '../../../electron/contract/errors';
import { asAppError, call } from '../api';
import type { FieldSpec } from '../lib/form';
import { ConfirmDialog } from './confirm-dialog';
import { DataTable } from './data-table';
import type { Column } from './data-table';
import { EntityForm } from './entity-form';
import { ErrorBanner } from './error-banner';
import { Modal } from './modal';
import { RowActions } from './row-actions';

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
  /** Shown under the table: what the rows add up to (e.g. a cost estimate). */
  footer?: ReactNode;
}

type Editing<T> = { mode: 'add' } | { mode: 'edit'; row: T } | { mode: 'delete'; row: T } | null;

/** Records the engine checks for a duplicate before a manual entry. */
const CHECKED = new Set<CaseRecordKind>(['diagnoses', 'treatments', 'assessments']);

// The five record kinds share one shape of API; their argument types differ only in `values`,
// which the engine validates, so the generic calls below are typed loosely on purpose.
const recordCall = (name: string, args: unknown) => call(name as 'diagnoses.delete', args as never);

export function RecordSection<T extends { id: number }>(props: RecordSectionProps<T>) {
  const { kind, title, noun, caseId, rows, columns, specs, empty, onChanged, footer } = props;
  const [editing, setEditing] = useState<Editing<T>>(null);
  // A manual entry the case may already hold: the warning, and the values to add anyway.
  const [duplicate, setDuplicate] = useState<{ message: string; values: object } | null>(null);
  const [addError, setAddError] = useState<AppError | null>(null);
  // The dialog edits the row as the page has it now: a change made meanwhile flows in.
  const editedRow =
    editing?.mode === 'edit' ? (rows.find((r) => r.id === editing.row.id) ?? editing.row) : null;
  const close = () => {
    setEditing(null);
    setDuplicate(null);
    setAddError(null);
  };
  const add = async (values: object) => {
    await recordCall(`${kind}.create`, { caseId, values });
    close();
    onChanged();
  };
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
        <DataTable
          caption={title}
          columns={columns}
          rows={rows}
          actions={(row) => (
            <RowActions
              name={noun}
              onEdit={() => setEditing({ mode: 'edit', row })}
              onDelete={() => setEditing({ mode: 'delete', row })}
            />
          )}
        />
      )}
      {footer}
      {(editing?.mode === 'add' || editing?.mode === 'edit') && (
        <Modal title={editing.mode === 'add' ? `Add ${noun}` : `Edit ${noun}`} onClose={close}>
          {duplicate && (
            <div className="banner banner-warn" role="alert">
              <p>{duplicate.message}</p>
              <div className="banner-actions">
                <button
                  type="button"
                  className="button button-small"
                  onClick={() =>
                    add(duplicate.values).catch((e: unknown) => setAddError(asAppError(e)))
                  }
                >
                  Add anyway
                </button>
                <button type="button" className="button button-small" onClick={close}>
                  Don’t add it
                </button>
              </div>
              <ErrorBanner error={addError} />
            </div>
          )}
          <EntityForm
            formId={`${kind}-form`}
            specs={specs}
            initial={editedRow}
            submitLabel={editing.mode === 'add' ? `Add ${noun}` : 'Save changes'}
            onCancel={close}
            onSubmit={async (values, version) => {
              if (editing.mode === 'add') {
                if (CHECKED.has(kind)) {
                  const check = await call('facts.check', {
                    caseId,
                    kind: kind as 'diagnoses',
                    values: values as Record<string, string | number | null>,
                  });
                  if (check.message) {
                    setDuplicate({ message: check.message, values });
                    return;
                  }
                }
                await recordCall(`${kind}.create`, { caseId, values });
              } else {
                const id = editing.row.id;
                await recordCall(`${kind}.update`, { id, version, values });
              }
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
