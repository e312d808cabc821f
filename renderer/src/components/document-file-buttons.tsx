// "Open in Word" and "Save a copy…" for one stored document; a failure goes to `onError`.
import type { AppError } from '../../../electron/contract/errors';
import { asAppError } from '../api';
import { downloadDocument, openDocument } from '../lib/files';

interface DocumentFileButtonsProps {
  id: number;
  fileName: string;
  onError: (error: AppError) => void;
}

export function DocumentFileButtons({ id, fileName, onError }: DocumentFileButtonsProps) {
  const act = (work: () => Promise<void>) => work().catch((e: unknown) => onError(asAppError(e)));
  return (
    <>
      <button
        type="button"
        className="button button-small"
        aria-label={`Open in Word: ${fileName}`}
        onClick={() => act(() => openDocument(id))}
      >
        Open in Word
      </button>
      <button
        type="button"
        className="button button-small"
        aria-label={`Save a copy of ${fileName}`}
        onClick={() => act(() => downloadDocument(id))}
      >
        Save a copy…
      </button>
    </>
  );
}
