// Home: every case, newest activity first (a page at a time), with search and a status filter.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { CASE_STATUS } from '../../../../electron/contract/choices';
import type { CaseStatus } from '../../../../electron/contract/case';
import { call } from '../../api';
import { CaseTable } from '../../components/case-table';
import { ErrorBanner } from '../../components/error-banner';
import { ShowMore, count, usePageSize } from '../../components/show-more';
import { useLoad } from '../../lib/use-load';
import { SampleBanner, useSampleStatus } from '../first-run/sample';
import { HelpLink } from '../help/help-link';

/** Cases shown at first, and added by each "Show more". */
const PAGE = 50;

export function CaseListPage() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<CaseStatus | ''>('');

  // Wait for a pause in typing so each keystroke does not query the library.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);

  const [limit, more] = usePageSize(PAGE, `${query}|${status}`);
  const { data, error, loading, reload } = useLoad(
    () =>
      call('cases.list', {
        ...(query ? { query } : {}),
        ...(status ? { status } : {}),
        limit,
      }),
    [query, status, limit],
  );
  const sample = useSampleStatus();
  const filtered = query !== '' || status !== '';

  return (
    <div className="page">
      <div className="page-header">
        <h1>Cases</h1>
        <div className="page-actions">
          <HelpLink section="cases" />
          <Link className="button" to="/clients/new">
            New client
          </Link>
          <Link className="button button-primary" to="/cases/new">
            New case
          </Link>
        </div>
      </div>
      <SampleBanner
        onRemoved={() => {
          reload();
          sample.reload();
        }}
      />
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="case-search">Find cases</label>
          <input
            id="case-search"
            type="search"
            placeholder="Client, treatment, insurer or member ID"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field field-inline">
          <label htmlFor="case-status">Status</label>
          <select
            id="case-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as CaseStatus | '')}
          >
            <option value="">All statuses</option>
            {CASE_STATUS.values.map((v) => (
              <option key={v} value={v}>
                {CASE_STATUS.labels[v]}
              </option>
            ))}
          </select>
        </div>
        {data && (
          <p className="toolbar-count" role="status">
            {data.capped ? 'More than ' : ''}
            {count(data.total)} {data.total === 1 && !data.capped ? 'case' : 'cases'}
          </p>
        )}
      </div>
      <ErrorBanner error={error} />
      {data && data.items.length > 0 && (
        <>
          <CaseTable
            cases={data.items}
            caption="Cases"
            sampleCaseId={sample.data?.caseId ?? null}
          />
          <ShowMore
            shown={data.items.length}
            total={data.total}
            capped={data.capped}
            step={PAGE}
            noun={['case', 'cases']}
            onMore={more}
          />
        </>
      )}
      {data && data.items.length === 0 && !loading && (
        <div className="empty-state">
          {filtered ? (
            <>
              <h2>No cases match</h2>
              <p>Try fewer words, or choose “All statuses”.</p>
            </>
          ) : (
            <>
              <h2>No cases yet</h2>
              <p>
                Start by adding the person you are helping, then open a case for the treatment they
                need covered.
              </p>
              <Link className="button button-primary" to="/clients/new">
                Add your first client
              </Link>
            </>
          )}
        </div>
      )}
    </div>
  );
}
