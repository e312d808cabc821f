// The one question asked before unsaved work is dropped: "Discard your changes to …?", with
// Keep editing (focused, and what Esc means) and Discard.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { UnsavedEntry, UnsavedScope } from './registry';

interface Question {
  id: number;
  entries: UnsavedEntry[];
  answer: (discard: boolean) => void;
}

let asked: Question | null = null;
let asks = 0;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function ask(entries: UnsavedEntry[]): Promise<boolean> {
  // A newer question replaces an unanswered one, which counts as "keep editing".
  asked?.answer(false);
  return new Promise((resolve) => {
    const question: Question = {
      id: ++asks,
      entries,
      answer: (discard) => {
        if (asked === question) asked = null;
        notify();
        if (discard) entries.forEach((e) => e.discard?.());
        resolve(discard);
      },
    };
    asked = question;
    notify();
  });
}

/**
 * Resolves true when nothing in `scope` is unsaved, or when the advocate chose to discard it
 * (its drafts are then forgotten); false when they keep editing.
 */
export async function confirmDiscard(scope: UnsavedScope): Promise<boolean> {
  const dirty = scope.dirty();
  return dirty.length === 0 ? true : ask(dirty);
}

/** "A", "A and B", "A, B and C". */
function listOf(items: string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Rendered once, at the root of the app; shows the question while one is asked. */
export function DiscardPrompt() {
  const question = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => asked,
  );
  return question ? <PromptDialog key={question.id} question={question} /> : null;
}

function PromptDialog({ question }: { question: Question }) {
  const ref = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The safe answer takes the focus, so Enter or Space keeps the work.
    keep.current?.focus();
    return () => dialog?.close();
  }, []);
  const labels = question.entries.map((e) => e.label());
  return (
    <dialog
      ref={ref}
      className="modal discard-prompt"
      aria-labelledby="discard-title"
      aria-describedby="discard-details"
      onCancel={(e) => {
        // Esc keeps the work: the question never closes by itself into a loss.
        e.preventDefault();
        question.answer(false);
      }}
    >
      <h2 id="discard-title">Discard your changes to {listOf(labels)}?</h2>
      <div id="discard-details">
        <p>They have not been saved. Discarding them cannot be undone.</p>
        <ul className="discard-changes">
          {question.entries.map((e, i) => {
            const changes = e.changes();
            return changes.length ? (
              <li key={i}>
                {labels.length > 1 ? `${labels[i]}: ` : 'Changed: '}
                {changes.join(', ')}
              </li>
            ) : null;
          })}
        </ul>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          ref={keep}
          onClick={() => question.answer(false)}
        >
          Keep editing
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => question.answer(true)}
        >
          Discard
        </button>
      </div>
    </dialog>
  );
}
