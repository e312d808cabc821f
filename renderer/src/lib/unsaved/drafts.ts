// Drafts of long text, kept in this tab's sessionStorage: they survive an accidental reload of the
// tab and are gone when it closes, so health information never piles up on disk.

const PREFIX = 'advocate-desk-draft:';

export interface Draft {
  value: string;
  /** When it was last typed (ms since the epoch). */
  savedAt: number;
}

/** The storage key of one field of one record's form on one page. */
export function draftKey(page: string, formId: string, recordId: string, field: string): string {
  return `${PREFIX}${JSON.stringify([page, formId, recordId, field])}`;
}

export function readDraft(key: string): Draft | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Draft | null;
    return parsed && typeof parsed.value === 'string' && typeof parsed.savedAt === 'number'
      ? parsed
      : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, JSON.stringify({ value, savedAt: Date.now() } satisfies Draft));
  } catch {
    // Storage full or disabled: the leave prompt still guards the work.
  }
}

export function removeDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing to do: the draft could not have been kept either.
  }
}

/** "10:42 AM" today, "Dec 1, 10:42 AM" on another day. */
export function draftTime(savedAt: number, now = new Date()): string {
  const at = new Date(savedAt);
  const time = at.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  return at.toDateString() === now.toDateString()
    ? time
    : `${at.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}, ${time}`;
}
