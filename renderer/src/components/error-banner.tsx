// A problem the person should read, announced to screen readers as it appears.
import type { AppError } from '../../../electron/contract/errors';

export function ErrorBanner({ error }: { error: AppError | string | null }) {
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      {typeof error === 'string' ? error : error.message}
    </div>
  );
}
