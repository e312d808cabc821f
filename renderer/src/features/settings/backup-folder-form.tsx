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
      <ErrorBanner error={problem} />
      <ErrorBanner error={error} />
      {notice && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}

/** The library's own file, and moving it to another folder (a synced or external drive). */
export function DataFolderNote() {
  const { data, reload } = useLoad(() => call('app.info', {}), []);
  const [folder, setFolder] = useState('');
  const [problem, setProblem] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const move = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setNotice(null);
    try {
      const moved = await call('library.move', { folder });
      setFolder('');
      setNotice(
        `The library is now at ${moved.databasePath}. The old copy at ${moved.previous} was left as it was: delete it once you are happy with the new place.`,
      );
      reload();
    } catch (e) {
      setProblem(asAppError(e));
    }
  };

  return (
    <>
      <p>
        Your case library is one file on this computer:{' '}
        <code className="path" data-testid="database-path">
          {data?.databasePath ?? '…'}
        </code>
      </p>
      <form className="settings-form" onSubmit={move}>
        <div className="field">
          <label className="field-label" htmlFor="library-folder">
            Move the library to another folder
          </label>
          <input
            id="library-folder"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            spellCheck={false}
            placeholder="e.g. an encrypted or synced folder"
            aria-describedby="library-folder-hint"
          />
          <p className="field-hint" id="library-folder-hint">
            A checked copy is made there and the app carries on with it, now and at every start. A
            folder that already holds a library is never overwritten. To move to a new computer,
            export the whole library as an archive from the Backups page instead.
          </p>
        </div>
        <div className="letter-actions">
          <button type="submit" className="button" disabled={!folder.trim()}>
            Move library
          </button>
        </div>
        <ErrorBanner error={problem} />
        {notice && (
          <p className="banner banner-ok" role="status">
            {notice}
          </p>
        )}
      </form>
    </>
  );
}
