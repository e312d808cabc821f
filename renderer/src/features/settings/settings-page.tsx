// Settings: where data and backups live, the backup schedule, letterhead, default recipients, and
// the welcome again.
import { useState } from 'react';
import { Link } from 'react-router';
import { CONTACT_KIND } from '../../../../electron/contract/choices';
import { contactName } from '../../lib/format';
import type { AppError } from '../../../../electron/contract/errors';
import { LETTER_KIND } from '../../../../electron/contract/letter';
import type { LetterKind } from '../../../../electron/contract/letter';
import { ConflictPanel } from '../../components/conflict-panel';
import { LockIcon } from '../../components/lock-icon';
import { asAppError, call } from '../../api';
import { MAX_PAGE } from '../../../../electron/contract/paging';
import { ErrorBanner } from '../../components/error-banner';
import { useLoad } from '../../lib/use-load';
import { HelpLink } from '../help/help-link';
import { LetterheadCard } from '../letters/letterhead-card';
import { OwnTreatmentsCard } from '../vocabulary/own-treatments-card';
import { BackupFolderForm, DataFolderNote } from './backup-folder-form';

export function SettingsPage() {
  const loaded = useLoad(
    async () => ({
      settings: await call('settings.get', {}),
      // A picker lists the whole address book (up to a thousand contacts).
      contacts: (await call('contacts.list', { limit: MAX_PAGE })).items,
    }),
    [],
  );
  const [problem, setProblem] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** A choice refused because another window changed the same default meanwhile. */
  const [clash, setClash] = useState<{ kind: LetterKind; value: string; error: AppError } | null>(
    null,
  );

  const setDefault = async (kind: LetterKind, value: string, version?: number) => {
    setProblem(null);
    setSaved(null);
    setClash(null);
    try {
      await call('settings.setDefaultRecipient', {
        kind,
        contactId: value ? Number(value) : null,
        version: version ?? loaded.data?.settings.defaultRecipientsVersion ?? 1,
      });
      setSaved(`Saved the default for “${LETTER_KIND.labels[kind]}”.`);
    } catch (e) {
      const error = asAppError(e);
      if (error.conflict) setClash({ kind, value, error });
      else setProblem(error);
    }
    loaded.reload();
  };

  const settings = loaded.data?.settings;
  const contacts = loaded.data?.contacts ?? [];
  const nameOf = (id: unknown) => {
    const found = contacts.find((c) => c.id === Number(id));
    return found ? contactName(found) : 'No default';
  };

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="lead">How Advocate Desk keeps your library and writes your letters.</p>
        </div>
        <div className="page-actions">
          <HelpLink section="backups" />
          <Link className="button" to="/welcome">
            Show the welcome again
          </Link>
        </div>
      </div>
      <p className="privacy-note" role="note">
        <LockIcon /> All data stays on this computer. Nothing is sent over the internet: no
        accounts, no cloud, no tracking.
      </p>
      <ErrorBanner error={problem} />
      <ErrorBanner error={loaded.error} />

      <section className="card" aria-labelledby="settings-data">
        <div className="card-header">
          <h2 id="settings-data">Data folder</h2>
        </div>
        <DataFolderNote />
      </section>

      <section className="card" aria-labelledby="settings-backups">
        <div className="card-header">
          <h2 id="settings-backups">Backups</h2>
          <Link className="button button-small button-ghost" to="/backups">
            See backups
          </Link>
        </div>
        <BackupFolderForm idPrefix="settings" />
        <h3 className="subheading">Schedule</h3>
        <p data-testid="backup-schedule">{settings?.backupSchedule ?? '…'}</p>
      </section>

      <LetterheadCard profileAbove={false} />

      <section className="card" aria-labelledby="settings-recipients">
        <div className="card-header">
          <h2 id="settings-recipients">Default recipients</h2>
          <Link className="button button-small button-ghost" to="/contacts">
            Address book
          </Link>
        </div>
        <p>
          The contact a new letter of each kind is addressed to unless you choose another on the
          case page.
        </p>
        {contacts.length === 0 ? (
          <p className="field-hint">Add insurers and lawmakers to the address book first.</p>
        ) : (
          <div className="settings-grid">
            {LETTER_KIND.values.map((kind) => (
              <div className="field" key={kind}>
                <label className="field-label" htmlFor={`default-recipient-${kind}`}>
                  {LETTER_KIND.labels[kind]}
                </label>
                <select
                  id={`default-recipient-${kind}`}
                  value={settings?.defaultRecipients[kind] ?? ''}
                  onChange={(e) => void setDefault(kind, e.target.value)}
                >
                  <option value="">No default</option>
                  {contacts.map((c) => (
                    <option key={c.id} value={c.id}>
                      {contactName(c)} ({CONTACT_KIND.labels[c.kind]})
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        )}
        {clash?.error.conflict && (
          <ConflictPanel
            message={clash.error.message}
            rows={[
              {
                field: clash.kind,
                label: LETTER_KIND.labels[clash.kind],
                mine: nameOf(clash.value),
                theirs: nameOf(clash.error.conflict.current[clash.kind]),
              },
            ]}
            onKeepMine={() =>
              void setDefault(clash.kind, clash.value, clash.error.conflict!.version)
            }
            onTakeTheirs={() => setClash(null)}
          />
        )}
        {saved && (
          <p className="banner banner-ok" role="status">
            {saved}
          </p>
        )}
      </section>

      <OwnTreatmentsCard />
    </div>
  );
}
