// The case list's saved views: a name for the filters and order on screen, one click to bring
// them back, renamed or deleted in place.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AppError } from '../../../../electron/contract/errors';
import type { SavedView } from '../../../../electron/contract/case-tags';
import { asAppError, call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { useLoad } from '../../lib/use-load';

export function SavedViews({ query, onOpen }: { query: string; onOpen: (query: string) => void }) {
  const views = useLoad(() => call('views.list', {}), []);
  const [naming, setNaming] = useState<{ view: SavedView | null; name: string } | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setProblem(null);
      setNaming(null);
      views.reload();
    } catch (e) {
      setProblem(asAppError(e));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!naming) return;
    const { view, name } = naming;
    void run(() =>
      view
        ? call('views.rename', { id: view.id, version: view.version, name })
        : call('views.create', { name, query }),
    );
  };

  return (
    <div className="saved-views" aria-label="Saved views" role="group">
      <span className="saved-views-label">Views:</span>
      {(views.data ?? []).map((v) => (
        <span key={v.id} className="saved-view">
          <button
            type="button"
            className={`button button-small ${v.query === query ? 'button-primary' : ''}`}
            aria-pressed={v.query === query}
            onClick={() => onOpen(v.query)}
          >
            {v.name}
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            aria-label={`Rename the view ${v.name}`}
            onClick={() => setNaming({ view: v, name: v.name })}
          >
            ✎
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            aria-label={`Delete the view ${v.name}`}
            onClick={() => void run(() => call('views.delete', { id: v.id }))}
          >
            ×
          </button>
        </span>
      ))}
      {naming ? (
        <form className="saved-view-form" onSubmit={submit}>
          <label htmlFor="view-name" className="visually-hidden">
            Name of the view
          </label>
          <input
            id="view-name"
            value={naming.name}
            placeholder="Name this view"
            autoFocus
            onChange={(e) => setNaming({ ...naming, name: e.target.value })}
          />
          <button type="submit" className="button button-small button-primary">
            {naming.view ? 'Rename' : 'Save view'}
          </button>
          <button type="button" className="button button-small" onClick={() => setNaming(null)}>
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="button button-small"
          onClick={() => setNaming({ view: null, name: '' })}
        >
          Save this view…
        </button>
      )}
      <ErrorBanner error={problem ?? views.error} />
    </div>
  );
}
