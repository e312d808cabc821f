// A deadline row that another record owns (a denial's appeal date, an authorization's expiry, a
// letter's response due…): the owner keeps its row's id and calls `sync` inside its own write, so
// the date shows on the case, the dashboard and the calendar export like any deadline the
// advocate typed. A row the advocate marked done is kept as their record of it.
import type { Database } from 'better-sqlite3';
import type { Deadline } from '../../contract/case-records';
import { recordQueries } from '../records/queries';

/** What the owner wants its deadline to say, or null when it has no date in force. */
export interface WantedDeadline {
  caseId: number;
  title: string;
  dueOn: string;
  notes: string;
  kind?: Deadline['kind'];
}

export function derivedDeadlines(db: Database) {
  const deadlines = recordQueries(db, 'deadlines');
  return {
    /**
     * Creates, moves or removes the owner's row; returns the id the owner should keep (null when
     * nothing remains). A completed row is left as it is when the owner no longer has a date.
     */
    sync(existingId: number | null, wanted: WantedDeadline | null): number | null {
      const existing: Deadline | undefined =
        existingId === null ? undefined : deadlines.find(existingId);
      if (!wanted) {
        if (existing && !existing.completedOn) deadlines.remove(existing.id);
        return existing?.completedOn ? existing.id : null;
      }
      const values = {
        caseId: wanted.caseId,
        kind: wanted.kind ?? ('deadline' as const),
        title: wanted.title.slice(0, 200),
        dueOn: wanted.dueOn,
        completedOn: existing?.completedOn ?? null,
        notes: wanted.notes.slice(0, 2000),
        sourceDocumentId: existing?.sourceDocumentId ?? null,
      };
      return existing ? deadlines.update(existing.id, values).id : deadlines.insert(values).id;
    },
    /** Marks the owner's row done (e.g. the response arrived), keeping it as a record. */
    complete(existingId: number | null, on: string): void {
      const existing = existingId === null ? undefined : deadlines.find(existingId);
      if (existing && !existing.completedOn)
        deadlines.update(existing.id, { ...existing, completedOn: on });
    },
  };
}
