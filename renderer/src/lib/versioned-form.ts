// A form's edits over a stored record: what the user changed, the version it was changed from,
// and how newer copies of the record (a reload, another window, a conflict) are taken in.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConflictDetails } from '../../../electron/contract/errors';
import { fromFormValues, labelOf, toFormValues } from './form';
import type { FieldSpec, FormValues } from './form';

export interface FormState {
  /** The record's values the user started from, field by field. */
  base: FormValues;
  /** What the form shows now. */
  values: FormValues;
  /** The version `base` stands for (undefined: a new record, or a prefill without one). */
  version: number | undefined;
}

const versionOf = (record: object | null | undefined): number | undefined => {
  const v = (record as { version?: unknown } | null | undefined)?.version;
  return typeof v === 'number' ? v : undefined;
};

/** The fields whose value differs from the one the user started from. */
export function dirtyFields(state: FormState): string[] {
  return Object.keys(state.values).filter((k) => state.values[k] !== state.base[k]);
}

export function initialState(specs: FieldSpec[], record?: object | null): FormState {
  const base = toFormValues(specs, record);
  return { base, values: { ...base }, version: versionOf(record) };
}

/**
 * A newer copy of the record arrives. Fields the user has not touched take its values. A field
 * the user edited keeps the user's value; if the newer copy changed that field too, the form
 * keeps its old version, so saving is refused and shown rather than silently winning.
 */
export function takeNewer(specs: FieldSpec[], state: FormState, record: object): FormState {
  const incoming = toFormValues(specs, record);
  const dirty = new Set(dirtyFields(state));
  const base: FormValues = {};
  const values: FormValues = {};
  let clash = false;
  for (const [key, theirs] of Object.entries(incoming)) {
    const mine = state.values[key] ?? '';
    if (!dirty.has(key) || mine === theirs) {
      base[key] = values[key] = theirs;
    } else {
      // Edited here; changed there too when theirs is not what the user started from.
      if (theirs !== state.base[key]) clash = true;
      base[key] = state.base[key] ?? '';
      values[key] = mine;
    }
  }
  return { base, values, version: clash ? state.version : (versionOf(record) ?? state.version) };
}

/** After a refusal: the newer record becomes the base; `keep` says whose values the clashes take. */
export function resolveConflict(
  specs: FieldSpec[],
  state: FormState,
  conflict: ConflictDetails,
  keep: 'mine' | 'theirs',
): FormState {
  const current = toFormValues(specs, conflict.current);
  const dirty = new Set(dirtyFields(state));
  const values: FormValues = {};
  for (const key of Object.keys(current)) {
    const mine = dirty.has(key) && !(keep === 'theirs' && conflict.fields.includes(key));
    values[key] = mine ? state.values[key]! : current[key]!;
  }
  return { base: current, values, version: conflict.version };
}

/** The API values of the fields the user changed (every field for a new record). */
export function patchOf(specs: FieldSpec[], state: FormState): Record<string, unknown> {
  const all = fromFormValues(specs, state.values);
  if (state.version === undefined) return all;
  const dirty = new Set(dirtyFields(state));
  return Object.fromEntries(Object.entries(all).filter(([k]) => dirty.has(k)));
}

/** The form state for `record`, following newer copies of it, and telling `onDirtyChange`. */
export function useVersionedForm(
  specs: FieldSpec[],
  record: object | null | undefined,
  onDirtyChange?: (dirty: boolean) => void,
) {
  const [state, setState] = useState<FormState>(() => initialState(specs, record));
  const specsRef = useRef(specs);
  useEffect(() => {
    specsRef.current = specs;
  });
  // A reload hands a new object each time: follow it only when it says something new.
  const key = record ? JSON.stringify(record) : '';
  const seen = useRef(key);
  useEffect(() => {
    if (key === seen.current || !record) return;
    seen.current = key;
    setState((old) => takeNewer(specsRef.current, old, record));
    // `key` stands for `record`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const dirty = dirtyFields(state).length > 0;
  const dirtyRef = useRef(false);
  useEffect(() => {
    if (dirtyRef.current === dirty) return;
    dirtyRef.current = dirty;
    onDirtyChange?.(dirty);
  }, [dirty, onDirtyChange]);

  const setField = useCallback(
    (name: string, value: string) =>
      setState((old) => ({ ...old, values: { ...old.values, [name]: value } })),
    [],
  );
  /** The save went through: what was sent is now the base (and the saved record, if known). */
  const saved = useCallback((result: unknown) => {
    setState((old) =>
      result && typeof result === 'object' && versionOf(result) !== undefined
        ? initialState(specsRef.current, result)
        : { ...old, base: { ...old.values } },
    );
  }, []);
  return { state, setState, setField, dirty, saved };
}

/** A value as the form shows it: a choice by its label. */
function display(spec: FieldSpec, value: string): string {
  return spec.choices?.labels[value] ?? value;
}

/** What the conflict shows as "yours" for a field the user did not edit. */
export const NOT_EDITED = '(not edited by you: the newer value is kept)';

/** The rows a conflict shows: each refused field of the form, the user's value and the newer. */
export function conflictRows(specs: FieldSpec[], state: FormState, conflict: ConflictDetails) {
  const current = toFormValues(specs, conflict.current);
  const dirty = new Set(dirtyFields(state));
  return specs
    .filter((s) => conflict.fields.includes(s.name))
    .map((spec) => ({
      field: spec.name,
      label: labelOf(spec),
      // A field changed elsewhere that the user left alone takes the newer value either way.
      mine: dirty.has(spec.name) ? display(spec, state.values[spec.name] ?? '') : NOT_EDITED,
      theirs: display(spec, current[spec.name] ?? ''),
      long: spec.type === 'textarea',
    }));
}
