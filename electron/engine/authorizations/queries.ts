// SQL for clients' authorizations, with bound parameters.
import type { Database } from 'better-sqlite3';
import type { Authorization, ExpiringAuthorization } from '../../contract/authorization';
import { authorizationShape } from '../../contract/authorization';
import { CLOSED_STAGES } from '../../contract/workflow';
import { defineTable, fromRow } from '../db/table';

const FIELDS = ['clientId', ...Object.keys(authorizationShape)];
const CLOSED = `(${CLOSED_STAGES.map((s) => `'${s}'`).join(', ')})`;

/**
 * Signed, not yet renewed, dated on or before `until`, for a client with an open case. A client
 * who signed a newer one of the same kind that runs past `until` has renewed it.
 */
const EXPIRING = `
  FROM authorizations a
  WHERE a.status = 'signed' AND a.expires_on IS NOT NULL AND a.expires_on <= @until
    AND EXISTS (SELECT 1 FROM cases k WHERE k.client_id = a.client_id AND k.status NOT IN ${CLOSED})
    AND NOT EXISTS (
      SELECT 1 FROM authorizations n
      WHERE n.client_id = a.client_id AND n.kind = a.kind AND n.status = 'signed'
        AND n.expires_on > @until)`;

export function authorizationQueries(db: Database) {
  const table = defineTable<Authorization>(db, 'authorizations', FIELDS, 'authorization');
  const forClient = db.prepare(
    `SELECT * FROM authorizations WHERE client_id = ?
     ORDER BY status = 'revoked', coalesce(party_signed_on, created_at) DESC, id DESC`,
  );
  const expiring = db.prepare(`
    SELECT a.id, a.client_id, a.kind, a.expires_on,
      cl.first_name || ' ' || cl.last_name AS client_name,
      (SELECT k.id FROM cases k WHERE k.client_id = a.client_id AND k.status NOT IN ${CLOSED}
       ORDER BY k.updated_at DESC LIMIT 1) AS case_id
    ${EXPIRING.replace('FROM authorizations a', 'FROM authorizations a JOIN clients cl ON cl.id = a.client_id')}
    ORDER BY a.expires_on, a.id LIMIT @limit OFFSET @offset`);
  const expiringCount = db.prepare(`SELECT count(*) ${EXPIRING}`).pluck();
  const clientName = db
    .prepare(`SELECT first_name || ' ' || last_name FROM clients WHERE id = ?`)
    .pluck();
  const documentOf = db.prepare(
    `SELECT d.file_name, d.text, k.client_id FROM documents d JOIN cases k ON k.id = d.case_id
     WHERE d.id = ?`,
  );
  // The calendar carries signed expiries of clients with an open case (or of one client).
  const calendar = db.prepare(`
    SELECT a.id, a.client_id, a.kind, a.expires_on,
      cl.first_name || ' ' || cl.last_name AS client_name
    FROM authorizations a JOIN clients cl ON cl.id = a.client_id
    WHERE a.status = 'signed' AND a.expires_on >= @from
      AND (@clientId IS NULL OR a.client_id = @clientId)
      AND EXISTS (SELECT 1 FROM cases k WHERE k.client_id = a.client_id AND k.status NOT IN ${CLOSED})
    ORDER BY a.expires_on, a.id`);
  const caseClient = db.prepare('SELECT client_id, plan_type FROM cases WHERE id = ?');

  return {
    table,
    forClient: (clientId: number) => forClient.all(clientId).map((r) => fromRow<Authorization>(r)),
    expiring: (until: string, limit: number, offset: number) =>
      expiring.all({ until, limit, offset }).map((r) => fromRow<ExpiringAuthorization>(r)),
    expiringCount: (until: string) => expiringCount.get({ until }) as number,
    clientName: (clientId: number) => clientName.get(clientId) as string | undefined,
    document: (documentId: number) =>
      documentOf.get(documentId) as
        { file_name: string; text: string | null; client_id: number } | undefined,
    caseClient: (caseId: number) =>
      caseClient.get(caseId) as { client_id: number; plan_type: string | null } | undefined,
    /** Expiries from `from` on (older ones are past acting on; the dashboard still lists them). */
    forCalendar: (clientId: number | null, from: string) =>
      calendar
        .all({ clientId, from })
        .map((r) => fromRow<Omit<ExpiringAuthorization, 'caseId'>>(r)),
    /** The SQL of the expiring list, for checking its plan. */
    expiringSql: expiring.source,
  };
}
