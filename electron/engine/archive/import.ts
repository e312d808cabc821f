// Writes a checked archive into the library: the library's own part (profile, contacts,
// templates) in one short transaction, then whole clients in transactions of a few milliseconds
// each, so the write lock is never held for long. A journal (import-journal.ts) makes it all-or-nothing all the same.
import type { Database, Statement } from 'better-sqlite3';
import { authorizationQueries } from '../authorizations/queries';
import type { ArchiveClientFile, ArchiveLibraryFile } from '../../contract/archive';
import type { ArchiveImportResult } from '../../contract/safety';
import { libraryCounts } from '../backups/files';
import { caseQueries } from '../cases/queries';
import { clientQueries } from '../clients/queries';
import { splitLegacyFirstName } from '../../contract/person-name';
import { defineTable } from '../db/table';
import { documentQueries } from '../documents/queries';
import { recordQueries } from '../records/queries';
import { withCaseIndexHeld } from '../search/held-index';
import { contactInput } from '../../contract/contact';
import { profileInput } from '../../contract/profile';
import { citationFields } from '../../contract/evidence';
import { fromRow, toSnake } from '../db/table';
import { RECORD_KINDS } from './export';
import { ownedDeadlines } from '../records/owned-deadlines';
import { letterQueries } from '../letters/letter-queries';
import { builtInTemplates } from '../letters/template-queries';
import { renameTemplate } from '../letters/template-source';
import { denialQueries, stageQueries } from '../workflow/queries';
import { beginImport, endImport, saveJournal, undoImport, withClient } from './import-journal';
import type { ImportJournal } from './import-journal';
import { readArchive, recordsOf } from './read';
import type { ReadArchive } from './read';
import { retryWhileBusy } from '../db/busy';
import { onSave } from '../records/on-save';
import { customTreatments } from '../vocabulary/custom-treatments';

/** How the archive's links (by the old library's ids) map to this library's rows. */
interface LibraryIds {
  contacts: Map<number, number>;
  templates: Map<number, number>;
  citations: Map<number, number>;
  criteriaSets: Map<number, number>;
}

/**
 * Letter templates. A built-in keeps this app's text: one edited in the archive arrives as the
 * advocate's own copy beside it, "<name> (edited, from archive)"; one left as shipped (or as it
 * is here) maps to the built-in here. The advocate's own templates are added. New ids by old.
 */
function writeTemplates(
  db: Database,
  templates: ArchiveLibraryFile['letterTemplates'],
  added: number[],
): Map<number, number> {
  const byKey = db.prepare('SELECT id, source FROM letter_templates WHERE builtin_key = ?');
  const sameOwn = db
    .prepare(
      'SELECT id FROM letter_templates WHERE builtin_key IS NULL AND name = ? AND source = ? LIMIT 1',
    )
    .pluck();
  const insert = db.prepare(
    `INSERT INTO letter_templates (builtin_key, name, kind, description, source, created_at, updated_at)
     VALUES (NULL, @name, @kind, @description, @source, @createdAt, @updatedAt) RETURNING id`,
  );
  const shipped = builtInTemplates();
  const ids = new Map<number, number>();
  for (const t of templates) {
    const here = t.builtinKey
      ? (byKey.get(t.builtinKey) as { id: number; source: string } | undefined)
      : undefined;
    if (here && (t.source === here.source || t.source === shipped.get(t.builtinKey!))) {
      ids.set(t.originalId, here.id);
      continue;
    }
    // A built-in this app does not ship comes in as the advocate's own, under its own name.
    const copy = here
      ? (() => {
          const name = `${t.name} (edited, from archive)`;
          return { ...t, name, source: renameTemplate(t.source, name) };
        })()
      : t;
    // Importing the same archive twice does not make a second copy.
    const existing = here ? (sameOwn.get(copy.name, copy.source) as number | undefined) : undefined;
    if (existing !== undefined) {
      ids.set(t.originalId, existing);
      continue;
    }
    const id = (insert.get(copy) as { id: number }).id;
    added.push(id);
    ids.set(t.originalId, id);
  }
  return ids;
}

const CITATION_COLUMNS = [...Object.keys(citationFields.shape), 'sourceKey'];

/**
 * The evidence library. A shipped citation this library has, unchanged, maps to it; one edited in
 * the archive, and the advocate's own, are added (once: importing again finds the same row).
 */
function writeCitations(
  db: Database,
  citations: ArchiveLibraryFile['citations'],
  added: number[],
): Map<number, number> {
  const columns = CITATION_COLUMNS.map(toSnake);
  const same = db
    .prepare(
      `SELECT id FROM citations WHERE ${columns.map((c, i) => `${c} IS @${CITATION_COLUMNS[i]}`).join(' AND ')} LIMIT 1`,
    )
    .pluck();
  const insert = db.prepare(
    `INSERT INTO citations (${columns.join(', ')}, created_at, updated_at)
     VALUES (${CITATION_COLUMNS.map((f) => `@${f}`).join(', ')}, @createdAt, @updatedAt) RETURNING id`,
  );
  const keyTaken = db.prepare('SELECT 1 FROM citations WHERE source_key = ?');
  const ids = new Map<number, number>();
  for (const c of citations) {
    const values = Object.fromEntries(
      CITATION_COLUMNS.map((f) => [f, c[f as keyof typeof c] ?? null]),
    );
    const existing = same.get(values) as number | undefined;
    if (existing !== undefined) {
      ids.set(c.originalId, existing);
      continue;
    }
    // An edited copy of a shipped citation sits beside this library's as the advocate's own.
    const sourceKey = c.sourceKey && keyTaken.get(c.sourceKey) ? null : c.sourceKey;
    const again =
      sourceKey === c.sourceKey
        ? undefined
        : (same.get({ ...values, sourceKey }) as number | undefined);
    if (again !== undefined) {
      ids.set(c.originalId, again);
      continue;
    }
    const id = (
      insert.get({ ...values, sourceKey, createdAt: c.createdAt, updatedAt: c.updatedAt }) as {
        id: number;
      }
    ).id;
    added.push(id);
    ids.set(c.originalId, id);
  }
  return ids;
}

/**
 * Criteria sets. A shipped example left as it is here maps to this library's copy; one edited
 * in the archive arrives as the advocate's own beside it. The advocate's own sets are added,
 * once: the same set imported again maps to the one already here. New ids by old.
 */
function writeCriteriaSets(
  db: Database,
  sets: ArchiveLibraryFile['criteriaSets'],
  added: number[],
): Map<number, number> {
  const byKey = db.prepare('SELECT * FROM criteria_sets WHERE starter_key = ?');
  const same = db
    .prepare(
      `SELECT id FROM criteria_sets WHERE starter_key IS NULL AND payer = ? AND policy_name = ?
         AND treatment = ? AND json(criteria) = json(?) LIMIT 1`,
    )
    .pluck();
  const insert = db.prepare(
    `INSERT INTO criteria_sets (payer, policy_name, policy_number, treatment, effective_date,
       source_url, source_text, criteria, created_at, updated_at)
     VALUES (@payer, @policyName, @policyNumber, @treatment, @effectiveDate, @sourceUrl,
       @sourceText, @criteria, @createdAt, @updatedAt) RETURNING id`,
  );
  const ids = new Map<number, number>();
  const sameContent = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    [
      'payer',
      'policyName',
      'policyNumber',
      'treatment',
      'effectiveDate',
      'sourceUrl',
      'sourceText',
    ].every((k) => (a[k] ?? null) === (b[k] ?? null)) &&
    JSON.stringify(a.criteria) === JSON.stringify(b.criteria);
  for (const set of sets) {
    const row = set.starterKey ? byKey.get(set.starterKey) : undefined;
    const here = row ? fromRow<Record<string, unknown>>(row) : undefined;
    if (here && sameContent({ ...here, criteria: JSON.parse(here.criteria as string) }, set)) {
      ids.set(set.originalId, here.id as number);
      continue;
    }
    const copy = here
      ? { ...set, policyName: `${set.policyName} (edited, from archive)`.slice(0, 300) }
      : set;
    const criteria = JSON.stringify(copy.criteria);
    const existing = same.get(copy.payer, copy.policyName, copy.treatment, criteria) as
      number | undefined;
    if (existing !== undefined) {
      ids.set(set.originalId, existing);
      continue;
    }
    const id = (insert.get({ ...copy, criteria }) as { id: number }).id;
    added.push(id);
    ids.set(set.originalId, id);
  }
  return ids;
}

/** The statements an import writes with, prepared once. */
function archiveWriter(db: Database) {
  const clients = clientQueries(db);
  const cases = caseQueries(db);
  const documentRows = documentQueries(db);
  const records = Object.fromEntries(RECORD_KINDS.map((k) => [k, recordQueries(db, k)]));
  const ownership = ownedDeadlines(db);
  const contacts = defineTable<{ id: number }>(
    db,
    'contacts',
    Object.keys(contactInput.shape),
    'contact',
  );
  const stampStatements = new Map<string, Statement>();
  const authorizations = authorizationQueries(db).table;
  const lastHistoryId = db.prepare('SELECT max(id) FROM case_history').pluck();
  const dropNewHistory = db.prepare(
    "DELETE FROM case_history WHERE id > ? AND table_name = 'authorizations'",
  );
  const setStamps = (table: string, id: number, s: { createdAt: string; updatedAt: string }) => {
    let stmt = stampStatements.get(table);
    if (!stmt) {
      stmt = db.prepare(`UPDATE ${table} SET created_at = ?, updated_at = ? WHERE id = ?`);
      stampStatements.set(table, stmt);
    }
    stmt.run(s.createdAt, s.updatedAt, id);
  };
  const history = db.prepare(
    `INSERT INTO case_history (case_id, table_name, record_id, action, field, old_value, new_value, changed_at, actor)
     VALUES (@caseId, @tableName, @recordId, @action, @field, @oldValue, @newValue, @changedAt, @actor)`,
  );
  const denials = denialQueries(db);
  const moves = stageQueries(db);
  const letterOrigin = letterQueries(db);
  const linkCriteria = db.prepare(
    `INSERT INTO case_criteria (case_id, set_id, answers, created_at, updated_at)
     VALUES (@caseId, @setId, @answers, @createdAt, @updatedAt)`,
  );

  return {
    /** Profile (only where there is none), contacts and templates; records what it added. */
    library(
      library: ArchiveLibraryFile,
      documents: ReadArchive['documents'],
      journal: ImportJournal,
    ): LibraryIds {
      const { profile } = library;
      const hasProfile = db.prepare('SELECT 1 FROM profile WHERE id = 1').get() !== undefined;
      if (profile && !hasProfile) {
        const fields = [...Object.keys(profileInput.shape), 'letterheadName', 'letterhead'];
        db.prepare(
          `INSERT INTO profile (id, ${fields.map(toSnake).join(', ')}, created_at, updated_at)
           VALUES (1, ${fields.map((f) => `@${f}`).join(', ')}, @createdAt, @updatedAt)`,
        ).run({
          ...profile,
          letterhead: profile.letterhead ? documents.get(profile.letterhead) : null,
        });
        journal.profile = true;
      }
      // Links between rows travel as the old library's ids: each is mapped to its new row here.
      const contactIds = new Map<number, number>();
      for (const contact of library.contacts) {
        const id = contacts.insert(contact as Record<string, unknown>).id;
        journal.contacts.push(id);
        setStamps('contacts', id, contact);
        if (contact.originalId) contactIds.set(contact.originalId, id);
      }
      const templates = writeTemplates(db, library.letterTemplates, journal.templates);
      journal.citations ??= [];
      const citations = writeCitations(db, library.citations, journal.citations);
      journal.criteriaSets ??= [];
      const criteriaSets = writeCriteriaSets(db, library.criteriaSets, journal.criteriaSets);
      // A view named like one here is this library's own: it stays, and the archive's is left.
      journal.savedViews ??= [];
      const view = db.prepare(
        'INSERT OR IGNORE INTO saved_views (name, query, created_at) VALUES (?, ?, ?) RETURNING id',
      );
      for (const v of library.savedViews) {
        const row = view.get(v.name, v.query, v.createdAt) as { id: number } | undefined;
        if (row) journal.savedViews.push(row.id);
      }
      return { contacts: contactIds, templates, citations, criteriaSets };
    },

    /** One client with its cases, records, documents and history; its new id. */
    client(file: ArchiveClientFile, documents: ReadArchive['documents'], ids: LibraryIds): number {
      // Version 1 files kept a middle initial in the first name ("Jordan A.").
      const client = clients.insert(
        file.version === 1 ? splitLegacyFirstName(file.client) : file.client,
      );
      setStamps('clients', client.id, file.client);
      // The client's documents across cases, by their id in the old library (authorizations attach one).
      const clientDocs = new Map<number, number>();
      for (const kase of file.cases) {
        const created = cases.insert({ ...kase, clientId: client.id });
        const newIds = new Map<string, number>([[`cases:${kase.originalId}`, created.id]]);
        // Letters' journeys name their answer's deadline row, written after the documents.
        const journeys: {
          documentId: number;
          letter: NonNullable<(typeof kase.documents)[number]['letter']>;
        }[] = [];
        const docIds = kase.documents.map((doc) => {
          const info = documentRows.add({
            ...doc,
            caseId: created.id,
            bytes: documents.get(doc.file)!,
            // Accepted facts point at records not written yet: linked once they are (below).
            factDecisions: { rejected: doc.factDecisions.rejected, accepted: {} },
          });
          setStamps('documents', info.id, doc);
          newIds.set(`documents:${doc.originalId}`, info.id);
          clientDocs.set(doc.originalId, info.id);
          if (doc.letter) {
            letterOrigin.insert({
              ...doc.letter,
              documentId: info.id,
              templateId:
                doc.letter.template === null
                  ? null
                  : (ids.templates.get(doc.letter.template) ?? null),
              recipientContactId:
                doc.letter.recipient === null
                  ? null
                  : (ids.contacts.get(doc.letter.recipient) ?? null),
            });
            journeys.push({ documentId: info.id, letter: doc.letter });
          }
          return info.id;
        });
        for (const kind of RECORD_KINDS) {
          for (const r of recordsOf(kase, kind)) {
            const row = (records[kind] as ReturnType<typeof recordQueries>).insert({
              // The library's own records: a code the current code set lacks is kept as it was.
              ...onSave(kind, r, { imported: { warn: () => {} }, custom: customTreatments(db) }),
              caseId: created.id,
              sourceDocumentId:
                r.sourceDocument === null ? null : (docIds[r.sourceDocument] ?? null),
            });
            setStamps(kind, row.id, r);
            newIds.set(`${kind}:${r.originalId}`, row.id);
            const keptDeadline = (r as { deadline?: number | null }).deadline;
            if (keptDeadline != null)
              ownership.link(kind, row.id, newIds.get(`deadlines:${keptDeadline}`) ?? null);
          }
        }
        for (const move of kase.stageMoves) {
          const row = moves.record({ ...move, caseId: created.id });
          db.prepare('UPDATE stage_moves SET created_at = ? WHERE id = ?').run(
            move.createdAt,
            row.id,
          );
        }
        for (const denial of kase.denials) {
          const row = denials.insert({
            ...denial,
            caseId: created.id,
            sourceDocumentId:
              denial.sourceDocument === null ? null : (docIds[denial.sourceDocument] ?? null),
            deadlineId:
              denial.deadline === null
                ? null
                : (newIds.get(`deadlines:${denial.deadline}`) ?? null),
          });
          setStamps('denials', row.id, denial);
          newIds.set(`denials:${denial.originalId}`, row.id);
        }
        const journey = db.prepare(`
          UPDATE letters SET sent_on = @sentOn, sent_channel = @sentChannel,
            sent_reference = @sentReference, response_due_on = @responseDueOn,
            response_rule = @responseRule, response_deadline_id = @deadlineId,
            response_received_on = @responseReceivedOn, response_outcome = @responseOutcome,
            response_note = @responseNote
          WHERE document_id = @documentId`);
        for (const { documentId, letter } of journeys) {
          const { responseDeadline, ...j } = letter;
          journey.run({
            sentOn: j.sentOn,
            sentChannel: j.sentChannel,
            sentReference: j.sentReference,
            responseDueOn: j.responseDueOn,
            responseRule: j.responseRule,
            responseReceivedOn: j.responseReceivedOn,
            responseOutcome: j.responseOutcome,
            responseNote: j.responseNote,
            documentId,
            deadlineId:
              responseDeadline === null
                ? null
                : (newIds.get(`deadlines:${responseDeadline}`) ?? null),
          });
        }
        const tag = db.prepare('INSERT OR IGNORE INTO case_tags (case_id, tag) VALUES (?, ?)');
        for (const t of kase.tags) tag.run(created.id, t);
        // Each accepted fact to the record it became in this library (a record left behind
        // simply makes the fact matched afresh).
        kase.documents.forEach((doc, i) => {
          const accepted = Object.entries(doc.factDecisions.accepted).flatMap(([key, ref]) => {
            const [table, oldId] = ref.split(':');
            const id =
              table === 'clients' ? client.id : newIds.get(`${table ?? ''}:${oldId ?? ''}`);
            return id === undefined ? [] : [[key, `${table}:${id}`] as const];
          });
          if (accepted.length)
            documentRows.setDecisions(docIds[i]!, {
              rejected: doc.factDecisions.rejected,
              accepted: Object.fromEntries(accepted),
            });
        });
        const pick = db.prepare(
          'INSERT OR IGNORE INTO case_citations (case_id, citation_id, position) VALUES (?, ?, ?)',
        );
        kase.citations.forEach((old, i) => {
          const id = ids.citations.get(old);
          if (id !== undefined) pick.run(created.id, id, i + 1);
        });
        const answer = db.prepare(
          'INSERT INTO case_answers (case_id, question, answer) VALUES (?, ?, ?)',
        );
        for (const [question, text] of Object.entries(kase.answers))
          answer.run(created.id, question, text);
        if (kase.criteria) {
          linkCriteria.run({
            caseId: created.id,
            setId:
              kase.criteria.set === null ? null : (ids.criteriaSets.get(kase.criteria.set) ?? null),
            answers: JSON.stringify(kase.criteria.answers),
            createdAt: kase.criteria.createdAt,
            updatedAt: kase.criteria.updatedAt,
          });
        }
        setStamps('cases', created.id, kase);
        // The archived history replaces the rows the inserts above just logged.
        db.prepare('DELETE FROM case_history WHERE case_id = ?').run(created.id);
        for (const h of kase.history) {
          history.run({
            ...h,
            caseId: created.id,
            // Records deleted before the export keep the id they had in the old library.
            recordId: newIds.get(`${h.tableName}:${h.recordId}`) ?? h.recordId,
          });
        }
      }
      // The archived histories already tell the authorizations' story: the rows written now go.
      const before = lastHistoryId.get() as number | null;
      for (const a of file.authorizations) {
        const { document, createdAt, updatedAt, ...values } = a;
        const row = authorizations.insert({
          ...values,
          clientId: client.id,
          documentId: document === null ? null : (clientDocs.get(document) ?? null),
        });
        setStamps('authorizations', row.id, { createdAt, updatedAt });
      }
      dropNewHistory.run(before ?? 0);
      return client.id;
    },
  };
}

/** How long one transaction of an import may write before it commits and lets others in. */
const TRANSACTION_MS = 25;

/** Lets other calls (and other processes waiting for the write lock) in between two writes. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports an archive: checked in full first (nothing written if anything is wrong), then written
 * in short transactions under a journal; if any write fails, what was written is removed again.
 */
export async function importArchive(db: Database, file: string): Promise<ArchiveImportResult> {
  const archive = await readArchive(file);
  const write = archiveWriter(db);
  const casesOf = db
    .prepare('SELECT id FROM cases WHERE client_id IN (SELECT value FROM json_each(?))')
    .pluck();
  let journal = beginImport(db, file);
  try {
    // Another process's lock is waited out on timers, as for every other write.
    const library = await retryWhileBusy(() =>
      db
        .transaction(() => {
          const draft: ImportJournal = {
            ...journal,
            contacts: [],
            templates: [],
            criteriaSets: [],
          };
          const made = write.library(archive.library, archive.documents, draft);
          saveJournal(db, draft);
          return { made, draft };
        })
        .immediate(),
    );
    // Kept only once committed: a rolled-back id may be given to someone else's next row.
    journal = library.draft;
    const clientIds: number[] = [];
    while (clientIds.length < archive.clients.length) {
      await yieldToOthers();
      // Whole clients, as many as fit in a few milliseconds: the lock stays short, and a commit
      // (an fsync) is not paid for every small client.
      const batch = await retryWhileBusy(() =>
        db
          .transaction(() =>
            // Each case's search row written once, with all its records and documents.
            withCaseIndexHeld(
              db,
              () => {
                const started = performance.now();
                const ids: number[] = [];
                let draft = journal;
                do {
                  const id = write.client(
                    archive.clients[clientIds.length + ids.length]!,
                    archive.documents,
                    library.made,
                  );
                  ids.push(id);
                  draft = withClient(draft, id);
                } while (
                  clientIds.length + ids.length < archive.clients.length &&
                  performance.now() - started < TRANSACTION_MS
                );
                saveJournal(db, draft);
                return { ids, draft };
              },
              ({ ids }) => casesOf.all(JSON.stringify(ids)) as number[],
            ),
          )
          .immediate(),
      );
      journal = batch.draft;
      clientIds.push(...batch.ids);
    }
    await retryWhileBusy(() => db.transaction(() => endImport(db)).immediate());
    return { counts: libraryCounts(db), clientIds };
  } catch (error) {
    try {
      undoImport(db, journal);
    } catch {
      // The journal stays: the next start removes what is left (recoverInterruptedImport).
    }
    throw error;
  }
}
