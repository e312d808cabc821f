// The page-by-page check of the library runs in the background after it opens (it reads every
// page of a file of gigabytes). While it runs, a quiet line says so; if it finds damage — or a
// call is refused for it — a banner says what happened and offers the newest good backup.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { LibraryCheck } from '../../../../electron/contract/safety';
import { asAppError, call, onLibraryDamaged } from '../../api';
import { formatDate } from '../../lib/format';

/** How often the line asks how the check is going while it runs. */
const POLL_MS = 2000;

export function LibraryCheckBanner() {
  const [check, setCheck] = useState<LibraryCheck | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => onLibraryDamaged((error) => setRefused(error.message)), []);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      call('library.check', {}).then(
        (found) => {
          if (stopped) return;
          setCheck(found);
          if (found.state === 'checking') timer = setTimeout(ask, POLL_MS);
        },
        () => undefined,
      );
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [refused]);

  const damaged = check?.state === 'damaged' || refused !== null;
  if (damaged) {
    const backup = check?.newestBackup ?? null;
    const restore = async () => {
      if (!backup) return;
      setRestoring(true);
      try {
        await call('backups.restore', { file: backup.file });
        window.location.reload();
      } catch (e) {
        setProblem(asAppError(e).message);
        setRestoring(false);
      }
    };
    return (
      <div
        className="banner banner-error library-damaged"
        role="alert"
        aria-label="Library damaged"
      >
        <strong>The case library is damaged; nothing can be changed in it.</strong>{' '}
        {check?.message ?? refused}
        <div className="banner-actions">
          {backup && (
            <button type="button" className="button" onClick={restore} disabled={restoring}>
              {restoring
                ? 'Restoring…'
                : `Restore the newest good backup (${formatDate(backup.takenAt)})`}
            </button>
          )}
          <Link className="button" to="/backups">
            Backups
          </Link>
        </div>
        {problem && <p>{problem}</p>}
      </div>
    );
  }
  if (check?.state === 'checking') {
    return (
      <p className="library-checking" role="status">
        Checking the case library for damage in the background (
        {check.kind === 'full' ? 'the weekly full check' : 'a quick check'}); you can go on working.
      </p>
    );
  }
  if (check?.state === 'failed') {
    return (
      <p className="banner banner-warn" role="status">
        {check.message}
      </p>
    );
  }
  return null;
}
