// Forms as plain string values described by field specs, converted to and from API values.
import { fieldLabel } from '../../../electron/contract/labels';

export interface Choices {
  values: readonly string[];
  labels: Readonly<Record<string, string>>;
}

export interface FieldSpec {
  name: string;
  /** `partial-date`: a day, a month or a year, typed as text ("2019-03-15", "03/2019", "2019"). */
  type?: 'text' | 'date' | 'partial-date' | 'email' | 'tel' | 'number' | 'select' | 'textarea';
  label?: string;
  required?: boolean;
  choices?: Choices;
  /** Whether a select offers "none"; the API receives null for it. */
  optional?: boolean;
  /** Spans the whole row of the form grid. */
  wide?: boolean;
  hint?: string;
  /** Starts a titled group of fields (a fieldset) in long forms. */
  group?: string;
  /** Takes the focus when the form's dialog opens. */
  autoFocus?: boolean;
  /** What the value is read as, shown under the field as it is typed ("Reads as March 2019"). */
  describe?: (value: string) => FieldNote | null;
}

/** A note under a field about the value typed. */
export interface FieldNote {
  text: string;
  tone?: 'info' | 'warning';
}

export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string>;

export function labelOf(spec: FieldSpec): string {
  return spec.label ?? fieldLabel(spec.name);
}

/** A stored record (or nothing) as the strings a form edits. */
export function toFormValues(specs: FieldSpec[], record?: object | null): FormValues {
  const source = (record ?? {}) as Record<string, unknown>;
  const values: FormValues = {};
  for (const spec of specs) {
    const value = source[spec.name];
    values[spec.name] =
      value === null || value === undefined
        ? spec.type === 'select' && !spec.optional
          ? (spec.choices?.values[0] ?? '')
          : ''
        : String(value);
  }
  return values;
}

/**
 * Form strings as API values. Empty text goes as '' (the engine stores none); numbers go as
 * numbers; an unset optional choice goes as null, since '' is not one of its values.
 */
export function fromFormValues(specs: FieldSpec[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const value = values[spec.name] ?? '';
    if (spec.type === 'number') out[spec.name] = value.trim() === '' ? null : Number(value);
    else if (spec.type === 'select' && value === '') out[spec.name] = null;
    else out[spec.name] = value;
  }
  return out;
}

/** The form field an engine error names: record forms nest their fields under `values.`. */
export function errorField(field: string | undefined): string | null {
  if (!field) return null;
  return field.startsWith('values.') ? field.slice('values.'.length) : field;
}
