// Every edit form of the app: fields from specs, one submit, engine errors shown where they belong.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AppError } from '../../../electron/contract/errors';
import { asAppError } from '../api';
import { errorField, fromFormValues, toFormValues } from '../lib/form';
import type { FieldSpec, FormValues } from '../lib/form';
import { useUnsavedForm } from '../lib/unsaved/use-unsaved-form';
import { ErrorBanner } from './error-banner';
import { FormField } from './form-field';

interface EntityFormProps {
  formId: string;
  specs: FieldSpec[];
  initial?: object | null;
  submitLabel: string;
  onSubmit: (values: Record<string, unknown>) => Promise<void>;
  onCancel?: () => void;
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
}: EntityFormProps) {
  const [values, setValues] = useState<FormValues>(() => toFormValues(specs, initial));
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  // Leaving with edits asks; long text is kept as a draft of this tab until saved.
  const { attach, saving, draftOffer } = useUnsavedForm({
    formId,
    specs,
    initial,
    values,
    restore: (drafts) => setValues((old) => ({ ...old, ...drafts })),
  });

  const field = errorField(error?.field);
  const fieldIsShown = field !== null && specs.some((s) => s.name === field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await saving(() => onSubmit(fromFormValues(specs, values)));
      setError(null);
      setSaved(true);
    } catch (e) {
      setError(asAppError(e));
    } finally {
      setBusy(false);
    }
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
      {error && !fieldIsShown && <ErrorBanner error={error} />}
      {groupSpecs(specs).map(({ title, specs: fields }) => {
        const grid = (
          <div className="form-grid">
            {fields.map((spec) => (
              <FormField
                key={spec.name}
                formId={formId}
                spec={spec}
                value={values[spec.name] ?? ''}
                error={fieldIsShown && field === spec.name ? error?.message : undefined}
                onChange={(value) => {
                  setValues((old) => ({ ...old, [spec.name]: value }));
                  setSaved(false);
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
        {saved && !onCancel && (
          <span className="saved-note" role="status">
            Saved
          </span>
        )}
      </div>
    </form>
  );
}
