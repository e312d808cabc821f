// Every payer criteria set in the library: the shipped examples and the advocate's own, to
// create, copy, edit and delete.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CriteriaSetSummary } from '../../../../electron/contract/criteria';
import type { AppError } from '../../../../electron/contract/errors';
import { asAppError, call } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DataTable } from '../../components/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { counted, formatDate } from '../../lib/format';
import './criteria.css';
import { useLoad } from '../../lib/use-load';

export function CriteriaSetsPage() {
  const navigate = useNavigate();
  const { data, error, reload } = useLoad(() => call('criteria.list', {}), []);
  const [deleting, setDeleting] = useState<CriteriaSetSummary | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);

  const copy = async (s: CriteriaSetSummary) => {
    try {
      const made = await call('criteria.copy', { id: s.id });
      navigate(`/criteria/${made.id}`);
    } catch (e) {
      setActionError(asAppError(e));
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Payer criteria</h1>
          <p className="page-meta">
            Each plan’s coverage criteria for a treatment, checked against a case’s records on its
            page and answered one by one in its letters. The examples come from public policies:
            payers change them often, so check a set against the plan’s current policy and copy it
            to make it your own.
          </p>
        </div>
        <div className="page-actions">
          <Link className="button button-primary" to="/criteria/new">
            New criteria set
          </Link>
        </div>
      </div>
      <ErrorBanner error={error ?? actionError} />
      {data && (
        <DataTable
          caption="Criteria sets"
          rows={data}
          columns={[
            {
              header: 'Policy',
              render: (s) => (
                <>
                  <Link to={`/criteria/${s.id}`}>
                    {s.policyName}
                    {s.policyNumber ? ` (${s.policyNumber})` : ''}
                  </Link>
                  <span className="set-meta">
                    {counted(s.criteriaCount, ['criterion', 'criteria'])} · effective{' '}
                    {formatDate(s.effectiveDate)} ·{' '}
                    {s.starterKey ? 'example: check the current policy' : 'yours'}
                  </span>
                </>
              ),
            },
            { header: 'Payer', render: (s) => s.payer },
            { header: 'Treatment', render: (s) => s.treatment },
            { header: 'Cases', render: (s) => String(s.caseCount) },
          ]}
          actions={(s) => (
            <>
              <button
                type="button"
                className="button button-small"
                onClick={() => copy(s)}
                aria-label={`Copy ${s.payer}: ${s.policyName}`}
              >
                Copy
              </button>
              <button
                type="button"
                className="button button-small button-ghost-danger"
                onClick={() => setDeleting(s)}
                aria-label={`Delete ${s.payer}: ${s.policyName}`}
              >
                Delete
              </button>
            </>
          )}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this criteria set?"
          message={`"${deleting.payer}: ${deleting.policyName}" will be deleted.${
            deleting.caseCount
              ? ` ${deleting.caseCount} case${deleting.caseCount === 1 ? ' is' : 's are'} linked to it: they go back to the general readiness list, and keep their answers.`
              : ''
          }`}
          confirmLabel="Delete criteria set"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await call('criteria.delete', { id: deleting.id });
            setDeleting(null);
            reload();
          }}
        />
      )}
    </div>
  );
}
