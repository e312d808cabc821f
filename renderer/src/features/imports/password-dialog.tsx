// Asks for the password of a protected file being imported; the password goes to the engine
// with that one file and is never kept.
import { useState } from 'react';
import { Modal } from '../../components/modal';
import '../documents/documents.css';

interface PasswordDialogProps {
  fileName: string;
  /** Set when the last password tried was not right. */
  wrong: boolean;
  onSubmit: (password: string) => void;
  onSkip: () => void;
}

export function PasswordDialog({ fileName, wrong, onSubmit, onSkip }: PasswordDialogProps) {
  const [password, setPassword] = useState('');
  return (
    <Modal title={`Password for ${fileName}`} onClose={onSkip}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (password) onSubmit(password);
        }}
      >
        <p>
          This file is protected with a password. Type it to import the file; it is used only to
          open it and is not kept.
        </p>
        <div className={wrong ? 'field field-invalid' : 'field'}>
          <label htmlFor="import-password">Password</label>
          <input
            id="import-password"
            type="password"
            autoComplete="off"
            value={password}
            data-autofocus
            aria-invalid={wrong || undefined}
            aria-describedby={wrong ? 'import-password-error' : undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
          {wrong && (
            <p className="field-error" id="import-password-error" role="alert">
              That password is not right for this file. Try again, or skip the file.
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={!password}>
            Open and import
          </button>
          <button type="button" className="button" onClick={onSkip}>
            Skip this file
          </button>
        </div>
      </form>
    </Modal>
  );
}
