// One document as the app reads it: its HTML (mammoth's, or its text in paragraphs), sanitised,
// on a sheet of "paper".
import { useMemo } from 'react';
import { call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { Modal } from '../../components/modal';
import { sanitizeDocumentHtml } from '../../lib/sanitize';
import { useLoad } from '../../lib/use-load';
import './documents.css';

export function DocumentPreview({
  id,
  fileName,
  onClose,
}: {
  id: number;
  fileName: string;
  onClose: () => void;
}) {
  const { data, error } = useLoad(() => call('documents.get', { id }), [id]);
  const html = useMemo(() => (data?.html ? sanitizeDocumentHtml(data.html) : null), [data]);

  return (
    <Modal title={fileName} onClose={onClose} className="modal-wide">
      <ErrorBanner error={error} />
      {!data && !error && <p>Loading…</p>}
      {data && data.warnings.length > 0 && (
        <div className="preview-warnings" role="note">
          <p>Some parts of this file could not be shown exactly:</p>
          <ul>
            {data.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {data &&
        (html ? (
          <article
            className="paper"
            data-testid="document-preview"
            dangerouslySetInnerHTML={{ __html: html }}
          />
        ) : data.text ? (
          <article className="paper paper-text" data-testid="document-preview">
            {data.text}
          </article>
        ) : (
          <p className="empty-note">This document has no text to show.</p>
        ))}
    </Modal>
  );
}
