// Reads a whole-library archive: every entry is checked (names, sizes, schemas, checksums) before
// anything is written, then everything is written in one transaction.
import type { Database, Statement } from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import {
  ARCHIVE_DOCUMENT_PATH,
  archiveClientFile,
  archiveLibraryFile,
  archiveManifest,
} from '../../contract/archive';
import type { ArchiveClientFile, ArchiveLibraryFile } from '../../contract/archive';
import { AppError } from '../../contract/errors';
import type { ArchiveImportResult } from '../../contract/safety';
import { libraryCounts } from '../backups/files';
import { caseQueries } from '../cases/queries';
import { clientQueries } from '../clients/queries';
import { defineTable } from '../db/table';
import { documentQueries } from '../documents/queries';
import { recordQueries } from '../records/queries';
import { contactInput } from '../../contract/contact';
import { profileInput } from '../../contract/profile';
import { toSnake } from '../db/table';
import { RECORD_KINDS } from './export';
import { letterQueries } from '../letters/letter-queries';
import { denialQueries, stageQueries } from '../workflow/queries';

/** Largest archive read (it is held in memory while it is checked). */
export const MAX_ARCHIVE_BYTES = 2 * 1024 ** 3;
const ENTRY_NAME = /^(manifest\.json|library\.json|clients\/\d{6}\.json|documents\/[0-9a-f]{64})$/;

/** What every archived record carries besides its own fields. */
type ArchivedRecord = Record<string, unknown> & {
  originalId: number;
  sourceDocument: number | null;
  createdAt: string;
  updatedAt: string;
};
const recordsOf = (kase: ArchiveClientFile['cases'][number], kind: (typeof RECORD_KINDS)[number]) =>
  kase[kind] as unknown as ArchivedRecord[];

const bad = (file: string, why: string) =>
  new AppError('invalid-input', `${file} is not a usable Advocate Desk archive: ${why}`, 'file');

function parseEntry<S extends z.ZodType>(
  file: string,
  entries: Record<string, Uint8Array>,
  name: string,
  schema: S,
): z.output<S> {
  const bytes = entries[name];
  if (!bytes) throw bad(file, `${name} is missing.`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw bad(file, `${name} is not valid JSON.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw bad(file, `${name}: ${issue.path.join('.') || '(top)'} ${issue.message}.`);
  }
  return parsed.data;
}

/** Reads and checks the whole archive; throws before anything is written. */
export function readArchive(file: string) {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw bad(file, `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (size > MAX_ARCHIVE_BYTES) throw bad(file, 'it is larger than 2 GB.');
  const refused: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(readFileSync(file), {
      // Decide from the central directory, before inflating: only our own names, so no entry can
      // point outside the archive ("../", absolute paths) or be something we never write.
      filter: (entry) => {
        if (!ENTRY_NAME.test(entry.name)) refused.push(entry.name);
        return ENTRY_NAME.test(entry.name);
      },
    });
  } catch (error) {
    throw bad(file, `it is not a readable zip file (${(error as Error).message}).`);
  }
  if (refused.length) throw bad(file, `it holds entries the app never writes (${refused[0]}).`);

  const manifest = parseEntry(file, entries, 'manifest.json', archiveManifest);
  const library = parseEntry(file, entries, 'library.json', archiveLibraryFile);
  const clients = manifest.clients.map((name) =>
    parseEntry(file, entries, name, archiveClientFile),
  );
  const documents = new Map<string, Uint8Array>();
  const letterhead = library.profile?.letterhead;
  if (letterhead) {
    const bytes = entries[letterhead];
    if (!bytes || `documents/${createHash('sha256').update(bytes).digest('hex')}` !== letterhead) {
      throw bad(file, 'the letterhead document is missing or damaged.');
    }
    documents.set(letterhead, bytes);
  }
  for (const [c, client] of clients.entries()) {
    for (const kase of client.cases) {
      for (const doc of kase.documents) {
        const bytes = entries[doc.file];
        if (!ARCHIVE_DOCUMENT_PATH.test(doc.file) || !bytes) {
          throw bad(file, `${manifest.clients[c]}: the bytes of ${doc.fileName} are missing.`);
        }
        const sha = createHash('sha256').update(bytes).digest('hex');
        if (sha !== doc.sha256 || `documents/${sha}` !== doc.file) {
          throw bad(file, `${doc.fileName} does not match its checksum: the archive is damaged.`);
        }
        documents.set(doc.file, bytes);
      }
      for (const kind of RECORD_KINDS) {
        for (const r of recordsOf(kase, kind)) {
          if (r.sourceDocument !== null && r.sourceDocument >= kase.documents.length) {
            throw bad(file, `${manifest.clients[c]}: a ${kind} record names a missing document.`);
          }
        }
      }
    }
  }
  return { library, clients, documents };
}

/**
 * Letter templates: a built-in takes the archived text (the advocate's edits travel); the
 * advocate's own are added. Returns new ids by old.
 */
function writeTemplates(
  db: Database,
  templates: ArchiveLibraryFile['letterTemplates'],
): Map<number, number> {
  const byKey = db.prepare('SELECT id FROM letter_templates WHERE builtin_key = ?').pluck();
  const update = db.prepare(
    `UPDATE letter_templates SET name = @name, kind = @kind, description = @description,
       source = @source, created_at = @createdAt, updated_at = @updatedAt WHERE id = @id`,
  );
  const insert = db.prepare(
    `INSERT INTO letter_templates (builtin_key, name, kind, description, source, created_at, updated_at)
     VALUES (@builtinKey, @name, @kind, @description, @source, @createdAt, @updatedAt) RETURNING id`,
  );
  const ids = new Map<number, number>();
  for (const t of templates) {
    const existing = t.builtinKey ? (byKey.get(t.builtinKey) as number | undefined) : undefined;
    if (existing !== undefined) {
      update.run({ ...t, id: existing });
      ids.set(t.originalId, existing);
    } else {
      ids.set(t.originalId, (insert.get(t) as { id: number }).id);
    }
  }
  return ids;
}

/** Writes a checked archive into the library (call inside one immediate transaction). */
export function writeArchive(
  db: Database,
  archive: {
    library: ArchiveLibraryFile;
    clients: ArchiveClientFile[];
    documents: Map<string, Uint8Array>;
  },
): ArchiveImportResult {
  const clients = clientQueries(db);
  const cases = caseQueries(db);
  const documents = documentQueries(db);
  const records = Object.fromEntries(RECORD_KINDS.map((k) => [k, recordQueries(db, k)]));
  const contacts = defineTable<{ id: number }>(
    db,
    'contacts',
    Object.keys(contactInput.shape),
    'contact',
  );
  const stampStatements = new Map<string, Statement>();
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

  const { profile } = archive.library;
  const hasProfile = db.prepare('SELECT 1 FROM profile WHERE id = 1').get() !== undefined;
  if (profile && !hasProfile) {
    const fields = [...Object.keys(profileInput.shape), 'letterheadName', 'letterhead'];
    db.prepare(
      `INSERT INTO profile (id, ${fields.map(toSnake).join(', ')}, created_at, updated_at)
       VALUES (1, ${fields.map((f) => `@${f}`).join(', ')}, @createdAt, @updatedAt)`,
    ).run({
      ...profile,
      letterhead: profile.letterhead ? archive.documents.get(profile.letterhead) : null,
    });
  }
  // Links between rows travel as the old library's ids: each is mapped to its new row here.
  const contactIds = new Map<number, number>();
  for (const contact of archive.library.contacts) {
    const id = contacts.insert(contact as Record<string, unknown>).id;
    setStamps('contacts', id, contact);
    if (contact.originalId) contactIds.set(contact.originalId, id);
  }
  const templateIds = writeTemplates(db, archive.library.letterTemplates);
  const denials = denialQueries(db);
  const moves = stageQueries(db);
  const letterOrigin = letterQueries(db);

  const clientIds: number[] = [];
  for (const file of archive.clients) {
    const client = clients.insert(file.client);
    setStamps('clients', client.id, file.client);
    clientIds.push(client.id);
    for (const kase of file.cases) {
      const created = cases.insert({ ...kase, clientId: client.id });
      const newIds = new Map<string, number>([[`cases:${kase.originalId}`, created.id]]);
      const docIds = kase.documents.map((doc) => {
        const info = documents.add({
          ...doc,
          caseId: created.id,
          bytes: archive.documents.get(doc.file)!,
        });
        setStamps('documents', info.id, doc);
        newIds.set(`documents:${doc.originalId}`, info.id);
        if (doc.letter) {
          letterOrigin.insert({
            ...doc.letter,
            documentId: info.id,
            templateId:
              doc.letter.template === null ? null : (templateIds.get(doc.letter.template) ?? null),
            recipientContactId:
              doc.letter.recipient === null ? null : (contactIds.get(doc.letter.recipient) ?? null),
          });
        }
        return info.id;
      });
      for (const kind of RECORD_KINDS) {
        for (const r of recordsOf(kase, kind)) {
          const row = (records[kind] as ReturnType<typeof recordQueries>).insert({
            ...r,
            caseId: created.id,
            sourceDocumentId: r.sourceDocument === null ? null : (docIds[r.sourceDocument] ?? null),
          });
          setStamps(kind, row.id, r);
          newIds.set(`${kind}:${r.originalId}`, row.id);
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
          deadlineId:
            denial.deadline === null ? null : (newIds.get(`deadlines:${denial.deadline}`) ?? null),
        });
        setStamps('denials', row.id, denial);
        newIds.set(`denials:${denial.originalId}`, row.id);
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
  }
  return { counts: libraryCounts(db), clientIds };
}
