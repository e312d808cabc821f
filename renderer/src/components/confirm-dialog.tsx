// Asks before something is deleted for good.
import { useState } from 'react';
import { asAppError } from '../api';
import type { AppError } from '../../../electron/contract/errors';
import { ErrorBanner } from './error-banner';
import { Modal } from './modal';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(asAppError(e));
      setBusy(false);
    }
  };

  return (
    <Modal title={title} onClose={onClose}>
      <ErrorBanner error={error} />
      <p>{message}</p>
      <div className="form-actions">
        <button type="button" className="button button-danger" onClick={confirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onClose} autoFocus>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
