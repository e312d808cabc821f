// Bulk writers (an archive import, the benchmark's library) add many records to a case in one
// transaction. Each insert would rewrite the case's whole index row, scrubbing its old words
// (FTS5 secure-delete) only for the next insert to do it again; holding the index writes each
// touched case's row once, at the end of the same transaction, from the same view the triggers
// read. Nothing else can write meanwhile (the writer holds the lock), and the hold is released
// before the transaction commits, so no other connection ever sees it.
import type { Database } from 'better-sqlite3';

/** Runs `work` inside the caller's write transaction with the case index held; see above. */
export function withCaseIndexHeld<T>(
  db: Database,
  work: () => T,
  touchedCases: (result: T) => number[],
): T {
  if (!db.inTransaction) throw new Error('withCaseIndexHeld needs a write transaction');
  const hold = db.prepare('UPDATE search_held SET held = ?');
  hold.run(1);
  try {
    const result = work();
    // One case at a time: FTS5 finds a row by its rowid, not by a list of them.
    const drop = db.prepare('DELETE FROM case_search WHERE rowid = ?');
    const fill = db.prepare(
      `INSERT INTO case_search (rowid, client, kase, records, documents)
       SELECT case_id, client, kase, records, documents FROM case_search_source WHERE case_id = ?`,
    );
    for (const id of new Set(touchedCases(result))) {
      drop.run(id);
      fill.run(id);
    }
    return result;
  } finally {
    hold.run(0);
  }
}
