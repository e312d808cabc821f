// An archive import writes in short transactions (the library's part, then one per client), so it
// never holds the write lock for long; this journal keeps it all-or-nothing. It lists every row
// the import added and is updated in the same transaction as each write, so after a failure part-way
// (or a crash: the next start finds it) those rows, and only those, are removed.
import type { Database } from 'better-sqlite3';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../contract/errors';
import { deleteSetting, readSetting, writeSetting } from '../settings/queries';

const KEY = 'archive.import.pending';

export interface ImportJournal {
  importId: string;
  file: string;
  pid: number;
  host: string;
  startedAt: string;
  /** Whether the import created the profile (it never changes one that exists). */
  profile: boolean;
  contacts: number[];
  templates: number[];
  /** Citations added to the evidence library (journals from before it have none). */
  citations?: number[];
  /** Criteria sets it added (older journals have none). */
  criteriaSets?: number[];
  /** Saved views of the case list it added (older journals have none). */
  savedViews?: number[];
  /** Client ids as [first, last] ranges: one client after another is one range. */
  clients: [number, number][];
}

/** The journal with one more client (a new object: the caller's stays as committed). */
export function withClient(journal: ImportJournal, id: number): ImportJournal {
  const clients = journal.clients.map((r) => [...r] as [number, number]);
  const last = clients.at(-1);
  if (last && last[1] + 1 === id) last[1] = id;
  else clients.push([id, id]);
  return { ...journal, clients };
}

const clientIdsOf = (journal: ImportJournal) =>
  journal.clients.flatMap(([first, last]) =>
    Array.from({ length: last - first + 1 }, (_, i) => first + i),
  );

/** Stores the journal (inside the caller's transaction, with the rows it lists). */
export function saveJournal(db: Database, journal: ImportJournal): void {
  writeSetting(db, KEY, JSON.stringify(journal));
}

function readJournal(db: Database): ImportJournal | undefined {
  const text = readSetting(db, KEY);
  return text === undefined ? undefined : (JSON.parse(text) as ImportJournal);
}

/** Whether the process that wrote the journal may still be importing. */
function stillRunning(journal: ImportJournal): boolean {
  if (journal.host !== hostname()) {
    // Another computer's import (a library on a shared drive): wait a day before judging it dead.
    return Date.now() - Date.parse(journal.startedAt) < 24 * 3600_000;
  }
  if (journal.pid === process.pid) return true;
  try {
    process.kill(journal.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what an import added, in short transactions (a client and its cases each), and then the
 * journal. Safe to repeat: a crash in the middle leaves a journal listing what remains.
 */
export function undoImport(db: Database, journal: ImportJournal): void {
  const deleteCases = db.prepare('DELETE FROM cases WHERE client_id = ?');
  const deleteClient = db.prepare('DELETE FROM clients WHERE id = ?');
  const ids = clientIdsOf(journal);
  ids.forEach((id, i) => {
    const rest = ids.slice(i + 1).reduce(withClient, { ...journal, clients: [] });
    db.transaction(() => {
      deleteCases.run(id);
      deleteClient.run(id);
      saveJournal(db, rest);
    }).immediate();
  });
  db.transaction(() => {
    const contact = db.prepare('DELETE FROM contacts WHERE id = ?');
    for (const id of journal.contacts) contact.run(id);
    const template = db.prepare(
      'DELETE FROM letter_templates WHERE id = ? AND builtin_key IS NULL',
    );
    for (const id of journal.templates) template.run(id);
    const citation = db.prepare('DELETE FROM citations WHERE id = ?');
    for (const id of journal.citations ?? []) citation.run(id);
    const criteriaSet = db.prepare('DELETE FROM criteria_sets WHERE id = ?');
    for (const id of journal.criteriaSets ?? []) criteriaSet.run(id);
    const view = db.prepare('DELETE FROM saved_views WHERE id = ?');
    for (const id of journal.savedViews ?? []) view.run(id);
    if (journal.profile) db.prepare('DELETE FROM profile WHERE id = 1').run();
    deleteSetting(db, KEY);
  }).immediate();
}

/**
 * Starts a journal for a new import; refuses while another import is still running. Checking and
 * writing are one transaction, so two processes starting at once cannot both go ahead.
 */
export function beginImport(db: Database, file: string): ImportJournal {
  const journal: ImportJournal = {
    importId: randomUUID(),
    file,
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    profile: false,
    contacts: [],
    templates: [],
    citations: [],
    criteriaSets: [],
    clients: [],
  };
  for (;;) {
    const abandoned = db
      .transaction(() => {
        const pending = readJournal(db);
        if (pending && stillRunning(pending)) {
          throw new AppError(
            'busy',
            `Another archive import (${pending.file}, started ${pending.startedAt}) is still running; try again when it has finished.`,
          );
        }
        if (!pending) saveJournal(db, journal);
        return pending;
      })
      .immediate();
    if (!abandoned) return journal;
    // An import whose process is gone: what it wrote is removed before this one starts.
    undoImport(db, abandoned);
  }
}

/** Ends an import that wrote everything (inside its last transaction). */
export function endImport(db: Database): void {
  deleteSetting(db, KEY);
}

/** At start-up: removes what an import interrupted by a crash had written. */
export function recoverInterruptedImport(db: Database): void {
  const pending = readJournal(db);
  if (pending && !stillRunning(pending)) undoImport(db, pending);
}
