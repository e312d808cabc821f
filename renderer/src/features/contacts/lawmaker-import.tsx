// Loads members of Congress into the address book from the public congress-legislators files
// (legislators-current.yaml, and optionally legislators-district-offices.yaml).
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AppError } from '../../../../electron/contract/errors';
import type { LawmakerImportResult } from '../../../../electron/contract/contact';
import { asAppError, call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { Modal } from '../../components/modal';

export function LawmakerImport({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [members, setMembers] = useState<File | null>(null);
  const [offices, setOffices] = useState<File | null>(null);
  const [state, setState] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [result, setResult] = useState<LawmakerImportResult | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!members) return setError(asAppError(new Error('Choose legislators-current.yaml first.')));
    setBusy(true);
    setError(null);
    try {
      setResult(
        await call('contacts.importLawmakers', {
          legislatorsYaml: await members.text(),
          ...(offices ? { officesYaml: await offices.text() } : {}),
          ...(state.trim() ? { state: state.trim() } : {}),
        }),
      );
      onDone();
    } catch (e) {
      setError(asAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Import lawmakers" onClose={onClose}>
      <p>
        Members of Congress come from the free, public <em>congress-legislators</em> files. Save{' '}
        <code>legislators-current.yaml</code> (and, for home-state office addresses,{' '}
        <code>legislators-district-offices.yaml</code>) and choose them here. Importing a newer file
        later updates the same people.
      </p>
      <form className="form-grid" onSubmit={submit}>
        <div className="field field-wide">
          <label htmlFor="lawmakers-members">Members file (legislators-current.yaml)</label>
          <input
            id="lawmakers-members"
            type="file"
            accept=".yaml,.yml"
            onChange={(e) => setMembers(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field field-wide">
          <label htmlFor="lawmakers-offices">District offices file (optional)</label>
          <input
            id="lawmakers-offices"
            type="file"
            accept=".yaml,.yml"
            onChange={(e) => setOffices(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label htmlFor="lawmakers-state">Only this state</label>
          <input
            id="lawmakers-state"
            value={state}
            maxLength={2}
            onChange={(e) => setState(e.target.value)}
            aria-describedby="lawmakers-state-hint"
          />
          <span className="field-hint" id="lawmakers-state-hint">
            Two letters, e.g. WA; empty for every state.
          </span>
        </div>
        <div className="form-actions field-wide">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {result ? 'Done' : 'Cancel'}
          </button>
        </div>
      </form>
      <ErrorBanner error={error} />
      {result && (
        <div className="banner banner-ok" role="status">
          {result.added} lawmakers added, {result.updated} updated.
        </div>
      )}
    </Modal>
  );
}
