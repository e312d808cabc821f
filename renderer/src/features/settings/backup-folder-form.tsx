// Where backups go: shown, and changed through backups.setFolder (the welcome and Settings).
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AppError } from '../../../../electron/contract/errors';
import { asAppError, call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { useLoad } from '../../lib/use-load';

export function BackupFolderForm({ idPrefix }: { idPrefix: string }) {
  const { data, error, reload } = useLoad(() => call('backups.list', {}), []);
  const [folder, setFolder] = useState<string | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setNotice(null);
    try {
      const list = await call('backups.setFolder', { folder: folder ?? data?.folder ?? '' });
      setFolder(null);
      setNotice(`Backups now go to ${list.folder}.`);
      reload();
    } catch (e) {
      setProblem(asAppError(e));
    }
  };

  return (
    <form className="settings-form" onSubmit={save}>
      <div className="field">
        <label className="field-label" htmlFor={`${idPrefix}-backup-folder`}>
          Backup folder
        </label>
        <input
          id={`${idPrefix}-backup-folder`}
          value={folder ?? data?.folder ?? ''}
          onChange={(e) => setFolder(e.target.value)}
          spellCheck={false}
        />
        <p className="field-hint">
          A folder on another drive or a synced folder keeps copies safe if this computer fails.
          {data
            ? ` ${data.backups.length} ${data.backups.length === 1 ? 'backup is' : 'backups are'} there now.`
            : ''}
        </p>
      </div>
      <div className="letter-actions">
        <button type="submit" className="button" disabled={folder === null}>
          Use this folder
        </button>
      </div>
      <ErrorBanner error={error ?? problem} />
      {notice && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}

/** The library's own file and how to move it, from app.info. */
export function DataFolderNote() {
  const { data } = useLoad(() => call('app.info', {}), []);
  return (
    <>
      <p>
        Your case library is one file on this computer:{' '}
        <code className="path" data-testid="database-path">
          {data?.databasePath ?? '…'}
        </code>
      </p>
      <p className="field-hint">
        To keep it somewhere else, quit Advocate Desk, move the file (with any <code>-wal</code>{' '}
        file beside it) and start the app with the environment variable{' '}
        <code>ADVOCATE_DESK_DB</code> set to its new path. To move to a new computer, export the
        whole library as an archive from the Backups page and import it there.
      </p>
    </>
  );
}
