// Every edit form of the app: fields from specs, one submit, engine errors shown where they belong.
// An edit of a stored record sends only the fields the user changed, with the version they were
// loaded from; a refusal because the record changed meanwhile is shown field by field.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AppError } from '../../../electron/contract/errors';
import { asAppError } from '../api';
import { errorField } from '../lib/form';
import type { FieldSpec } from '../lib/form';
import {
  conflictRows,
  dirtyFields,
  patchOf,
  resolveConflict,
  useVersionedForm,
} from '../lib/versioned-form';
import type { FormState } from '../lib/versioned-form';
import { ConflictPanel } from './conflict-panel';
import { useUnsavedForm } from '../lib/unsaved/use-unsaved-form';
import { ErrorBanner } from './error-banner';
import { FormField } from './form-field';

interface EntityFormProps {
  formId: string;
  specs: FieldSpec[];
  /** The record being edited (its `version` is sent back), or a prefill for a new one. */
  initial?: object | null;
  submitLabel: string;
  /**
   * Saves `values`: for a record with a version, only the fields the user changed, made from
   * `version`. May resolve with the saved record, which the form then shows.
   */
  onSubmit: (values: Record<string, unknown>, version: number | undefined) => Promise<unknown>;
  onCancel?: () => void;
  /** Told whenever the form starts or stops holding edits not yet saved. */
  onDirtyChange?: (dirty: boolean) => void;
}

/** Splits specs into runs, each starting where a spec names a new group. */
function groupSpecs(specs: FieldSpec[]): { title: string | null; specs: FieldSpec[] }[] {
  const groups: { title: string | null; specs: FieldSpec[] }[] = [];
  for (const spec of specs) {
    const last = groups.at(-1);
    if (!last || spec.group) groups.push({ title: spec.group ?? null, specs: [spec] });
    else last.specs.push(spec);
  }
  return groups;
}

export function EntityForm({
  formId,
  specs,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  onDirtyChange,
}: EntityFormProps) {
  const form = useVersionedForm(specs, initial, onDirtyChange);
  const { state } = form;
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  // Leaving with edits asks; long text is kept as a draft of this tab until saved.
  const { attach, saving, draftOffer } = useUnsavedForm({
    formId,
    specs,
    initial,
    values: state.values,
    restore: (drafts) => Object.entries(drafts).forEach(([k, v]) => form.setField(k, v)),
  });

  const field = errorField(error?.field);
  const fieldIsShown = field !== null && specs.some((s) => s.name === field);
  const conflict = error?.code === 'conflict' ? error.conflict : undefined;

  const save = async (from: FormState) => {
    setBusy(true);
    setNote(null);
    try {
      const patch = patchOf(specs, from);
      if (from.version !== undefined && Object.keys(patch).length === 0) {
        // What the form shows is what is stored: nothing to send.
        setError(null);
        setNote('Saved');
        return;
      }
      form.saved(await saving(() => onSubmit(patch, from.version)));
      setError(null);
      setNote('Saved');
    } catch (e) {
      setError(asAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(state);
  };

  const resolve = (keep: 'mine' | 'theirs') => {
    if (!conflict) return;
    const next = resolveConflict(specs, state, conflict, keep);
    form.setState(next);
    setError(null);
    if (keep === 'mine') void save(next);
    else setNote(dirtyFields(next).length ? null : 'Showing the newer values');
  };

  return (
    <form
      ref={attach}
      className="entity-form"
      onSubmit={submit}
      noValidate={false}
      aria-label={submitLabel}
    >
      {draftOffer}
      {conflict ? (
        <ConflictPanel
          message={error!.message}
          rows={conflictRows(specs, state, conflict)}
          busy={busy}
          onKeepMine={() => resolve('mine')}
          onTakeTheirs={() => resolve('theirs')}
        />
      ) : (
        error && !fieldIsShown && <ErrorBanner error={error} />
      )}
      {groupSpecs(specs).map(({ title, specs: fields }) => {
        const grid = (
          <div className="form-grid">
            {fields.map((spec) => (
              <FormField
                key={spec.name}
                formId={formId}
                spec={spec}
                value={state.values[spec.name] ?? ''}
                error={fieldIsShown && field === spec.name ? error?.message : undefined}
                onChange={(value) => {
                  form.setField(spec.name, value);
                  setNote(null);
                }}
              />
            ))}
          </div>
        );
        return title ? (
          <fieldset key={title} className="form-group">
            <legend>{title}</legend>
            {grid}
          </fieldset>
        ) : (
          <div key="fields">{grid}</div>
        );
      })}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        {note && !onCancel && (
          <span className="saved-note" role="status">
            {note}
          </span>
        )}
      </div>
    </form>
  );
}
