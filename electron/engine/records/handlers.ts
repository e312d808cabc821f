// Create, update and delete for every kind of case record; one shape, a table per kind.
import type { CaseRecordKind } from '../../contract/case-records';
import { CASE_RECORDS } from '../../contract/case-records';
import type { EngineContext, Handler } from '../context';
import { touchCase } from '../cases/touch';
import { recordQueries } from './queries';
import { onSave } from './on-save';
import { customTreatments } from '../vocabulary/custom-treatments';
import { ownedDeadlines } from './owned-deadlines';

type RecordCalls = `${CaseRecordKind}.${'create' | 'update' | 'delete'}`;

export function recordHandlers(ctx: EngineContext): { [N in RecordCalls]: Handler<N> } {
  const touch = touchCase(ctx.db);
  const owned = ownedDeadlines(ctx.db);
  const entries = (Object.keys(CASE_RECORDS) as CaseRecordKind[]).flatMap((kind) => {
    const q = recordQueries(ctx.db, kind);
    return [
      [
        `${kind}.create`,
        ({ caseId, values }: { caseId: number; values: Record<string, unknown> }) => {
          touch(caseId);
          const row = q.insert({
            ...onSave(kind, values, { custom: customTreatments(ctx.db) }),
            caseId,
          });
          owned.afterWrite(kind, row);
          return q.get(row.id);
        },
      ],
      [
        `${kind}.update`,
        ({
          id,
          version,
          values,
        }: {
          id: number;
          version: number;
          values: Record<string, unknown>;
        }) => {
          const current = q.get(id);
          touch(current.caseId);
          const changes = onSave(kind, values, {
            current: current as unknown as Record<string, unknown>,
            custom: customTreatments(ctx.db),
          });
          const row = q.patch(id, { version, changes, at: 'values' }, CASE_RECORDS[kind]);
          owned.afterWrite(kind, row);
          return q.get(row.id);
        },
      ],
      [
        `${kind}.delete`,
        ({ id }: { id: number }) => {
          touch(q.get(id).caseId);
          owned.beforeDelete(kind, id);
          q.remove(id);
          return null;
        },
      ],
    ] as const;
  });
  return Object.fromEntries(entries) as unknown as { [N in RecordCalls]: Handler<N> };
}
