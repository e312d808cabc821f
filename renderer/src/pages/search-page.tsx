// Results of the header search, across every field the engine indexes.
import { useSearchParams } from 'react-router';
import { call } from '../api';
import { CaseTable } from '../components/case-table';
import { ErrorBanner } from '../components/error-banner';
import { useLoad } from '../lib/use-load';

export function SearchPage() {
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const { data, error, loading } = useLoad(
    () => (q ? call('search', { query: q }) : Promise.resolve([])),
    [q],
  );

  return (
    <div className="page">
      <div className="page-header">
        <h1>Search results for “{q}”</h1>
      </div>
      <ErrorBanner error={error} />
      {data && data.length > 0 && <CaseTable cases={data} caption="Search results" />}
      {data && data.length === 0 && !loading && (
        <div className="empty-state">
          <h2>Nothing found</h2>
          <p>Check the spelling, or search for part of a name, a member ID or a treatment.</p>
        </div>
      )}
    </div>
  );
}
