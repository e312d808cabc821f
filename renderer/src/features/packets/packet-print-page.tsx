// The packet as one printable page, for the browser host: the browser's Print → Save as PDF makes
// the PDF the desktop app prints itself. The app's sidebar and buttons are left off the paper.
import { useParams, useSearchParams } from 'react-router';
import { parseItemToken } from '../../../../electron/contract/packet';
import type { PacketItem } from '../../../../electron/contract/packet';
import { call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { sanitizeDocumentHtml } from '../../lib/sanitize';
import { useLoad } from '../../lib/use-load';
import './packets.css';

export function PacketPrintPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const letterId = Number(params.get('letter'));
  const items = (params.get('items') ?? '')
    .split(',')
    .filter(Boolean)
    .map(parseItemToken)
    .filter((i): i is PacketItem => i !== null);
  const { data, error } = useLoad(
    () => call('packets.html', { letterId, items }),
    [letterId, params.get('items')],
  );
  // The engine's page is a whole HTML document: its body, made safe, is what prints.
  const body = data
    ? sanitizeDocumentHtml(/<body>([\s\S]*)<\/body>/.exec(data.html)?.[1] ?? '')
    : '';
  return (
    <div className="packet-print">
      <div className="page-actions packet-print-actions">
        <a className="button" href={`#/cases/${id}?focus=section-letters`}>
          Back to the case
        </a>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
      <ErrorBanner error={error} />
      {/* Sanitized above: engine-escaped text and inline scans only. */}
      <article
        className="packet-paper"
        aria-label={data?.title ?? 'Packet'}
        dangerouslySetInnerHTML={{ __html: body }}
      />
    </div>
  );
}
