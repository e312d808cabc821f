// A modal dialog on the native <dialog>: focus is trapped and Esc closes it for free — after
// asking, when a form inside holds unsaved changes.
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { confirmDiscard } from '../lib/unsaved/discard-prompt';
import { UnsavedScopeProvider, useChildScope } from '../lib/unsaved/unsaved-context';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra class, e.g. "modal-wide" for a document preview. */
  className?: string;
}

export function Modal({ title, onClose, children, className }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  // The dialog's own forms report here, so Esc asks about them and nothing else.
  const scope = useChildScope();
  const closeAfterAsking = () => {
    void confirmDiscard(scope).then((discard) => discard && onClose());
  };

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // A field marked to take the focus gets it rather than the close button.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `modal ${className}` : 'modal'}
      aria-labelledby="modal-title"
      onCancel={(e) => {
        // Esc: let React own the open state rather than the browser.
        e.preventDefault();
        closeAfterAsking();
      }}
    >
      <div className="modal-header">
        <h2 id="modal-title">{title}</h2>
        <button
          type="button"
          className="button button-ghost"
          onClick={closeAfterAsking}
          aria-label="Close"
        >
          ✕
        </button>
      </div>
      <UnsavedScopeProvider scope={scope}>{children}</UnsavedScopeProvider>
    </dialog>
  );
}
