// Facts proposed from one document, beside its text, as the engine matched them against the case:
// new ones to accept (one by one, edited first, or all at once from a review list), ones the case
// already holds (not offered again), ones it holds with other values (an update showing both),
// and rejected ones, kept apart and restorable.
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../electron/contract/errors';
import type { FactReview as Review, ReviewedFact } from '../../../../electron/contract/facts';
import { asAppError, call } from '../../api';
import { EntityForm } from '../../components/entity-form';
import { ErrorBanner } from '../../components/error-banner';
import { Modal } from '../../components/modal';
import { AcceptAllPanel } from './accept-all-panel';
import { KIND_ORDER, KIND_TITLES, specsFor } from './fact-forms';
import { orDash } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import './facts.css';

const STATUS_BADGE: Record<ReviewedFact['status'], { label: string; className: string }> = {
  new: { label: 'New', className: 'badge badge-info' },
  recorded: { label: 'In the case', className: 'badge badge-good' },
  different: { label: 'Differs from the case', className: 'badge badge-warn' },
};

const show = (v: string | number | null) => orDash(v);

export function FactReview({
  documentId,
  fileName,
  onChanged,
  onClose,
}: {
  documentId: number;
  fileName: string;
  onChanged: () => void;
  onClose: () => void;
}) {
  const loaded = useLoad(
    () =>
      Promise.all([
        call('documents.get', { id: documentId }),
        call('facts.review', { documentId }),
      ]),
    [documentId],
  );
  // The newest review: from the last accept or decision, until a newer load replaces it (the
  // library changed, here or elsewhere).
  const [answered, setAnswered] = useState<{ review: Review; over: unknown } | null>(null);
  const review =
    answered && answered.over === loaded.data ? answered.review : (loaded.data?.[1] ?? null);
  const setLatest = (next: Review | null) =>
    setAnswered(next ? { review: next, over: loaded.data } : null);
  const text = loaded.data?.[0].text ?? '';
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ key: string; error: AppError } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [acceptingAll, setAcceptingAll] = useState(false);
  const markRef = useRef<HTMLElement>(null);

  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [selected]);

  const current = review?.facts.find((f) => f.key === selected);

  async function act(
    key: string,
    action: () => Promise<Review | { review: Review; message: string }>,
  ) {
    setBusy(key);
    setFailure(null);
    setNotice(null);
    try {
      const result = await action();
      if ('facts' in result) setLatest(result);
      else {
        setLatest(result.review);
        setNotice(result.message);
      }
      setEditing(null);
      onChanged();
    } catch (e) {
      const error = asAppError(e);
      setFailure({ key, error });
      // The case moved on: show the review as it is now.
      if (error.code === 'conflict') {
        setLatest(null);
        loaded.reload();
      }
    } finally {
      setBusy(null);
    }
  }

  const accept = (fact: ReviewedFact, values?: Record<string, unknown>) =>
    call('facts.accept', {
      documentId,
      key: fact.key,
      basis: { id: fact.target.id, version: fact.target.version },
      ...(values ? { values: values as Record<string, string | number | null> } : {}),
    });

  const open = review?.facts.filter((f) => !f.rejected) ?? [];
  const rejected = review?.facts.filter((f) => f.rejected) ?? [];
  const newFacts = open.filter((f) => f.status === 'new');

  return (
    <Modal title={`Review facts: ${fileName}`} onClose={onClose} className="modal-review">
      <ErrorBanner error={loaded.error} />
      {!review && !loaded.error && <p>Loading…</p>}
      {review && (
        <div className="review-grid">
          <article
            className="paper paper-text review-text"
            data-testid="review-text"
            aria-label="Document text"
          >
            {current ? (
              <>
                {text.slice(0, current.start)}
                <mark ref={markRef}>{text.slice(current.start, current.end)}</mark>
                {text.slice(current.end)}
              </>
            ) : (
              text
            )}
          </article>
          <div className="review-list" aria-label="Proposed facts" role="region">
            <div className="review-toolbar">
              <p className="review-intro" role="status" aria-label="Review summary">
                {review.facts.length === 0
                  ? 'No facts were found in this document.'
                  : `${review.counts.new} new · ${review.counts.recorded} already in the case${review.counts.different ? ` · ${review.counts.different} differ` : ''}${review.counts.rejected ? ` · ${review.counts.rejected} rejected` : ''}. Nothing enters the case until you accept it.`}
              </p>
              {newFacts.length > 0 && !acceptingAll && (
                <button
                  type="button"
                  className="button button-small button-primary"
                  onClick={() => setAcceptingAll(true)}
                >
                  Accept all new ({newFacts.filter((f) => !f.blocked).length})…
                </button>
              )}
            </div>
            {notice && (
              <p className="review-notice" role="status">
                {notice}
              </p>
            )}
            {acceptingAll && (
              <AcceptAllPanel
                documentId={documentId}
                facts={newFacts}
                onCancel={() => setAcceptingAll(false)}
                onDone={(result) => {
                  setLatest(result.review);
                  setAcceptingAll(false);
                  setNotice(
                    [
                      `Added ${result.added} fact${result.added === 1 ? '' : 's'} to the case.`,
                      result.alreadyRecorded
                        ? `${result.alreadyRecorded} were already there.`
                        : null,
                      result.skipped.length
                        ? `Not added: ${result.skipped.map((s) => `${s.summary} (${s.reason})`).join('; ')}`
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' '),
                  );
                  onChanged();
                }}
              />
            )}
            {KIND_ORDER.map((kind) => {
              const items = open.filter((f) => f.kind === kind);
              if (items.length === 0) return null;
              return (
                <section key={kind} className="review-group" aria-label={KIND_TITLES[kind]}>
                  <h3>{KIND_TITLES[kind]}</h3>
                  <ul>
                    {items.map((fact) => (
                      <li
                        key={fact.key}
                        className={`proposal proposal-${fact.status}${fact.key === selected ? ' selected' : ''}`}
                        data-testid="proposal"
                        data-status={fact.status}
                      >
                        <div className="proposal-head">
                          <button
                            type="button"
                            className="proposal-summary"
                            aria-pressed={fact.key === selected}
                            onClick={() => setSelected(fact.key)}
                          >
                            {fact.summary}
                          </button>
                          <span className={STATUS_BADGE[fact.status].className}>
                            {STATUS_BADGE[fact.status].label}
                          </span>
                        </div>
                        {fact.details.length > 0 && fact.status !== 'recorded' && (
                          <dl className="proposal-details">
                            {fact.details.map((d) => (
                              <div key={d.label}>
                                <dt>{d.label}</dt>
                                <dd>{d.value}</dd>
                              </div>
                            ))}
                          </dl>
                        )}
                        {fact.status === 'recorded' && (
                          <p className="proposal-recorded">
                            Already in the case{fact.recorded ? `: ${fact.recorded}` : ''}.
                          </p>
                        )}
                        {fact.changes.length > 0 && fact.status !== 'recorded' && (
                          <table className="proposal-changes">
                            <caption>
                              {fact.status === 'new' ? 'Accepting fills in' : 'Accepting changes'}
                            </caption>
                            <thead>
                              <tr>
                                <th scope="col">Field</th>
                                <th scope="col">In the case</th>
                                <th scope="col">In the document</th>
                              </tr>
                            </thead>
                            <tbody>
                              {fact.changes.map((c) => (
                                <tr key={c.field}>
                                  <th scope="row">{c.label}</th>
                                  <td>{show(c.current)}</td>
                                  <td>{show(c.proposed)}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        )}
                        {fact.status !== 'recorded' &&
                          (editing === fact.key ? (
                            <EntityForm
                              formId={`proposal-${fact.key}`}
                              specs={specsFor(fact)}
                              initial={fact.values}
                              submitLabel="Save to case"
                              onCancel={() => setEditing(null)}
                              onSubmit={async (values) => {
                                const result = await accept(fact, values);
                                setLatest(result.review);
                                setNotice(result.message);
                                setEditing(null);
                                onChanged();
                              }}
                            />
                          ) : (
                            <div className="proposal-actions">
                              <button
                                type="button"
                                className="button button-small button-primary"
                                disabled={fact.blocked !== null || busy !== null}
                                aria-label={`${fact.status === 'different' ? 'Update the case:' : 'Accept'} ${fact.summary}`}
                                onClick={() => {
                                  setSelected(fact.key);
                                  void act(fact.key, () => accept(fact));
                                }}
                              >
                                {busy === fact.key
                                  ? 'Saving…'
                                  : fact.status === 'different'
                                    ? 'Update the case'
                                    : 'Accept'}
                              </button>
                              <button
                                type="button"
                                className="button button-small"
                                aria-label={`Edit ${fact.summary}`}
                                onClick={() => {
                                  setSelected(fact.key);
                                  setEditing(fact.key);
                                }}
                              >
                                Edit
                              </button>
                              <button
                                type="button"
                                className="button button-small button-ghost"
                                aria-label={`Reject ${fact.summary}`}
                                disabled={busy !== null}
                                onClick={() => {
                                  if (selected === fact.key) setSelected(null);
                                  void act(fact.key, () =>
                                    call('facts.reject', { documentId, key: fact.key }),
                                  );
                                }}
                              >
                                Reject
                              </button>
                              {fact.blocked && (
                                <span className="proposal-hint">{fact.blocked}</span>
                              )}
                            </div>
                          ))}
                        {failure?.key === fact.key && <ErrorBanner error={failure.error} />}
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
            {rejected.length > 0 && (
              <section className="review-group review-rejected" aria-label="Rejected">
                <h3>Rejected ({rejected.length})</h3>
                <ul>
                  {rejected.map((fact) => (
                    <li
                      key={fact.key}
                      className="proposal proposal-rejected"
                      data-testid="rejected"
                    >
                      <div className="proposal-head">
                        <button
                          type="button"
                          className="proposal-summary"
                          onClick={() => setSelected(fact.key)}
                        >
                          {fact.summary}
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={`Restore ${fact.summary}`}
                          disabled={busy !== null}
                          onClick={() =>
                            void act(fact.key, () =>
                              call('facts.restore', { documentId, key: fact.key }),
                            )
                          }
                        >
                          Restore
                        </button>
                      </div>
                      {failure?.key === fact.key && <ErrorBanner error={failure.error} />}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        </div>
      )}
    </Modal>
  );
}
