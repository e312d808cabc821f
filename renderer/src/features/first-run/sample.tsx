// The fictional sample case in the UI: a badge wherever it shows, and one-click removal.
import { useState } from 'react';
import type { AppError } from '../../../../electron/contract/errors';
import { asAppError, call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { useLoad } from '../../lib/use-load';

/** Said on every sample badge, so it reads the same everywhere. */
export function SampleBadge() {
  return (
    <span className="badge badge-sample" title="A fictional case for exploring the app">
      Sample
    </span>
  );
}

/** Where the sample is (if anywhere); pages reload it after a change. */
export function useSampleStatus() {
  return useLoad(() => call('sample.status', {}), []);
}

/** A button that removes the sample case, its client and its contacts in one go. */
export function RemoveSampleButton({
  onRemoved,
  className = 'button',
}: {
  onRemoved: () => void;
  className?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await call('sample.remove', {});
            onRemoved();
          } catch (e) {
            setError(asAppError(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? 'Removing…' : 'Remove sample'}
      </button>
      <ErrorBanner error={error} />
    </>
  );
}

/** Shown on the case list and dashboard while the sample is in the library. */
export function SampleBanner({ onRemoved }: { onRemoved: () => void }) {
  const sample = useSampleStatus();
  if (!sample.data?.present) return null;
  return (
    <div className="banner banner-sample" role="note">
      <span>
        <SampleBadge /> The library holds a fictional sample case (Jamie Rivera) to explore. Remove
        it when you are ready for real work; your own clients and cases are not touched.
      </span>
      <span className="banner-actions">
        <RemoveSampleButton
          className="button button-small"
          onRemoved={() => {
            sample.reload();
            onRemoved();
          }}
        />
      </span>
    </div>
  );
}
