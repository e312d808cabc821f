// The foot of a list that comes a page at a time: how many of how many are shown, and a button
// for the next page. A search that matches more than it counts asks for another word instead.
import { useState } from 'react';
import { MAX_PAGE } from '../../../electron/contract/paging';
import { count, nounFor } from '../lib/format';
import type { Noun } from '../lib/format';

export { count };

/**
 * How many rows a list shows, growing a page at a time; back to one page whenever `key` (the
 * list's filters) changes.
 */
export function usePageSize(step: number, key: string): [number, () => void] {
  const [state, setState] = useState({ key, size: step });
  const size = state.key === key ? state.size : step;
  const more = () => setState({ key, size: Math.min(MAX_PAGE, size + step) });
  return [size, more];
}

export function ShowMore({
  shown,
  total,
  capped = false,
  step,
  noun,
  onMore,
}: {
  shown: number;
  total: number;
  /** More match than `total` counts. */
  capped?: boolean;
  step: number;
  /** What is listed: ["case", "cases"], agreeing with the total. */
  noun: Noun;
  onMore: () => void;
}) {
  if (total === 0) return null;
  const all = capped ? `more than ${count(total)}` : count(total);
  const left = total - shown;
  const canMore = left > 0 && shown < MAX_PAGE;
  return (
    <div className="show-more">
      <p className="show-more-count">
        Showing {count(shown)} of {all} {nounFor(capped ? 2 : total, noun)}
      </p>
      {canMore && (
        <button type="button" className="button" onClick={onMore}>
          Show {count(Math.min(step, left, MAX_PAGE - shown))} more
        </button>
      )}
      {!canMore && (capped || left > 0) && (
        <p className="show-more-hint">Add a word to narrow the list.</p>
      )}
    </div>
  );
}
