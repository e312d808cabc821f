// Export one case (with its client and every record) as the exchange format, and import one.
import { createHash } from 'node:crypto';
import type { CaseRecordKind } from '../../contract/case-records';
import { CASE_RECORDS } from '../../contract/case-records';
import { caseFields } from '../../contract/case';
import { clientInput } from '../../contract/client';
import { AppError } from '../../contract/errors';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION } from '../../contract/exchange';
import type { ExchangeFileValues } from '../../contract/exchange';
import type { EngineContext, HandlerSet } from '../context';
import { caseQueries } from '../cases/queries';
import { clientQueries } from '../clients/queries';
import { splitLegacyFirstName } from '../../contract/person-name';
import { documentQueries } from '../documents/queries';
import { recordQueries } from '../records/queries';
import { todayForState } from '../deadlines/state-time-zones';
import { stageQueries } from '../workflow/queries';
import { onSave } from '../records/on-save';
import { customTreatments } from '../vocabulary/custom-treatments';
import { keptAsWritten } from './kept-as-written';
import { ownedDeadlines } from '../records/owned-deadlines';

const RECORD_KINDS = Object.keys(CASE_RECORDS) as CaseRecordKind[];
type ExchangeCase = ExchangeFileValues['cases'][number];

/** The object without the given keys. */
function omitKeys<T extends object>(o: T, keys: readonly string[]): T {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k))) as T;
}

/** Keeps only the fields a schema declares: ids and timestamps stay behind. */
function fieldsOf<T>(row: object, keys: readonly string[]): T {
  return Object.fromEntries(keys.map((k) => [k, (row as Record<string, unknown>)[k] ?? null])) as T;
}

export function exchangeHandlers({
  db,
}: EngineContext): HandlerSet<'exchange.export' | 'exchange.import'> {
  const cases = caseQueries(db);
  const clients = clientQueries(db);
  const documents = documentQueries(db);
  const stages = stageQueries(db);
  const ownership = ownedDeadlines(db);
  const records = Object.fromEntries(RECORD_KINDS.map((k) => [k, recordQueries(db, k)])) as {
    [K in CaseRecordKind]: ReturnType<typeof recordQueries<K>>;
  };

  return {
    'exchange.export': ({ caseId }) => {
      const found = cases.get(caseId);
      // A renewal or an agreement's end travels with its record, which brings it back.
      const owned = ownership.ownedBy(caseId);
      const recordLists = Object.fromEntries(
        RECORD_KINDS.map((kind) => [
          kind,
          records[kind]
            .forCase(caseId)
            .filter((r) => kind !== 'deadlines' || !owned.has(r.id))
            // Document ids mean nothing on another machine: the link to a source stays behind.
            .map((r) => ({
              ...fieldsOf<object>(r, Object.keys(CASE_RECORDS[kind].shape)),
              sourceDocumentId: null,
            })),
        ]),
      ) as Pick<ExchangeCase, CaseRecordKind>;
      const exported: ExchangeCase = {
        ...fieldsOf<ExchangeCase>(found, Object.keys(caseFields.shape)),
        ...recordLists,
        documents: documents.withContent(caseId).map((d) => ({
          fileName: d.fileName,
          mediaType: d.mediaType,
          origin: d.origin,
          text: d.text,
          note: d.note,
          documentType: d.documentType,
          contentBase64: Buffer.from(d.bytes).toString('base64'),
          sha256: d.sha256,
          createdAt: d.createdAt,
        })),
      };
      return {
        format: EXCHANGE_FORMAT,
        version: EXCHANGE_VERSION,
        exportedAt: new Date().toISOString(),
        client: fieldsOf(clients.get(found.clientId), Object.keys(clientInput.shape)),
        cases: [exported],
      };
    },

    'exchange.import': (file) => {
      // Version 1 files kept a middle initial in the first name ("Jordan A.").
      const client = clients.insert(
        file.version === 1 ? splitLegacyFirstName(file.client) : file.client,
      );
      const warnings: string[] = keptAsWritten(file);
      const custom = customTreatments(db);
      const caseIds = file.cases.map((incoming, c) => {
        const { documents: docs, ...values } = incoming;
        const created = cases.insert({ ...omitKeys(values, RECORD_KINDS), clientId: client.id });
        // The stage history starts with the stage the case arrives at.
        stages.record({
          caseId: created.id,
          fromStage: null,
          toStage: created.status,
          movedOn: created.openedOn ?? todayForState(client.state),
          note: 'Imported',
          claimType: null,
        });
        for (const kind of RECORD_KINDS) {
          (incoming[kind] as object[]).forEach((record, r) => {
            const at = `cases[${c}].${kind}[${r}]`;
            const warn = (message: string) => warnings.push(`${at}: ${message} Kept as written.`);
            const row = records[kind].insert({
              ...onSave(kind, record as Record<string, unknown>, { imported: { warn }, custom }),
              sourceDocumentId: null,
              caseId: created.id,
            });
            ownership.afterWrite(kind, row as never);
          });
        }
        docs.forEach((doc, d) => {
          const bytes = Buffer.from(doc.contentBase64, 'base64');
          const field = `cases[${c}].documents[${d}]`;
          if (doc.sha256 && createHash('sha256').update(bytes).digest('hex') !== doc.sha256) {
            throw new AppError(
              'invalid-input',
              `${field}.sha256 does not match the document's content: the file may be damaged.`,
              `${field}.sha256`,
            );
          }
          try {
            documents.add({ ...doc, caseId: created.id, bytes });
          } catch (error) {
            if (error instanceof AppError)
              throw new AppError(error.code, `${field}: ${error.message}`, field);
            throw error;
          }
        });
        return created.id;
      });
      return { clientId: client.id, caseIds, warnings };
    },
  };
}
