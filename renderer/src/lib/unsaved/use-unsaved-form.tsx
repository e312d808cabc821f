// What a form of fields needs so its work is never dropped silently: it reports unsaved edits
// (leaving asks), keeps drafts of its long text through a reload, and offers them back.
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { labelOf, toFormValues } from '../form';
import type { FieldSpec, FormValues } from '../form';
import { draftKey, draftTime, readDraft, removeDraft, writeDraft } from './drafts';
import { useUnsavedChanges } from './unsaved-context';

interface UnsavedFormOptions {
  formId: string;
  specs: FieldSpec[];
  /** The stored record the form edits (null for a new one): refreshed when the library changes. */
  initial?: object | null | undefined;
  values: FormValues;
  /** Puts restored draft text back into the form's fields. */
  restore: (values: FormValues) => void;
}

export interface UnsavedForm {
  /** On the <form>: the question names the dialog or section the form sits in. */
  attach: (form: HTMLFormElement | null) => void;
  /** Wraps the save: leaving during it is not asked about, and success clears drafts. */
  saving: <T>(work: () => Promise<T>) => Promise<T>;
  /** "Restore your unsaved draft from 10:42?", shown at the top of the form while offered. */
  draftOffer: ReactNode;
}

interface Offer {
  values: FormValues;
  savedAt: number;
}

/** The heading of the dialog, card or page around a form, to name it in the question. */
function nameOf(form: HTMLFormElement | null): string {
  const heading =
    form?.closest('dialog')?.querySelector('h2') ??
    form?.closest('section')?.querySelector('h2') ??
    document.querySelector('main h1');
  const name = heading?.textContent?.trim();
  return name ? `“${name}”` : 'this form';
}

export function useUnsavedForm(options: UnsavedFormOptions): UnsavedForm {
  const { formId, specs, initial, values, restore } = options;
  const page = useLocation().pathname;
  const [form, attach] = useState<HTMLFormElement | null>(null);
  const savingNow = useRef(false);
  const loaded = toFormValues(specs, initial);
  // What the form started from (or last saved). A field is unsaved when it differs from both
  // this and the stored record as now loaded, so a refresh of the record alone is never "edits".
  const [baseline, setBaseline] = useState(loaded);
  const changed = specs.filter((s) => {
    const value = values[s.name] ?? '';
    return value !== (loaded[s.name] ?? '') && value !== (baseline[s.name] ?? '');
  });

  const recordId = String((initial as { id?: unknown } | null | undefined)?.id ?? 'new');
  const longText = specs.filter((s) => s.type === 'textarea');
  const keyOf = (field: string) => draftKey(page, formId, recordId, field);

  const [offer, setOffer] = useState<Offer | null>(() => {
    const found: Offer = { values: {}, savedAt: 0 };
    for (const s of longText) {
      const draft = readDraft(keyOf(s.name));
      if (!draft || draft.value === (loaded[s.name] ?? '')) continue;
      found.values[s.name] = draft.value;
      found.savedAt = Math.max(found.savedAt, draft.savedAt);
    }
    return found.savedAt ? found : null;
  });

  const forget = () => longText.forEach((s) => removeDraft(keyOf(s.name)));

  useUnsavedChanges(
    {
      dirty: changed.length > 0,
      label: () => nameOf(form),
      changes: changed.map(labelOf),
      discard: forget,
    },
    savingNow,
  );

  // Each long field's draft follows what is typed; an untouched field with a draft on offer keeps
  // that draft until the advocate answers.
  const plan = JSON.stringify(
    longText
      .filter((s) => !(offer && s.name in offer.values && !changed.includes(s)))
      .map((s) => [keyOf(s.name), changed.includes(s) ? (values[s.name] ?? '') : null]),
  );
  useEffect(() => {
    for (const [key, value] of JSON.parse(plan) as [string, string | null][]) {
      if (value && value.trim()) writeDraft(key, value);
      else removeDraft(key);
    }
  }, [plan]);

  const saving = async <T,>(work: () => Promise<T>): Promise<T> => {
    const submitted = values;
    savingNow.current = true;
    try {
      const result = await work();
      setBaseline(submitted);
      setOffer(null);
      forget();
      return result;
    } finally {
      savingNow.current = false;
    }
  };

  const draftOffer = offer && (
    <div className="banner banner-draft" role="group" aria-label="Unsaved draft">
      <p>Restore your unsaved draft from {draftTime(offer.savedAt)}?</p>
      <div className="banner-actions">
        <button
          type="button"
          className="button button-small button-primary"
          onClick={() => {
            restore(offer.values);
            setOffer(null);
          }}
        >
          Restore
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            Object.keys(offer.values).forEach((f) => removeDraft(keyOf(f)));
            setOffer(null);
          }}
        >
          Discard
        </button>
      </div>
    </div>
  );

  return { attach, saving, draftOffer };
}
