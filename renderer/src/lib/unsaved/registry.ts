// Where unsaved work reports itself: each form or editor with edits is an entry, held by the
// nearest scope (a dialog, or the whole app) and by every scope around it, so a dialog asks about
// its own form and leaving the page asks about all of them.

export interface UnsavedEntry {
  /** Whether there is work that leaving would lose, asked at the moment of leaving. */
  isDirty: () => boolean;
  /** What the question names: "Case & plan details", "the template “Appeal”". */
  label: () => string;
  /** Which fields changed, shown under the question. */
  changes: () => string[];
  /** The advocate chose to discard: forget drafts kept for it. */
  discard?: () => void;
}

export class UnsavedScope {
  private readonly entries = new Set<UnsavedEntry>();

  constructor(private readonly parent: UnsavedScope | null = null) {}

  /** Adds an entry here and in every enclosing scope; returns its removal. */
  add(entry: UnsavedEntry): () => void {
    const scopes: UnsavedScope[] = [this];
    for (let s = this.parent; s; s = s.parent) scopes.push(s);
    for (const s of scopes) s.entries.add(entry);
    return () => {
      for (const s of scopes) s.entries.delete(entry);
    };
  }

  /** The entries of this scope that hold unsaved work now. */
  dirty(): UnsavedEntry[] {
    return [...this.entries].filter((e) => e.isDirty());
  }
}

/** The whole app: leaving a page or the window asks about everything in it. */
export const appScope = new UnsavedScope();
