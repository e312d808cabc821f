// "Accept all new": the new facts as a list to look over, each ticked unless it cannot be
// accepted as proposed; the engine adds the ticked ones in one transaction.
import { useState } from 'react';
import type { AppError } from '../../../../electron/contract/errors';
import type { FactAcceptAllResult, ReviewedFact } from '../../../../electron/contract/facts';
import { asAppError, call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { KIND_TITLES } from './fact-forms';
import './facts.css';

export function AcceptAllPanel({
  documentId,
  facts,
  onCancel,
  onDone,
}: {
  documentId: number;
  facts: ReviewedFact[];
  onCancel: () => void;
  onDone: (result: FactAcceptAllResult) => void;
}) {
  const [ticked, setTicked] = useState(
    () => new Set(facts.filter((f) => !f.blocked).map((f) => f.key)),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const toggle = (key: string, on: boolean) =>
    setTicked((old) => {
      const next = new Set(old);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(await call('facts.acceptAll', { documentId, keys: [...ticked] }));
    } catch (e) {
      setError(asAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="accept-all" aria-label="Accept all new facts">
      <h3>Add these new facts to the case?</h3>
      <p className="accept-all-intro">
        Untick any you do not want. Facts the case already holds, and ones that differ from it, are
        not in this list: review those one by one.
      </p>
      <ul className="accept-all-list">
        {facts.map((f) => (
          <li key={f.key}>
            <label>
              <input
                type="checkbox"
                checked={ticked.has(f.key)}
                disabled={f.blocked !== null || busy}
                onChange={(e) => toggle(f.key, e.currentTarget.checked)}
              />
              <span className="accept-all-kind">{KIND_TITLES[f.kind]}</span>
              <span>{f.summary}</span>
            </label>
            {f.blocked && <span className="proposal-hint">{f.blocked}</span>}
          </li>
        ))}
      </ul>
      <ErrorBanner error={error} />
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy || ticked.size === 0}
          onClick={() => void submit()}
        >
          {busy ? 'Adding…' : `Add ${ticked.size} fact${ticked.size === 1 ? '' : 's'} to the case`}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
