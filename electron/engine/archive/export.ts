// Writes the whole library to one zip (see contract/archive.ts): manifest, profile and contacts,
// a file per client in the exchange format, and every document's original bytes.
import type { Database } from 'better-sqlite3';
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { createHash } from 'node:crypto';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { CASE_RECORDS } from '../../contract/case-records';
import type { CaseRecordKind } from '../../contract/case-records';
import { OWNER_KINDS } from '../records/owned-deadlines';
import { caseFields } from '../../contract/case';
import { criteriaSetFields } from '../../contract/criteria';
import { clientInput } from '../../contract/client';
import { contactInput } from '../../contract/contact';
import { documentFields } from '../../contract/document';
import { AppError } from '../../contract/errors';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION } from '../../contract/exchange';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from '../../contract/archive';
import type { ArchiveCase, ArchiveClientFile, ArchiveManifest } from '../../contract/archive';
import { profileInput } from '../../contract/profile';
import { denialFields } from '../../contract/workflow';
import { citationFields } from '../../contract/evidence';
import { authorizationShape } from '../../contract/authorization';
import { factDecisions } from '../../contract/facts';
import type { ArchiveSummary } from '../../contract/safety';
import { libraryCounts } from '../backups/files';
import { fromRow } from '../db/table';

export const RECORD_KINDS = Object.keys(CASE_RECORDS) as CaseRecordKind[];

/**
 * Every table of the schema, and where the archive keeps it. A table added by a later migration
 * must be listed here (a test checks), so that moving computers never silently leaves it behind.
 */
export const ARCHIVE_COVERAGE: Readonly<Record<string, string>> = {
  profile: 'library.json',
  contacts: 'library.json',
  clients: 'clients/*.json',
  cases: 'clients/*.json',
  ...Object.fromEntries(RECORD_KINDS.map((k) => [k, 'clients/*.json'])),
  documents: 'clients/*.json',
  document_contents: 'documents/<sha256>',
  case_history: 'clients/*.json (history)',
  stage_moves: 'clients/*.json (stageMoves)',
  denials: 'clients/*.json (denials)',
  letters: 'clients/*.json (documents[].letter)',
  letter_templates: 'library.json (letterTemplates)',
  citations: 'library.json (citations)',
  case_citations: 'clients/*.json (citations)',
  case_answers: 'clients/*.json (answers)',
  criteria_sets: 'library.json (criteriaSets)',
  case_criteria: 'clients/*.json (criteria)',
  authorizations: 'clients/*.json (authorizations)',
  case_tags: 'clients/*.json (tags)',
  saved_views: 'library.json (savedViews)',
  case_next_due: 'not archived: kept by triggers as deadlines are written',
  settings: "not archived: this computer's backup folder and check dates",
  case_search: 'not archived: rebuilt by triggers as records are written',
  client_search: 'not archived: rebuilt by triggers as records are written',
  letter_search: 'not archived: rebuilt by triggers as letters are written',
  list_counts: 'not archived: counted by triggers as records are written',
  case_activity: 'not archived: kept by triggers as records are written',
  case_waits: 'not archived: kept by triggers as records are written',
  decision_days: "not archived: the app's own rules, written at every start",
  search_held: "not archived: the search index's state within a bulk write",
  outcome_counts: 'not archived: counted by triggers as records are written',
  record_changes:
    "not archived: edit versions are this library's own; records arrive at version 1 (0008)",
};
type Row = Record<string, unknown>;

const pick = (row: Row, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));
const STAMPS = ['createdAt', 'updatedAt'];

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 1));

/** Builds the archive's entries from the database (run inside one read transaction). */
export function archiveEntries(db: Database, appVersion: string): Zippable {
  const all = (sql: string, ...args: unknown[]) =>
    db
      .prepare(sql)
      .all(...args)
      .map((r) => fromRow<Row>(r));
  const entries: Zippable = {};

  /** Keeps bytes as a file of their own, named by checksum; returns the entry's name. */
  const keepBytes = (bytes: Uint8Array) => {
    const file = `documents/${createHash('sha256').update(bytes).digest('hex')}`;
    entries[file] = [bytes, { level: 0 }];
    return file;
  };

  const profileRow = all('SELECT * FROM profile WHERE id = 1')[0];
  entries['library.json'] = json({
    profile: profileRow
      ? {
          ...pick(profileRow, [...Object.keys(profileInput.shape), ...STAMPS, 'letterheadName']),
          letterhead: profileRow.letterhead ? keepBytes(profileRow.letterhead as Uint8Array) : null,
        }
      : null,
    contacts: all('SELECT * FROM contacts ORDER BY id').map((c) => ({
      ...pick(c, [...Object.keys(contactInput.shape), ...STAMPS]),
      originalId: c.id,
    })),
    letterTemplates: all('SELECT * FROM letter_templates ORDER BY id').map((t) => ({
      ...pick(t, ['builtinKey', 'name', 'kind', 'description', 'source', ...STAMPS]),
      originalId: t.id,
    })),
    citations: all('SELECT * FROM citations ORDER BY id').map((c) => ({
      ...pick(c, [...Object.keys(citationFields.shape), 'sourceKey', ...STAMPS]),
      originalId: c.id,
    })),
    criteriaSets: all('SELECT * FROM criteria_sets ORDER BY id').map((c) => ({
      ...pick(c, [...Object.keys(criteriaSetFields.shape), 'starterKey', ...STAMPS]),
      criteria: JSON.parse(c.criteria as string) as unknown,
      originalId: c.id,
    })),
    savedViews: all('SELECT name, query, created_at FROM saved_views ORDER BY id'),
  });
  const letterOf = db.prepare('SELECT * FROM letters WHERE document_id = ?');
  const tagsOf = db.prepare('SELECT tag FROM case_tags WHERE case_id = ? ORDER BY tag').pluck();
  const criteriaOf = db.prepare(
    'SELECT set_id, answers, created_at, updated_at FROM case_criteria WHERE case_id = ?',
  );

  const clientPaths: string[] = [];
  for (const [n, client] of all('SELECT * FROM clients ORDER BY id').entries()) {
    const cases = all('SELECT * FROM cases WHERE client_id = ? ORDER BY id', client.id).map(
      (kase): ArchiveCase => {
        const docs = all(
          `SELECT d.*, c.bytes FROM documents d JOIN document_contents c ON c.document_id = d.id
           WHERE d.case_id = ? ORDER BY d.id`,
          kase.id,
        );
        const docIndex = new Map(docs.map((d, i) => [d.id as number, i]));
        const records = Object.fromEntries(
          RECORD_KINDS.map((kind) => [
            kind,
            all(`SELECT * FROM ${kind} WHERE case_id = ? ORDER BY id`, kase.id).map((r) => ({
              ...pick(r, [...Object.keys(CASE_RECORDS[kind].shape), ...STAMPS]),
              sourceDocumentId: null,
              originalId: r.id,
              ...(OWNER_KINDS.includes(kind) ? { deadline: r.deadlineId ?? null } : {}),
              sourceDocument:
                r.sourceDocumentId == null
                  ? null
                  : (docIndex.get(r.sourceDocumentId as number) ?? null),
            })),
          ]),
        );
        const documents = docs.map((d) => {
          const file = keepBytes(d.bytes as Uint8Array);
          const letter = letterOf.get(d.id) as Row | undefined;
          const origin = letter && fromRow<Row>(letter);
          return {
            letter: origin
              ? {
                  ...pick(origin, ['templateName', 'kind', 'templateSource', 'dataJson', 'gaps']),
                  template: origin.templateId ?? null,
                  recipient: origin.recipientContactId ?? null,
                  ...pick(origin, [
                    'sentOn',
                    'sentChannel',
                    'sentReference',
                    'responseDueOn',
                    'responseRule',
                    'responseReceivedOn',
                    'responseOutcome',
                    'responseNote',
                  ]),
                  responseDeadline: origin.responseDeadlineId ?? null,
                }
              : null,
            ...pick(d, [...Object.keys(documentFields.shape), ...STAMPS, 'sha256', 'sizeBytes']),
            // Accepted facts name their records by id, which the archive calls `originalId`.
            factDecisions: factDecisions.parse(JSON.parse(d.factDecisions as string)),
            originalId: d.id,
            html: d.html ?? null,
            warnings: JSON.parse(d.warnings as string) as string[],
            file,
          };
        });
        const history = all(
          `SELECT table_name, record_id, action, field, old_value, new_value, changed_at, actor
           FROM case_history WHERE case_id = ? ORDER BY id`,
          kase.id,
        );
        const stageMoves = all(
          'SELECT * FROM stage_moves WHERE case_id = ? ORDER BY id',
          kase.id,
        ).map((m) =>
          pick(m, ['fromStage', 'toStage', 'movedOn', 'note', 'claimType', 'createdAt']),
        );
        const denials = all('SELECT * FROM denials WHERE case_id = ? ORDER BY id', kase.id).map(
          (d) => ({
            ...pick(d, [...Object.keys(denialFields.shape), 'computedOn', 'rule', ...STAMPS]),
            sourceDocumentId: null,
            originalId: d.id,
            deadline: d.deadlineId ?? null,
            sourceDocument:
              d.sourceDocumentId == null
                ? null
                : (docIndex.get(d.sourceDocumentId as number) ?? null),
          }),
        );
        const citations = db
          .prepare('SELECT citation_id FROM case_citations WHERE case_id = ? ORDER BY position')
          .pluck()
          .all(kase.id) as number[];
        const answers = Object.fromEntries(
          (
            db
              .prepare(
                'SELECT question, answer FROM case_answers WHERE case_id = ? ORDER BY question',
              )
              .all(kase.id) as { question: string; answer: string }[]
          ).map((a) => [a.question, a.answer]),
        );
        const link = criteriaOf.get(kase.id) as
          | { set_id: number | null; answers: string; created_at: string; updated_at: string }
          | undefined;
        return {
          ...(pick(kase, [...Object.keys(caseFields.shape), ...STAMPS]) as object),
          originalId: kase.id,
          ...records,
          documents,
          history,
          stageMoves,
          denials,
          citations,
          answers,
          tags: tagsOf.all(kase.id) as string[],
          criteria: link
            ? {
                set: link.set_id,
                answers: JSON.parse(link.answers) as Record<string, unknown>,
                createdAt: link.created_at,
                updatedAt: link.updated_at,
              }
            : null,
        } as ArchiveCase;
      },
    );
    const file: ArchiveClientFile = {
      format: EXCHANGE_FORMAT,
      version: EXCHANGE_VERSION,
      client: pick(client, [
        ...Object.keys(clientInput.shape),
        ...STAMPS,
      ]) as ArchiveClientFile['client'],
      cases,
      authorizations: all(
        'SELECT * FROM authorizations WHERE client_id = ? ORDER BY id',
        client.id,
      ).map((a) => ({
        ...(pick(a, [...Object.keys(authorizationShape), ...STAMPS]) as object),
        documentId: null,
        document: (a.documentId as number | null) ?? null,
      })) as ArchiveClientFile['authorizations'],
    };
    const path = `clients/${String(n + 1).padStart(6, '0')}.json`;
    clientPaths.push(path);
    entries[path] = json(file);
  }

  const manifest: ArchiveManifest & { counts: unknown } = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    createdAt: new Date().toISOString(),
    appVersion,
    clients: clientPaths,
    counts: libraryCounts(db),
  };
  entries['manifest.json'] = json(manifest);
  return entries;
}

/** Writes the archive to `out` (through a temporary file, so a failure leaves no half archive). */
export function exportArchive(db: Database, out: string, appVersion: string): ArchiveSummary {
  const zipped = zipSync(archiveEntries(db, appVersion), { level: 6 });
  const partial = `${out}.partial`;
  try {
    // A fresh 0600 file: an old partial's wider mode, or a link planted there, is not reused.
    rmSync(partial, { force: true });
    writeFileSync(partial, zipped, { mode: 0o600, flag: 'wx' });
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new AppError(
      'invalid-input',
      `Cannot write the archive to ${out} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose a folder you may write to.`,
      'out',
    );
  }
  return { file: out, sizeBytes: statSync(out).size, counts: libraryCounts(db) };
}
