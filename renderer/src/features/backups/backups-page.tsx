// Backups: the list (when, why, size), Back up now, the folder they go to, restore with a preview,
// and the archive for moving the whole library to another computer.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AppError } from '../../../../electron/contract/errors';
import type { BackupInfo, BackupPreview, BackupReason } from '../../../../electron/contract/safety';
import { asAppError, call } from '../../api';
import { DataTable } from '../../components/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { Modal } from '../../components/modal';
import { counted, formatSize } from '../../lib/format';
import { useLoad } from '../../lib/use-load';

const REASON_LABELS: Record<BackupReason, string> = {
  daily: 'Daily',
  manual: 'Backed up by you',
  'pre-migration': 'Before an update',
  'pre-restore': 'Before a restore',
  damaged: 'Damaged library, kept as it was',
};

const formatTime = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('en-US', {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      })
    : '—';

export function BackupsPage() {
  const { data, error, reload } = useLoad(() => call('backups.list', {}), []);
  const check = useLoad(() => call('library.check', {}), []);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [folder, setFolder] = useState<string | null>(null);
  const [preview, setPreview] = useState<BackupPreview | null>(null);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      setNotice(await work());
      reload();
    } catch (e) {
      setProblem(asAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const backUpNow = () =>
    run(async () => {
      const info = await call('backups.create', {});
      return `Backed up (${formatSize(info.sizeBytes)}) to ${info.file}.`;
    });

  const saveFolder = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const list = await call('backups.setFolder', { folder: folder ?? data?.folder ?? '' });
      setFolder(null);
      return `Backups now go to ${list.folder}.`;
    });
  };

  const askRestore = (backup: BackupInfo) =>
    run(async () => {
      setPreview(await call('backups.preview', { file: backup.file }));
      return '';
    });

  const rows = (data?.backups ?? []).map((b, i) => ({ ...b, id: i + 1 }));

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Backups</h1>
          <p className="lead">
            A backup is taken every day the app runs and before every update. The newest few, one a
            day for a week, one a week for a month and one a month for a year are kept.
          </p>
        </div>
        <div className="page-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={backUpNow}
            disabled={busy}
          >
            Back up now
          </button>
        </div>
      </div>
      <ErrorBanner error={problem} />
      <ErrorBanner error={error} />
      {data?.lastFailure && (
        <ErrorBanner
          error={`The automatic backup of ${formatTime(data.lastFailure.at)} failed: ${data.lastFailure.message}`}
        />
      )}
      {notice && (
        <div className="banner banner-ok" role="status">
          {notice}
        </div>
      )}
      {check.data?.state === 'ok' && (
        <p className="page-meta" data-testid="library-check">
          The library was last checked for damage on {formatTime(check.data.startedAt)} (
          {check.data.kind === 'full' ? 'the weekly full check' : 'a quick check'}): no problems
          found.
        </p>
      )}

      <section className="card" aria-labelledby="section-folder">
        <div className="card-header">
          <h2 id="section-folder">Backup folder</h2>
        </div>
        <form onSubmit={saveFolder} className="inline-form">
          <div className="field field-wide">
            <label htmlFor="backup-folder">
              Folder (a synced folder or an external drive is best)
            </label>
            <input
              id="backup-folder"
              value={folder ?? data?.folder ?? ''}
              onChange={(e) => setFolder(e.target.value)}
              spellCheck={false}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy || folder === null}>
              Use this folder
            </button>
          </div>
        </form>
      </section>

      <section className="card" aria-labelledby="section-backups">
        <div className="card-header">
          <h2 id="section-backups">Backups in this folder</h2>
        </div>
        {data && rows.length === 0 && <p>No backups yet.</p>}
        {rows.length > 0 && (
          <DataTable
            caption="Backups, newest first"
            rows={rows}
            columns={[
              { header: 'Taken', render: (b) => formatTime(b.takenAt) },
              { header: 'Why', render: (b) => REASON_LABELS[b.reason] },
              {
                header: 'Holds',
                render: (b) =>
                  b.counts
                    ? `${counted(b.counts.clients, ['client', 'clients'])} · ${counted(b.counts.cases, ['case', 'cases'])} · ${counted(b.counts.documents, ['document', 'documents'])}`
                    : '—',
              },
              { header: 'Size', render: (b) => formatSize(b.sizeBytes) },
            ]}
            actionsLabel="Restore"
            actions={(b) =>
              b.reason === 'damaged' ? null : (
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy}
                  onClick={() => void askRestore(b)}
                  aria-label={`Restore the backup taken ${formatTime(b.takenAt)}`}
                >
                  Restore…
                </button>
              )
            }
          />
        )}
      </section>

      <ArchiveSection busy={busy} run={run} />

      {preview && (
        <RestoreDialog
          preview={preview}
          onClose={() => setPreview(null)}
          onRestored={(message) => {
            setPreview(null);
            setNotice(message);
            reload();
          }}
        />
      )}
    </div>
  );
}

function RestoreDialog({
  preview,
  onClose,
  onRestored,
}: {
  preview: BackupPreview;
  onClose: () => void;
  onRestored: (message: string) => void;
}) {
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const { counts } = preview;

  const restore = async () => {
    setBusy(true);
    try {
      const result = await call('backups.restore', { file: preview.file });
      onRestored(
        `Restored the backup taken ${formatTime(result.restored.takenAt)}. Your library as it was is kept as ${result.previous.fileName}.`,
      );
    } catch (e) {
      setError(asAppError(e));
      setBusy(false);
    }
  };

  return (
    <Modal title="Restore this backup?" onClose={onClose}>
      <ErrorBanner error={error} />
      <dl className="facts" aria-label="What the backup holds">
        <dt>Taken</dt>
        <dd>{formatTime(preview.takenAt)}</dd>
        <dt>Last change to a case</dt>
        <dd>{formatTime(preview.lastChangeAt)}</dd>
        <dt>Clients</dt>
        <dd data-count="clients">{counts.clients}</dd>
        <dt>Cases</dt>
        <dd data-count="cases">{counts.cases}</dd>
        <dt>Documents</dt>
        <dd data-count="documents">{counts.documents}</dd>
        <dt>Contacts</dt>
        <dd data-count="contacts">{counts.contacts}</dd>
        <dt>Size</dt>
        <dd>{formatSize(preview.sizeBytes)}</dd>
      </dl>
      <p>
        Your library will be replaced by this backup. It is backed up first, so you can go back to
        it from this page.
      </p>
      <div className="form-actions">
        <button type="button" className="button button-danger" onClick={restore} disabled={busy}>
          Restore this backup
        </button>
        <button type="button" className="button" onClick={onClose} autoFocus>
          Cancel
        </button>
      </div>
    </Modal>
  );
}

function ArchiveSection({
  busy,
  run,
}: {
  busy: boolean;
  run: (work: () => Promise<string>) => Promise<void>;
}) {
  const [out, setOut] = useState('');
  const [file, setFile] = useState('');
  return (
    <section className="card" aria-labelledby="section-archive">
      <div className="card-header">
        <h2 id="section-archive">Moving to another computer</h2>
      </div>
      <p>
        An archive holds every client, case, record, contact and original document in one file. Copy
        it to the new computer and import it there.
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const s = await call('archive.export', { out });
            return `Wrote ${s.file} (${formatSize(s.sizeBytes)}): ${counted(s.counts.clients, ['client', 'clients'])}, ${counted(s.counts.cases, ['case', 'cases'])}, ${counted(s.counts.documents, ['document', 'documents'])}.`;
          });
        }}
      >
        <div className="field field-wide">
          <label htmlFor="archive-out">Save the archive as (full path)</label>
          <input
            id="archive-out"
            value={out}
            onChange={(e) => setOut(e.target.value)}
            spellCheck={false}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || !out.trim()}>
            Export archive
          </button>
        </div>
      </form>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const r = await call('archive.import', { file });
            return `Imported ${counted(r.clientIds.length, ['client', 'clients'])}. The library now holds ${counted(r.counts.clients, ['client', 'clients'])} and ${counted(r.counts.cases, ['case', 'cases'])}.`;
          });
        }}
      >
        <div className="field field-wide">
          <label htmlFor="archive-in">Archive to import (full path)</label>
          <input
            id="archive-in"
            value={file}
            onChange={(e) => setFile(e.target.value)}
            spellCheck={false}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || !file.trim()}>
            Import archive
          </button>
        </div>
      </form>
    </section>
  );
}
