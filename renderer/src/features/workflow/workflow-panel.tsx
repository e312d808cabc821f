// The case page's workflow card: where the case stands, what is due, what the insurer owes, what
// the request still needs, and the actions that move it on.
import { DENIAL_CATEGORY } from '../../../../electron/contract/denial-category';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CaseDetail } from '../../../../electron/contract/case';
import { CASE_STATUS } from '../../../../electron/contract/choices';
import type { DenialDraft } from '../../../../electron/contract/facts';
import type { CaseWorkflow, DenialView } from '../../../../electron/contract/workflow';
import { DECISION_LEVEL } from '../../../../electron/contract/workflow';
import { asAppError, call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import type { AppError } from '../../../../electron/contract/errors';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { RowActions } from '../../components/row-actions';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, orDash } from '../../lib/format';
import { DeadlineNote } from './deadline-note';
import { DenialDialog } from './denial-dialog';
import { LogDialog } from './log-dialog';
import { ReadinessMeter } from './readiness-meter';
import { StageDialog } from './stage-dialog';
import { daysFrom, DueBadge } from './due-badge';
import { useShortcut } from './use-shortcut';
import './workflow.css';

type Open =
  | { kind: 'log' }
  | { kind: 'stage' }
  | { kind: 'denial'; denial: DenialView | null; draft?: DenialDraft | null }
  | { kind: 'delete-denial'; denial: DenialView }
  | null;

interface WorkflowPanelProps {
  detail: CaseDetail;
  workflow: CaseWorkflow;
  /** After a change to the log or tasks. */
  onChanged: () => void;
  /** After a change that can move the case's stage (a move, a denial). */
  onStageChanged: () => void;
}

export function WorkflowPanel(props: WorkflowPanelProps) {
  const { detail, workflow, onChanged, onStageChanged } = props;
  const [open, setOpen] = useState<Open>(null);
  const [draftError, setDraftError] = useState<AppError | null>(null);
  const close = () => setOpen(null);
  // "Record denial" starts from the newest imported notice whose denial is not recorded yet.
  const recordDenial = () => {
    setDraftError(null);
    call('facts.denialDraft', { caseId: detail.case.id }).then(
      (draft) => setOpen({ kind: 'denial', denial: null, draft }),
      (e: unknown) => {
        setDraftError(asAppError(e));
        setOpen({ kind: 'denial', denial: null, draft: null });
      },
    );
  };
  const documentName = (id: number | null) =>
    id === null ? null : (detail.documents.find((d) => d.id === id)?.fileName ?? null);
  useShortcut('l', () => setOpen({ kind: 'log' }));
  // The palette opens a dialog on the case with ?do=log or ?do=denial; the request is used once.
  const [params, setParams] = useSearchParams();
  const requested = params.get('do');
  useEffect(() => {
    if (requested !== 'log' && requested !== 'denial') return;
    setParams(
      (p) => {
        p.delete('do');
        return p;
      },
      { replace: true },
    );
    // After the address settles, like "Record denial", which opens once its draft is read.
    void Promise.resolve().then(() =>
      requested === 'log' ? setOpen({ kind: 'log' }) : recordDenial(),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requested]);
  const { today, waiting, readiness } = workflow;
  const nextDue = detail.deadlines.find((d) => !d.completedOn);
  const latest = workflow.denials[0];
  const suggested = latest?.computation.nextStage ?? null;

  return (
    <section className="card workflow" aria-labelledby="section-workflow">
      <div className="card-header">
        <h2 id="section-workflow">Appeal workflow</h2>
        <div className="card-actions">
          <button type="button" className="button" onClick={() => setOpen({ kind: 'stage' })}>
            Move stage
          </button>
          <button type="button" className="button" onClick={recordDenial}>
            Record denial
          </button>
          <button
            type="button"
            className="button button-primary"
            aria-keyshortcuts="L"
            title="Log a call or letter (shortcut: L)"
            onClick={() => setOpen({ kind: 'log' })}
          >
            Log call or letter <kbd aria-hidden="true">L</kbd>
          </button>
        </div>
      </div>

      <ErrorBanner error={draftError} />
      <div className="workflow-grid">
        <div className="workflow-main">
          <dl className="status-strip">
            <div>
              <dt>Stage</dt>
              <dd>
                <StatusBadge status={workflow.status} />
              </dd>
            </div>
            <div>
              <dt>Next due</dt>
              <dd>
                {nextDue ? (
                  <>
                    {formatDate(nextDue.dueOn)} <DueBadge days={daysFrom(today, nextDue.dueOn)} />
                    <span className="strip-sub">{nextDue.title}</span>
                  </>
                ) : (
                  'Nothing due'
                )}
              </dd>
            </div>
            <div>
              <dt>Insurer decision</dt>
              <dd>
                {waiting?.decisionDueOn ? (
                  <>
                    {formatDate(waiting.decisionDueOn)}{' '}
                    <DueBadge days={daysFrom(today, waiting.decisionDueOn)} late="late" />
                    <span className="strip-sub">
                      Waiting since {formatDate(waiting.submittedOn)}
                    </span>
                  </>
                ) : waiting ? (
                  'No decision time encoded'
                ) : (
                  'Not waiting'
                )}
              </dd>
            </div>
          </dl>
          {waiting && <p className="rule small">{waiting.rule}</p>}

          <h3 className="subhead">Denials</h3>
          {workflow.denials.length === 0 ? (
            <p className="empty-note">
              No denial recorded. Record one from the letter to compute the appeal deadline.
            </p>
          ) : (
            <ul className="denials">
              {workflow.denials.map((d) => (
                <li key={d.id} className="denial">
                  <div className="denial-head">
                    <div>
                      <strong>{d.service}</strong>
                      <span className="denial-meta">
                        {DECISION_LEVEL.labels[d.level]} · notice {formatDate(d.deniedOn)} · ref{' '}
                        {orDash(d.referenceNumber)}
                        {d.category && <> · {DENIAL_CATEGORY.labels[d.category]}</>}
                      </span>
                    </div>
                    <RowActions
                      name="denial"
                      onEdit={() => setOpen({ kind: 'denial', denial: d })}
                      onDelete={() => setOpen({ kind: 'delete-denial', denial: d })}
                    />
                  </div>
                  <blockquote className="denial-reason">{d.reason}</blockquote>
                  {(d.sourceDocumentId !== null || d.appealAddress || d.appealFax) && (
                    <dl className="denial-facts">
                      {documentName(d.sourceDocumentId) && (
                        <div>
                          <dt>From</dt>
                          <dd>{documentName(d.sourceDocumentId)}</dd>
                        </div>
                      )}
                      {d.appealAddress && (
                        <div>
                          <dt>Appeals to</dt>
                          <dd>{d.appealAddress}</dd>
                        </div>
                      )}
                      {d.appealFax && (
                        <div>
                          <dt>Appeal fax</dt>
                          <dd>{d.appealFax}</dd>
                        </div>
                      )}
                    </dl>
                  )}
                  <p className="denial-deadline">
                    <span>{d.computation.nextStep} due</span>{' '}
                    <strong data-testid="denial-deadline">{formatDate(d.effectiveOn)}</strong>{' '}
                    {d.effectiveOn && <DueBadge days={daysFrom(today, d.effectiveOn)} />}{' '}
                    <span className="source-tag">
                      {d.effectiveFrom === 'override'
                        ? `your date (rule: ${formatDate(d.computation.dueOn)})`
                        : d.effectiveFrom === 'letter'
                          ? 'from the letter'
                          : d.effectiveFrom === 'rule'
                            ? 'computed'
                            : ''}
                    </span>
                  </p>
                  <DeadlineNote denial={d} />
                </li>
              ))}
            </ul>
          )}
        </div>

        <div className="workflow-side">
          <ReadinessMeter readiness={readiness} />
          <h3 className="subhead">Stage history</h3>
          <ol className="timeline">
            {[...workflow.stages].reverse().map((s) => (
              <li key={s.id}>
                <time dateTime={s.movedOn}>{formatDate(s.movedOn)}</time>
                <span>
                  {s.fromStage ? `${CASE_STATUS.labels[s.fromStage]} → ` : 'Opened at '}
                  <strong>{CASE_STATUS.labels[s.toStage]}</strong>
                </span>
                {s.note && <span className="timeline-note">{s.note}</span>}
              </li>
            ))}
          </ol>
        </div>
      </div>

      {open?.kind === 'log' && (
        <LogDialog caseId={detail.case.id} today={today} onClose={close} onSaved={onChanged} />
      )}
      {open?.kind === 'stage' && (
        <StageDialog
          caseId={detail.case.id}
          current={workflow.status}
          suggested={suggested}
          today={today}
          onClose={close}
          onSaved={onStageChanged}
        />
      )}
      {open?.kind === 'denial' && (
        <DenialDialog
          caseId={detail.case.id}
          planType={detail.case.planType}
          denial={
            open.denial && (workflow.denials.find((d) => d.id === open.denial!.id) ?? open.denial)
          }
          draft={open.draft ?? null}
          onClose={close}
          onSaved={onStageChanged}
        />
      )}
      {open?.kind === 'delete-denial' && (
        <ConfirmDialog
          title="Delete denial?"
          message="The denial and its open appeal deadline will be removed from the case. This cannot be undone."
          confirmLabel="Delete denial"
          onClose={close}
          onConfirm={async () => {
            await call('denials.delete', { id: open.denial.id });
            onChanged();
          }}
        />
      )}
    </section>
  );
}
