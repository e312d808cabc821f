// Every letter template: the app's own (editable, resettable) and the advocate's copies.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AppError } from '../../../../electron/contract/errors';
import { LETTER_KIND } from '../../../../electron/contract/letter';
import type { TemplateSummary } from '../../../../electron/contract/letter';
import { asAppError, call } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DataTable } from '../../components/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import './letters.css';

export function TemplatesPage() {
  const navigate = useNavigate();
  const { data, error, reload } = useLoad(() => call('templates.list', {}), []);
  const [deleting, setDeleting] = useState<TemplateSummary | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);

  const duplicate = async (t: TemplateSummary) => {
    try {
      const copy = await call('templates.duplicate', { id: t.id });
      navigate(`/templates/${copy.id}`);
    } catch (e) {
      setActionError(asAppError(e));
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Letter templates</h1>
          <p className="page-meta">
            Change any letter, or duplicate one to make your own. Built-in letters can always be
            reset to how the app ships them.
          </p>
        </div>
      </div>
      <ErrorBanner error={error ?? actionError} />
      {data && (
        <DataTable
          caption="Letter templates"
          rows={data}
          columns={[
            {
              header: 'Template',
              render: (t) => <Link to={`/templates/${t.id}`}>{t.name}</Link>,
            },
            { header: 'Kind', render: (t) => LETTER_KIND.labels[t.kind] },
            {
              header: 'Source',
              render: (t) =>
                t.builtInKey ? (t.modified ? 'Built-in, changed by you' : 'Built-in') : 'Yours',
            },
            { header: 'Changed', render: (t) => formatDate(t.updatedAt) },
          ]}
          actions={(t) => (
            <>
              <button
                type="button"
                className="button button-small"
                onClick={() => duplicate(t)}
                aria-label={`Duplicate ${t.name}`}
              >
                Duplicate
              </button>
              {!t.builtInKey && (
                <button
                  type="button"
                  className="button button-small button-ghost-danger"
                  onClick={() => setDeleting(t)}
                  aria-label={`Delete ${t.name}`}
                >
                  Delete
                </button>
              )}
            </>
          )}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this template?"
          message={`"${deleting.name}" will be deleted. Letters already written from it are kept.`}
          confirmLabel="Delete template"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await call('templates.delete', { id: deleting.id });
            setDeleting(null);
            reload();
          }}
        />
      )}
    </div>
  );
}
