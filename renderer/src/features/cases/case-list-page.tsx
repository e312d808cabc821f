// Home: every case a page at a time, found by words, narrowed by stage, insurer, treatment, plan
// type and what is due soon, ordered by any column — all of it kept in the address, so a
// bookmark or the back button brings the same list back. The list leaves as CSV or on paper.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CASE_STATUS, PLAN_TYPE } from '../../../../electron/contract/choices';
import type { CaseSort } from '../../../../electron/contract/case';
import { NATURAL_DIRECTION } from '../../../../electron/contract/case';
import { asAppError, call } from '../../api';
import { CaseTable } from '../../components/case-table';
import { ErrorBanner } from '../../components/error-banner';
import { ShowMore, usePageSize } from '../../components/show-more';
import type { AppError } from '../../../../electron/contract/errors';
import { counted } from '../../lib/format';
import { downloadText } from '../../lib/files';
import { localDate } from '../../lib/local-date';
import { useLoad } from '../../lib/use-load';
import { SampleBanner, useSampleStatus } from '../first-run/sample';
import { HelpLink } from '../help/help-link';
import { filtersOf, narrowed, readState, writeState } from './case-list-filters';
import type { ListState } from './case-list-filters';
import { CaseBulkActions } from './case-bulk-actions';
import { SavedViews } from './saved-views';
import { FilterSelect } from './filter-select';
import './case-list.css';

/** Cases shown at first, and added by each "Show more". */
const PAGE = 50;

const DUE_CHOICES = [
  ['7', 'Due within 7 days'],
  ['30', 'Due within 30 days'],
  ['90', 'Due within 90 days'],
] as const;

export function CaseListPage() {
  const [params, setParams] = useSearchParams();
  const state = readState(params);
  const update = (change: Partial<ListState>) =>
    setParams(writeState({ ...state, ...change }), { replace: true });

  // The search box answers after a pause in typing, so each keystroke does not query the library.
  const [text, setText] = useState(state.query);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (text.trim() !== state.query) update({ query: text.trim() });
    }, 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only typing starts the timer
  }, [text]);

  const today = localDate();
  const filters = filtersOf(state, today);
  const key = JSON.stringify(filters);
  const [limit, more] = usePageSize(PAGE, key);
  const { data, error, loading, reload } = useLoad(
    () => call('cases.list', { ...filters, limit }),
    [key, limit],
  );
  const choices = useLoad(
    async () => ({ ...(await call('cases.choices', {})), tags: await call('caseTags.list', {}) }),
    [],
  );
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [bulkOutcome, setBulkOutcome] = useState<string | null>(null);
  const selection = {
    picked,
    toggle: (id: number) =>
      setPicked((p) => {
        const next = new Set(p);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    setPage: (ids: number[], on: boolean) =>
      setPicked((p) => {
        const next = new Set(p);
        for (const id of ids)
          if (on) next.add(id);
          else next.delete(id);
        return next;
      }),
  };
  // Only rows on screen can be acted on: a pick scrolled out of the filter is dropped.
  const pickedRows = (data?.items ?? []).filter((c) => picked.has(c.id));
  const sample = useSampleStatus();
  const [exportError, setExportError] = useState<AppError | null>(null);

  // The order on screen: as asked, else best matches for a search, else the latest activity.
  const shownSort = state.sort ?? (state.query ? null : 'activity');
  const shownDirection = state.direction ?? (shownSort ? NATURAL_DIRECTION[shownSort] : 'desc');
  const sortBy = (by: CaseSort) =>
    // The same column again turns it around; another starts in its natural direction.
    update(
      by === shownSort
        ? { sort: by, direction: shownDirection === 'asc' ? 'desc' : 'asc' }
        : { sort: by, direction: null },
    );

  const exportCsv = async () => {
    try {
      const file = await call('cases.export', filters);
      downloadText(file.fileName, file.text, 'text/csv');
      setExportError(null);
    } catch (e) {
      setExportError(asAppError(e));
    }
  };

  return (
    <div className="page case-list">
      <div className="page-header">
        <h1>Cases</h1>
        <div className="page-actions">
          <HelpLink section="cases" />
          <button type="button" className="button" onClick={exportCsv}>
            Export CSV
          </button>
          <button type="button" className="button" onClick={() => window.print()}>
            Print list
          </button>
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
      <div className="toolbar case-filters" role="search" aria-label="Find and filter cases">
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
        <FilterSelect
          id="case-status"
          label="Status"
          any="All statuses"
          value={state.status}
          options={CASE_STATUS.values.map((v) => [v, CASE_STATUS.labels[v]] as const)}
          onChange={(v) => update({ status: v as ListState['status'] })}
        />
        <FilterSelect
          id="case-insurer"
          label="Insurer"
          any="All insurers"
          value={state.insurer}
          options={asOptions(withCurrent(choices.data?.insurers, state.insurer))}
          onChange={(insurer) => update({ insurer })}
        />
        <FilterSelect
          id="case-treatment"
          label="Treatment"
          any="All treatments"
          value={state.treatment}
          options={asOptions(withCurrent(choices.data?.treatments, state.treatment))}
          onChange={(treatment) => update({ treatment })}
        />
        <FilterSelect
          id="case-plan"
          label="Plan type"
          any="All plan types"
          value={state.planType}
          options={PLAN_TYPE.values.map((v) => [v, PLAN_TYPE.labels[v]] as const)}
          onChange={(v) => update({ planType: v as ListState['planType'] })}
        />
        {(choices.data?.tags.length ?? 0) > 0 && (
          <FilterSelect
            id="case-tag"
            label="Tag"
            any="Any tag"
            value={state.tag}
            options={asOptions(
              withCurrent(
                choices.data?.tags.map((t) => t.tag),
                state.tag,
              ),
            )}
            onChange={(tag) => update({ tag })}
          />
        )}
        <FilterSelect
          id="case-due"
          label="Due"
          any="Any time"
          value={state.due}
          options={DUE_CHOICES}
          onChange={(due) => update({ due })}
        />
        {narrowed(state) && (
          <button
            type="button"
            className="button button-link"
            onClick={() => {
              setText('');
              setParams(writeState({ ...readState(new URLSearchParams()), sort: state.sort }), {
                replace: true,
              });
            }}
          >
            Clear filters
          </button>
        )}
        {data && (
          <p className="toolbar-count" role="status">
            {data.capped ? 'More than ' : ''}
            {counted(data.total, data.capped ? 'cases' : ['case', 'cases'])}
          </p>
        )}
      </div>
      <SavedViews
        query={params.toString()}
        onOpen={(query) => {
          const next = new URLSearchParams(query);
          setText(readState(next).query);
          setParams(next, { replace: true });
        }}
      />
      {pickedRows.length > 0 && (
        <CaseBulkActions
          picked={pickedRows}
          onDone={(outcome) => {
            setBulkOutcome(outcome);
            reload();
            setPicked(new Set());
          }}
        />
      )}
      {bulkOutcome && (
        <p role="status" className="banner banner-ok bulk-outcome">
          {bulkOutcome}
        </p>
      )}
      <ErrorBanner error={error ?? exportError} />
      {data && data.items.length > 0 && (
        <>
          <CaseTable
            cases={data.items}
            caption="Cases"
            sampleCaseId={sample.data?.caseId ?? null}
            selection={selection}
            sort={{
              by: shownSort,
              direction: state.direction ?? (shownSort ? NATURAL_DIRECTION[shownSort] : 'desc'),
              onSort: sortBy,
            }}
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
          {narrowed(state) ? (
            <>
              <h2>No cases match</h2>
              <p>Try fewer words, or clear the filters.</p>
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

/** Values that read as themselves (an insurer's name) as select options. */
const asOptions = (values: string[]) => values.map((v) => [v, v] as const);

/** The choices, keeping one a bookmark asks for even when it is not among them (yet). */
function withCurrent(values: string[] | undefined, current: string): string[] {
  const list = values ?? [];
  return current && !list.some((v) => v.toLowerCase() === current.toLowerCase())
    ? [current, ...list]
    : list;
}
