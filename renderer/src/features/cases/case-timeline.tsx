// The case's story, newest first: calls, letters written, sent and answered, documents received,
// stage moves and denials, each a line with its date; a page at a time.
import { TIMELINE_KIND } from '../../../../electron/contract/timeline';
import { call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { ShowMore, usePageSize } from '../../components/show-more';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';

const PAGE = 6;

export function CaseTimeline({ caseId, version }: { caseId: number; version: string }) {
  const [limit, more] = usePageSize(PAGE, String(caseId));
  const { data, error } = useLoad(
    () => call('cases.timeline', { caseId, limit }),
    [caseId, limit, version],
  );
  return (
    <section className="card" aria-labelledby="section-timeline">
      <div className="card-header">
        <h2 id="section-timeline" tabIndex={-1}>
          Timeline
        </h2>
      </div>
      <ErrorBanner error={error} />
      {data && data.total === 0 && (
        <p className="empty-note">Nothing has happened on this case yet.</p>
      )}
      {data && data.total > 0 && (
        <>
          <ol className="timeline">
            {data.items.map((e) => (
              <li key={`${e.kind}-${e.recordId}`} className={`timeline-${e.kind}`}>
                <span className="timeline-date nowrap">{formatDate(e.on)}</span>
                <span className="timeline-kind">{TIMELINE_KIND[e.kind]}</span>
                <span className="timeline-what">{e.what}</span>
              </li>
            ))}
          </ol>
          <ShowMore
            shown={data.items.length}
            total={data.total}
            step={PAGE}
            noun={['event', 'events']}
            onMore={more}
          />
        </>
      )}
    </section>
  );
}
