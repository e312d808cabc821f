// Case records that keep a deadline row of their own: help beyond the plan that must be renewed,
// and a network agreement that ends. The row shows on the case, the dashboard and the calendar
// export like any deadline; it moves when the record's date does and goes when the record does.
import type { Database } from 'better-sqlite3';
import type { CaseRecordKind, CaseRecordTypes } from '../../contract/case-records';
import { ASSISTANCE_KIND } from '../../contract/enrolment';
import { NETWORK_REQUEST_KIND } from '../../contract/network-request';
import type { WantedDeadline } from '../deadlines/derived-deadline';
import { derivedDeadlines } from '../deadlines/derived-deadline';

type Wanted = Omit<WantedDeadline, 'caseId'> | null;

const OWNERS: { [K in CaseRecordKind]?: (row: CaseRecordTypes[K]) => Wanted } = {
  enrolments: (e) =>
    e.renewsOn && (e.status === 'enrolled' || e.status === 'applied')
      ? {
          title: `Renew ${e.program}`,
          dueOn: e.renewsOn,
          notes: `${ASSISTANCE_KIND.labels[e.kind]}${
            e.referenceNumber ? ` (${e.referenceNumber})` : ''
          }: renew by this day so the help does not lapse.`,
        }
      : null,
  networkRequests: (r) =>
    r.approvedUntil && (r.decision === 'approved' || r.decision === 'partly-approved')
      ? {
          title: `${NETWORK_REQUEST_KIND.labels[r.kind]} with ${r.providerName} ends`,
          dueOn: r.approvedUntil,
          notes:
            'If care goes on past this day, ask the plan to extend the agreement before it ends.',
        }
      : null,
};

export const OWNER_KINDS = Object.keys(OWNERS) as CaseRecordKind[];

export function ownedDeadlines(db: Database) {
  const derived = derivedDeadlines(db);
  const statements = new Map(
    OWNER_KINDS.map((kind) => [
      kind,
      {
        read: db.prepare(`SELECT deadline_id FROM ${kind} WHERE id = ?`).pluck(),
        link: db.prepare(`UPDATE ${kind} SET deadline_id = ? WHERE id = ?`),
      },
    ]),
  );
  const ownedIn = db
    .prepare(
      OWNER_KINDS.map(
        (k) => `SELECT deadline_id FROM ${k} WHERE case_id = @caseId AND deadline_id IS NOT NULL`,
      ).join(' UNION '),
    )
    .pluck();

  const sync = <K extends CaseRecordKind>(
    kind: K,
    row: CaseRecordTypes[K] | null,
    id: number,
  ): void => {
    const want = OWNERS[kind];
    const s = statements.get(kind);
    if (!want || !s) return;
    const current = (s.read.get(id) as number | null | undefined) ?? null;
    const wanted = row ? want(row) : null;
    const next = derived.sync(current, wanted && row ? { ...wanted, caseId: row.caseId } : null);
    if (next !== current && row) s.link.run(next, id);
  };

  return {
    /** After a record is written: its deadline row made to match it. */
    afterWrite: <K extends CaseRecordKind>(kind: K, row: CaseRecordTypes[K]) =>
      sync(kind, row, row.id),
    /** Before a record is deleted: its open deadline row goes with it. */
    beforeDelete: (kind: CaseRecordKind, id: number) => sync(kind, null, id),
    /** Relinks a record to the deadline row it kept in another library (an archive). */
    link: (kind: CaseRecordKind, id: number, deadlineId: number | null) =>
      statements.get(kind)?.link.run(deadlineId, id),
    /** The deadline rows a case's records own: the records bring them back on import. */
    ownedBy: (caseId: number) => new Set(ownedIn.all({ caseId }) as number[]),
  };
}
