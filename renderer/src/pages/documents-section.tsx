// The files kept with a case; importing and generating them happen elsewhere.
import { DOCUMENT_ORIGIN } from '../../../electron/contract/choices';
import type { DocumentInfo } from '../../../electron/contract/document';
import { formatDate, formatSize } from '../lib/format';

export function DocumentsSection({ documents }: { documents: DocumentInfo[] }) {
  return (
    <section className="card" aria-labelledby="section-documents">
      <div className="card-header">
        <h2 id="section-documents">Documents</h2>
      </div>
      {documents.length === 0 ? (
        <p className="empty-note">No documents kept with this case yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Documents</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Origin</th>
                <th scope="col">Size</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td>{d.fileName}</td>
                  <td>{DOCUMENT_ORIGIN.labels[d.origin]}</td>
                  <td>{formatSize(d.sizeBytes)}</td>
                  <td>{formatDate(d.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
