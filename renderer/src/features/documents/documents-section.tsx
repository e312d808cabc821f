// The files kept with a case: Word and PDF files and scans imported by picker or drag-and-drop (asking for
// the password of a protected one), and a preview of each.
import { useEffect, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { DOCUMENT_ORIGIN } from '../../../../electron/contract/choices';
import type { DocumentInfo } from '../../../../electron/contract/document';
import { DOCUMENT_TYPE } from '../../../../electron/contract/document';
import { asAppError, call } from '../../api';
import type { AppError } from '../../../../electron/contract/errors';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DataTable } from '../../components/data-table';
import { DocumentFileButtons } from '../../components/document-file-buttons';
import { ErrorBanner } from '../../components/error-banner';
import { ShowMore } from '../../components/show-more';
import { MAX_PAGE } from '../../../../electron/contract/paging';
import { formatDate, formatSize } from '../../lib/format';
import { bytesToBase64 } from '../../lib/sanitize';
import { PasswordDialog } from '../imports/password-dialog';
import { DocumentPreview } from './document-preview';
import { FactReview } from '../facts/fact-review';
import './documents.css';

interface Progress {
  index: number;
  total: number;
  name: string;
}

interface Summary {
  imported: string[];
  refused: { fileName: string; problem: string }[];
  skipped: number;
}

/** Documents added to the list by each "Show more". */
const DOCUMENTS_PAGE = 100;

/** The formats the importer reads, as the file picker filters them. */
const RECORD_TYPES = '.docx,.doc,.pdf,.png,.jpg,.jpeg,.tif,.tiff';

/** A picked folder holds everything; only Word, PDF and scanned image files (not Word's "~$" lock files) are imported. */
function recordFilesOnly(files: File[]): File[] {
  return files
    .filter((f) => /\.(docx|doc|pdf|png|jpe?g|tiff?)$/i.test(f.name) && !f.name.startsWith('~$'))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function DocumentsSection({
  caseId,
  documents: first,
  total,
  onChanged,
}: {
  caseId: number;
  /** The case's first documents, as the case page loaded them. */
  documents: DocumentInfo[];
  /** How many the case has in all: the rest come a page at a time. */
  total: number;
  onChanged: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef(false);
  const dragDepth = useRef(0);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [preview, setPreview] = useState<DocumentInfo | null>(null);
  const [review, setReview] = useState<DocumentInfo | null>(null);
  const [deleting, setDeleting] = useState<DocumentInfo | null>(null);
  const busy = progress !== null;
  const [fileError, setFileError] = useState<AppError | null>(null);
  // More than the case page's first documents, once asked for (reloaded with the case).
  const [wanted, setWanted] = useState(0);
  const [loaded, setLoaded] = useState<DocumentInfo[] | null>(null);
  useEffect(() => {
    if (wanted === 0) return;
    let current = true;
    call('documents.list', { caseId, limit: wanted }).then(
      (page) => current && setLoaded(page.items),
      (e: unknown) => current && setFileError(asAppError(e)),
    );
    return () => {
      current = false;
    };
  }, [caseId, wanted, first]);
  const documents = wanted > 0 && loaded ? loaded : first;
  const more = () => setWanted(Math.min(MAX_PAGE, documents.length + DOCUMENTS_PAGE));
  const [asking, setAsking] = useState<{
    fileName: string;
    wrong: boolean;
    answer: (password: string | null) => void;
  } | null>(null);

  /** The password for a protected file, or null when the user skips it. */
  const askPassword = (fileName: string, wrong: boolean) =>
    new Promise<string | null>((resolve) =>
      setAsking({
        fileName,
        wrong,
        answer: (password) => {
          setAsking(null);
          resolve(password);
        },
      }),
    );

  // React has no prop for folder picking; the attribute is set once on the element.
  useEffect(() => {
    folderRef.current?.setAttribute('webkitdirectory', '');
  }, []);

  async function importFiles(files: File[]) {
    if (busy || files.length === 0) return;
    cancelRef.current = false;
    setSummary(null);
    const result: Summary = { imported: [], refused: [], skipped: 0 };
    for (const [i, file] of files.entries()) {
      if (cancelRef.current) {
        result.skipped = files.length - i;
        break;
      }
      setProgress({ index: i + 1, total: files.length, name: file.name });
      try {
        const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
        const args = { caseId, fileName: file.name, contentBase64 };
        let reply = await call('documents.importFile', args);
        while (
          !reply.ok &&
          (reply.code === 'password-required' || reply.code === 'wrong-password')
        ) {
          const password = await askPassword(file.name, reply.code === 'wrong-password');
          if (password === null) break;
          reply = await call('documents.importFile', { ...args, password });
        }
        if (reply.ok) result.imported.push(reply.document.fileName);
        else result.refused.push({ fileName: reply.fileName, problem: reply.problem });
      } catch (e) {
        result.refused.push({ fileName: file.name, problem: asAppError(e).message });
      }
    }
    setProgress(null);
    setSummary(result);
    if (inputRef.current) inputRef.current.value = '';
    if (result.imported.length > 0) onChanged();
  }

  function hasFiles(e: DragEvent) {
    return Array.from(e.dataTransfer.types).includes('Files');
  }

  return (
    <section
      className={dragging ? 'card drop-zone dragging' : 'card drop-zone'}
      aria-labelledby="section-documents"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        dragDepth.current += 1;
        setDragging(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
      }}
      onDragLeave={() => {
        dragDepth.current = Math.max(0, dragDepth.current - 1);
        if (dragDepth.current === 0) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        dragDepth.current = 0;
        setDragging(false);
        void importFiles(Array.from(e.dataTransfer.files));
      }}
    >
      <div className="card-header">
        <h2 id="section-documents">Documents</h2>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => inputRef.current?.click()}
        >
          Import files
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => folderRef.current?.click()}
        >
          Import a folder
        </button>
        <input
          ref={folderRef}
          type="file"
          hidden
          aria-label="Folder of Word, PDF and scanned files to import"
          data-testid="import-folder-input"
          onChange={(e) =>
            void importFiles(recordFilesOnly(Array.from(e.currentTarget.files ?? [])))
          }
        />
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={RECORD_TYPES}
          hidden
          aria-label="Word, PDF or scanned files to import"
          data-testid="import-input"
          onChange={(e) => void importFiles(Array.from(e.currentTarget.files ?? []))}
        />
      </div>
      <p className="drop-hint">
        {dragging
          ? 'Drop the files to import them.'
          : 'Or drag files here. Read: Word (.docx, and .doc from Word 97–2003), PDFs with a text layer, and scans and faxes (scanned PDFs, .png, .jpg, .tif) read by OCR, a few seconds a page.'}
      </p>
      {asking && (
        <PasswordDialog
          key={`${asking.fileName}-${String(asking.wrong)}`}
          fileName={asking.fileName}
          wrong={asking.wrong}
          onSubmit={(password) => asking.answer(password)}
          onSkip={() => asking.answer(null)}
        />
      )}

      {progress && (
        <div className="import-progress" role="status">
          <p>
            Importing {progress.index} of {progress.total}: {progress.name}
          </p>
          <progress max={progress.total} value={progress.index - 1} aria-label="Import progress" />
          <button
            type="button"
            className="button button-small"
            onClick={() => (cancelRef.current = true)}
          >
            Cancel
          </button>
        </div>
      )}

      {summary && (
        <div className="import-summary" role="status" aria-label="Import summary">
          <div className="import-summary-header">
            <strong>
              Imported {summary.imported.length} of{' '}
              {summary.imported.length + summary.refused.length + summary.skipped}
              {summary.skipped > 0 && ` (canceled; ${summary.skipped} not tried)`}
            </strong>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => setSummary(null)}
            >
              Dismiss
            </button>
          </div>
          {summary.imported.length > 0 && (
            <ul className="import-ok">
              {summary.imported.map((name, i) => (
                <li key={i}>{name}</li>
              ))}
            </ul>
          )}
          {summary.refused.length > 0 && (
            <>
              <p className="import-refused-title">Not imported:</p>
              <ul className="import-refused">
                {summary.refused.map((r, i) => (
                  <li key={i}>
                    <strong>{r.fileName}</strong>: {r.problem}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      <ErrorBanner error={fileError} />
      {documents.length === 0 ? (
        <p className="empty-note">No documents kept with this case yet.</p>
      ) : (
        <DataTable
          caption="Documents"
          rows={documents}
          actionsLabel="Actions"
          columns={[
            {
              header: 'Name',
              render: (d) => (
                <button type="button" className="link-button" onClick={() => setPreview(d)}>
                  {d.fileName}
                </button>
              ),
            },
            {
              header: 'Type',
              render: (d) => (
                <select
                  className="type-select"
                  aria-label={`Type of ${d.fileName}`}
                  value={d.documentType}
                  onChange={(e) => {
                    const documentType = e.currentTarget.value as DocumentInfo['documentType'];
                    setFileError(null);
                    call('documents.update', {
                      id: d.id,
                      version: d.version,
                      values: { documentType },
                    }).then(onChanged, (error: unknown) => {
                      setFileError(asAppError(error));
                      onChanged();
                    });
                  }}
                >
                  {DOCUMENT_TYPE.values.map((value) => (
                    <option key={value} value={value}>
                      {DOCUMENT_TYPE.labels[value]}
                    </option>
                  ))}
                </select>
              ),
            },
            { header: 'Origin', render: (d) => DOCUMENT_ORIGIN.labels[d.origin] },
            { header: 'Size', render: (d) => formatSize(d.sizeBytes) },
            { header: 'Added', render: (d) => formatDate(d.createdAt) },
          ]}
          actions={(d) => (
            <>
              <DocumentFileButtons id={d.id} fileName={d.fileName} onError={setFileError} />
              {d.origin === 'imported' && (
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Review facts in ${d.fileName}`}
                  onClick={() => setReview(d)}
                >
                  Review facts
                </button>
              )}
              <button
                type="button"
                className="button button-small button-danger"
                aria-label={`Delete ${d.fileName}`}
                onClick={() => setDeleting(d)}
              >
                Delete
              </button>
            </>
          )}
        />
      )}
      <ShowMore
        shown={documents.length}
        total={Math.max(total, documents.length)}
        step={DOCUMENTS_PAGE}
        noun={['document', 'documents']}
        onMore={more}
      />

      {preview && (
        <DocumentPreview
          id={preview.id}
          fileName={preview.fileName}
          onClose={() => setPreview(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete document?"
          message={`${deleting.fileName} will be removed from the case, with its text and any letter record; facts accepted from it stay. This cannot be undone (backups taken before now still hold it).`}
          confirmLabel="Delete document"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await call('documents.delete', { id: deleting.id });
            onChanged();
          }}
        />
      )}
      {review && (
        <FactReview
          documentId={review.id}
          fileName={review.fileName}
          onChanged={onChanged}
          onClose={() => setReview(null)}
        />
      )}
    </section>
  );
}
