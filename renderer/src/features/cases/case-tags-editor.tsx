// A case's tags, shown as badges and edited in place as a comma-separated line.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AppError } from '../../../../electron/contract/errors';
import { asAppError, call } from '../../api';
import './case-list.css';
import { ErrorBanner } from '../../components/error-banner';

export function CaseTagsEditor(props: { caseId: number; tags: string[]; onSaved: () => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  // The tags the edit started from: only the changes made to them are saved.
  const [from, setFrom] = useState<string[]>([]);
  const [problem, setProblem] = useState<AppError | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const tags = (editing ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    try {
      await call('caseTags.set', { caseId: props.caseId, tags, from });
      setEditing(null);
      setProblem(null);
      props.onSaved();
    } catch (error) {
      setProblem(asAppError(error));
    }
  };
  if (editing === null)
    return (
      <span className="case-tags">
        {props.tags.map((t) => (
          <span key={t} className="badge badge-muted">
            {t}
          </span>
        ))}
        <button
          type="button"
          className="button button-small button-ghost"
          onClick={() => {
            setFrom(props.tags);
            setEditing(props.tags.join(', '));
          }}
        >
          {props.tags.length ? 'Edit tags' : 'Add tags'}
        </button>
      </span>
    );
  return (
    <form className="case-tags" onSubmit={save}>
      <label htmlFor="case-tags-input">Tags</label>
      <input
        id="case-tags-input"
        value={editing}
        placeholder="e.g. spanish, urgent"
        aria-describedby="case-tags-hint"
        onChange={(e) => setEditing(e.target.value)}
      />
      <span id="case-tags-hint" className="visually-hidden">
        Separate tags with commas.
      </span>
      <button type="submit" className="button button-small button-primary">
        Save tags
      </button>
      <button type="button" className="button button-small" onClick={() => setEditing(null)}>
        Cancel
      </button>
      <ErrorBanner error={problem} />
    </form>
  );
}
