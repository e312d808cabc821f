// Results of the header search, across every field the engine indexes, best first.
import { useSearchParams } from 'react-router';
import { call } from '../../api';
import { CaseTable } from '../../components/case-table';
import { ErrorBanner } from '../../components/error-banner';
import { ShowMore, usePageSize } from '../../components/show-more';
import { useLoad } from '../../lib/use-load';

const PAGE = 50;

export function SearchPage() {
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [limit, more] = usePageSize(PAGE, q);
  const { data, error, loading } = useLoad(
    () =>
      q
        ? call('cases.list', { query: q, limit })
        : Promise.resolve({ total: 0, capped: false, items: [] }),
    [q, limit],
  );

  return (
    <div className="page">
      <div className="page-header">
        <h1>Search results for “{q}”</h1>
      </div>
      <ErrorBanner error={error} />
      {data && data.items.length > 0 && (
        <>
          <CaseTable cases={data.items} caption="Search results" />
          <ShowMore
            shown={data.items.length}
            total={data.total}
            capped={data.capped}
            step={PAGE}
            noun={['matching case', 'matching cases']}
            onMore={more}
          />
        </>
      )}
      {data && data.items.length === 0 && !loading && (
        <div className="empty-state">
          <h2>Nothing found</h2>
          <p>Check the spelling, or search for part of a name, a member ID or a treatment.</p>
        </div>
      )}
    </div>
  );
}
