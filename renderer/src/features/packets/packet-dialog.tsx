// Making the packet that goes out with a letter: choose and order its enclosures (the case's
// documents, the client's authorizations, the citations), see the index with page counts and
// what to fix first, then make it — a .docx, and a PDF where this app can print one (in the
// browser, its print view).
import { useState } from 'react';
import { Link } from 'react-router';
import type { AppError } from '../../../../electron/contract/errors';
import { DOCUMENT_TYPE } from '../../../../electron/contract/document';
import type { DocumentType } from '../../../../electron/contract/document';
import type { LetterJourney } from '../../../../electron/contract/letter-journey';
import { itemToken } from '../../../../electron/contract/packet';
import type { GeneratedPacket, PacketItem } from '../../../../electron/contract/packet';
import { asAppError, call, inDesktopApp } from '../../api';
import { DocumentFileButtons } from '../../components/document-file-buttons';
import { ErrorBanner } from '../../components/error-banner';
import { Modal } from '../../components/modal';
import { useLoad } from '../../lib/use-load';
import './packets.css';

const same = (a: PacketItem, b: PacketItem) => itemToken(a) === itemToken(b);

interface PacketDialogProps {
  caseId: number;
  letter: LetterJourney;
  onClose: () => void;
  /** Opens "Record as sent" for the letter: the packet goes out with it. */
  onRecordSent: () => void;
}

export function PacketDialog({ caseId, letter, onClose, onRecordSent }: PacketDialogProps) {
  // Until the advocate chooses, the packet holds what the letter calls for.
  const [items, setItems] = useState<PacketItem[] | null>(null);
  const [made, setMade] = useState<GeneratedPacket | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [making, setMaking] = useState(false);
  const { data, error } = useLoad(async () => {
    const shown = await call('packets.preview', {
      letterId: letter.documentId,
      items: items ?? [],
    });
    return items === null
      ? call('packets.preview', { letterId: letter.documentId, items: shown.suggested })
      : shown;
  }, [letter.documentId, JSON.stringify(items)]);
  const chosen = items ?? data?.suggested ?? [];
  const toggle = (item: PacketItem, on: boolean) =>
    setItems(on ? [...chosen, item] : chosen.filter((i) => !same(i, item)));
  const move = (at: number, by: -1 | 1) => {
    const next = [...chosen];
    const [item] = next.splice(at, 1);
    next.splice(at + by, 0, item!);
    setItems(next);
  };
  const make = async () => {
    setMaking(true);
    setProblem(null);
    try {
      setMade(
        await call('packets.generate', {
          letterId: letter.documentId,
          items: chosen,
          pdf: true,
        }),
      );
    } catch (e) {
      setProblem(asAppError(e));
    } finally {
      setMaking(false);
    }
  };
  const printLink = `/cases/${caseId}/packet?letter=${letter.documentId}&items=${chosen
    .map(itemToken)
    .join(',')}`;

  return (
    <Modal title={`Packet: ${letter.templateName}`} onClose={onClose}>
      <ErrorBanner error={error ?? problem} />
      {data && (
        <div className="packet-dialog">
          <p>
            <strong>To:</strong>{' '}
            {data.recipient
              ? `${data.recipient.name}${data.recipient.organisation ? `, ${data.recipient.organisation}` : ''} · fax ${data.recipient.fax ?? 'none on file'}`
              : 'no recipient chosen'}
          </p>
          <fieldset className="packet-choices">
            <legend>Enclose</legend>
            {data.available.documents.map((d) => {
              const item: PacketItem = { kind: 'document', documentId: d.id };
              return (
                <label key={`d${d.id}`} className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.some((i) => same(i, item))}
                    onChange={(e) => toggle(item, e.target.checked)}
                  />
                  {d.fileName}{' '}
                  <span className="strip-sub">
                    {DOCUMENT_TYPE.labels[d.documentType as DocumentType] ?? d.documentType}
                  </span>
                </label>
              );
            })}
            {data.available.authorizations.map((a) => {
              const item: PacketItem = { kind: 'authorization', authorizationId: a.id };
              return (
                <label key={`a${a.id}`} className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.some((i) => same(i, item))}
                    onChange={(e) => toggle(item, e.target.checked)}
                  />
                  {a.label}
                  {!a.inForce && <span className="strip-sub">not in force</span>}
                </label>
              );
            })}
            {data.available.citations > 0 && (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.some((i) => i.kind === 'citations')}
                  onChange={(e) => toggle({ kind: 'citations' }, e.target.checked)}
                />
                Published evidence cited ({data.available.citations})
              </label>
            )}
          </fieldset>

          <table className="data-table packet-index">
            <caption>In the packet, in order</caption>
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col">Document</th>
                <th scope="col">Pages</th>
                <th scope="col">
                  <span className="visually-hidden">Order</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e, i) => (
                <tr key={e.number}>
                  <td>{e.number === 1 ? 'Letter' : e.number - 1}</td>
                  <td>
                    {e.title}
                    {e.note && <span className="strip-sub">{e.note}</span>}
                  </td>
                  <td>{e.pages}</td>
                  <td className="nowrap">
                    {i > 0 && (
                      <>
                        <button
                          type="button"
                          className="button button-small"
                          disabled={i === 1}
                          aria-label={`Move ${e.title} up`}
                          onClick={() => move(i - 1, -1)}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          disabled={i === data.entries.length - 1}
                          aria-label={`Move ${e.title} down`}
                          onClick={() => move(i - 1, 1)}
                        >
                          ↓
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <strong>{data.totalPages} pages</strong> with the cover sheet and index (an estimate:
            Word and LibreOffice lay the pages out).
          </p>
          {data.problems.length > 0 && (
            <div className="banner banner-warn" role="status" aria-label="Before you send it">
              <ul>
                {data.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          {made ? (
            <div className="packet-made" role="status" aria-label="Packet made">
              <p>
                Saved <strong>{made.fileName}</strong> with the case’s documents.
              </p>
              <p className="packet-buttons">
                <DocumentFileButtons
                  id={made.documentId}
                  fileName={made.fileName}
                  onError={setProblem}
                />
                {made.pdfDocumentId !== null && (
                  <DocumentFileButtons
                    id={made.pdfDocumentId}
                    fileName={made.fileName.replace(/\.docx$/, '.pdf')}
                    onError={setProblem}
                  />
                )}
                {made.pdfDocumentId === null && !inDesktopApp && (
                  <Link className="button button-small" to={printLink}>
                    Print view (Save as PDF)
                  </Link>
                )}
                <button type="button" className="button button-small" onClick={onRecordSent}>
                  Record as sent
                </button>
              </p>
              <p className="hint">
                Recording it as sent (date, fax confirmation or certified-mail number) starts the
                insurer’s clock from that day.
              </p>
            </div>
          ) : (
            <div className="form-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={making}
                onClick={() => void make()}
              >
                {making ? 'Making the packet…' : 'Make the packet'}
              </button>
              <button type="button" className="button" onClick={onClose}>
                Cancel
              </button>
            </div>
          )}
        </div>
      )}
    </Modal>
  );
}
