// A case with its client and every record: what the case page shows and what letters read.
import type { Database } from 'better-sqlite3';
import type { CaseDetail } from '../../contract/case';
import { CASE_DOCUMENTS_SHOWN } from '../../contract/case';
import type { CaseRecordKind } from '../../contract/case-records';
import { CASE_RECORDS } from '../../contract/case-records';
import { clientQueries } from '../clients/queries';
import { documentQueries } from '../documents/queries';
import { recordQueries } from '../records/queries';
import { caseQueries } from './queries';

/** Reads one case's detail; `withDocuments: false` skips the documents list. */
export function caseDetailReader(db: Database) {
  const cases = caseQueries(db);
  const clients = clientQueries(db);
  const documents = documentQueries(db);
  const records = Object.fromEntries(
    (Object.keys(CASE_RECORDS) as CaseRecordKind[]).map((kind) => [kind, recordQueries(db, kind)]),
  ) as { [K in CaseRecordKind]: ReturnType<typeof recordQueries<K>> };

  const tags = db.prepare('SELECT tag FROM case_tags WHERE case_id = ? ORDER BY tag').pluck();

  return (id: number, { withDocuments = true } = {}): CaseDetail => {
    const found = cases.get(id);
    return {
      case: found,
      client: clients.get(found.clientId),
      diagnoses: records.diagnoses.forCase(id),
      treatments: records.treatments.forCase(id),
      assessments: records.assessments.forCase(id),
      communications: records.communications.forCase(id),
      deadlines: records.deadlines.forCase(id),
      accessAttempts: records.accessAttempts.forCase(id),
      networkRequests: records.networkRequests.forCase(id),
      peerCalls: records.peerCalls.forCase(id),
      enrolments: records.enrolments.forCase(id),
      benefitsChecks: records.benefitsChecks.forCase(id),
      documents: withDocuments ? documents.forCase(id, CASE_DOCUMENTS_SHOWN) : [],
      documentsTotal: withDocuments ? documents.countForCase(id) : 0,
      tags: tags.all(id) as string[],
    };
  };
}
