// One labelled input of a form, with its hint, what the value typed is read as, and the engine's
// complaint about it.
import type { FieldSpec } from '../lib/form';
import { labelOf } from '../lib/form';

interface FormFieldProps {
  formId: string;
  spec: FieldSpec;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}

export function FormField({ formId, spec, value, error, onChange }: FormFieldProps) {
  const id = `${formId}-${spec.name}`;
  const note = !error && value.trim() && spec.describe ? spec.describe(value) : null;
  const showHint = Boolean(spec.hint) && !error && !note;
  const describedBy = [
    error ? `${id}-error` : '',
    showHint ? `${id}-hint` : '',
    note ? `${id}-note` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: spec.name,
    value,
    required: spec.required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    'data-autofocus': spec.autoFocus ? true : undefined,
  };

  let control;
  if (spec.type === 'select') {
    control = (
      <select {...common} onChange={(e) => onChange(e.target.value)}>
        {spec.optional && <option value="">Not set</option>}
        {spec.choices?.values.map((v) => (
          <option key={v} value={v}>
            {spec.choices?.labels[v] ?? v}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === 'textarea') {
    control = <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />;
  } else {
    const partial = spec.type === 'partial-date';
    control = (
      <input
        {...common}
        type={partial ? 'text' : (spec.type ?? 'text')}
        step={spec.type === 'number' ? 'any' : undefined}
        placeholder={partial ? 'YYYY-MM-DD, YYYY-MM or YYYY' : undefined}
        autoComplete={partial ? 'off' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }

  return (
    <div className={`field${spec.wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {labelOf(spec)}
        {spec.required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {control}
      {note && (
        <span
          className={`field-note${note.tone === 'warning' ? ' field-note-warning' : ''}`}
          id={`${id}-note`}
          role="status"
        >
          {note.text}
        </span>
      )}
      {showHint && (
        <span className="field-hint" id={`${id}-hint`}>
          {spec.hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
