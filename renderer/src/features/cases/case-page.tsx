// One case: who, what and with whom, and everything recorded along the way.
import { CaseTagsEditor } from './case-tags-editor';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { call } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EntityForm } from '../../components/entity-form';
import { ErrorBanner } from '../../components/error-banner';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, fullName, orDash } from '../../lib/format';
import { CASE_SPECS } from '../../lib/specs';
import { useLoad } from '../../lib/use-load';
import { WorkflowPanel } from '../workflow/workflow-panel';
import { CaseRecords } from '../records/case-records';
import { CaseCoverage } from '../coverage/case-coverage';
import { DocumentsSection } from '../documents/documents-section';
import { LettersSection } from '../letters/letters-section';
import { CaseCriteriaSection } from '../criteria/case-criteria-section';
import { useFocusFromQuery } from '../../lib/use-focus-from-query';
import { HistorySection } from '../history/history-section';
import { SampleBadge, useSampleStatus } from '../first-run/sample';
import { HelpLink } from '../help/help-link';
import { CaseEvidenceSection } from '../evidence/case-evidence-section';
import { CaseQuestions } from '../letters/case-questions';
import { CaseOverview, CaseSectionNav } from './case-sections';
import { CaseTimeline } from './case-timeline';
import './case-page.css';

export function CasePage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { data, error, reload: reloadCase } = useLoad(() => call('cases.get', { id }), [id]);
  const workflow = useLoad(() => call('workflow.get', { caseId: id }), [id]);
  const reloadWorkflow = workflow.reload;
  // Records, stage and workflow change together: reload both views after any edit.
  const reload = useCallback(() => {
    reloadCase();
    reloadWorkflow();
  }, [reloadCase, reloadWorkflow]);
  const sample = useSampleStatus();
  useFocusFromQuery(data !== null);

  if (!data) {
    return <div className="page">{error ? <ErrorBanner error={error} /> : <p>Loading…</p>}</div>;
  }
  const { case: c, client } = data;

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/">Cases</Link> <span aria-hidden="true">/</span> {fullName(client)}
      </nav>
      <div className="page-header">
        <div>
          <h1>
            {fullName(client)} <span className="title-sep">·</span> {c.requestedTreatment}
          </h1>
          <p className="page-meta">
            {sample.data?.caseId === c.id && <SampleBadge />}
            <StatusBadge status={c.status} />
            <span>{orDash(c.insurerName)}</span>
            <span>
              Member ID <span className="identifier">{orDash(c.memberId)}</span>
            </span>
            <span>Updated {formatDate(c.updatedAt)}</span>
            <CaseTagsEditor caseId={c.id} tags={data.tags} onSaved={reload} />
          </p>
        </div>
        <div className="page-actions">
          <HelpLink section="letters" label="Help with letters" />
          <button
            type="button"
            className="button button-ghost-danger"
            onClick={() => setConfirmDelete(true)}
          >
            Delete case
          </button>
        </div>
      </div>
      <ErrorBanner error={error} />

      <CaseSectionNav caseId={c.id} />
      <CaseOverview detail={data} workflow={workflow.data} />
      <CaseTimeline caseId={c.id} version={c.updatedAt} />

      {workflow.data && workflow.data.caseId === c.id && (
        <WorkflowPanel
          detail={data}
          workflow={workflow.data}
          onChanged={reload}
          onStageChanged={reload}
        />
      )}
      <ErrorBanner error={workflow.error} />

      <div className="case-grid">
        <section className="card" id="section-overview" aria-labelledby="section-details">
          <div className="card-header">
            <h2 id="section-details">Case &amp; plan details</h2>
          </div>
          <EntityForm
            // Changes made elsewhere on the page (facts accepted, a stage moved) flow into the
            // form; the fields the user is editing stay theirs until saved.
            key={c.id}
            formId="case"
            specs={CASE_SPECS}
            initial={c}
            submitLabel="Save case"
            onSubmit={async (changes, version) => {
              const saved = await call('cases.update', {
                ...changes,
                id: c.id,
                version: version ?? c.version,
              } as never);
              reload();
              return saved;
            }}
          />
        </section>

        <section className="card card-aside" aria-labelledby="section-client">
          <div className="card-header">
            <h2 id="section-client">Client</h2>
            <Link className="button button-small" to={`/clients/${client.id}`}>
              Edit client
            </Link>
          </div>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{fullName(client)}</dd>
            <dt>Date of birth</dt>
            <dd>{formatDate(client.dateOfBirth)}</dd>
            <dt>Phone</dt>
            <dd>{orDash(client.phone)}</dd>
            <dt>Email</dt>
            <dd>{orDash(client.email)}</dd>
            <dt>State</dt>
            <dd>{orDash(client.state)}</dd>
          </dl>
        </section>
      </div>

      <div id="section-records" className="case-section-anchor">
        <CaseRecords detail={data} onChanged={reload} />
      </div>
      <div id="section-coverage" className="case-section-anchor">
        <CaseCoverage detail={data} onChanged={reload} />
      </div>
      <CaseEvidenceSection caseId={c.id} onChanged={reload} />
      <CaseQuestions caseId={c.id} onChanged={reload} />
      <CaseCriteriaSection
        caseId={c.id}
        version={`${JSON.stringify(data).length} ${c.updatedAt}`}
        onChanged={reload}
      />
      <LettersSection
        caseId={c.id}
        version={`${c.updatedAt} ${workflow.data?.denials.map((d) => d.updatedAt).join() ?? ''}`}
        onChanged={reload}
        parties={{ insurer: c.insurerName, provider: c.providerName, state: client.state }}
      />
      <DocumentsSection
        caseId={c.id}
        documents={data.documents}
        total={data.documentsTotal}
        onChanged={reload}
      />
      <HistorySection caseId={c.id} version={JSON.stringify(data).length + c.updatedAt} />

      {confirmDelete && (
        <ConfirmDialog
          title="Delete this case?"
          message="The case and all its diagnoses, treatments, scores, logs, deadlines and documents will be deleted. This cannot be undone."
          confirmLabel="Delete case"
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            await call('cases.delete', { id: c.id });
            navigate('/');
          }}
        />
      )}
    </div>
  );
}
