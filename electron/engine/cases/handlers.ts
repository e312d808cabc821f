// Calls that read and change cases, and the case page's full detail.
import { caseInput } from '../../contract/case';
import { AppError } from '../../contract/errors';
import type { EngineContext, HandlerSet } from '../context';
import { clientQueries } from '../clients/queries';
import { todayForState } from '../deadlines/state-time-zones';
import { stageQueries } from '../workflow/queries';
import { caseDetailReader } from './detail';
import { caseQueries } from './queries';

type CaseCalls = 'cases.list' | 'cases.get' | 'cases.create' | 'cases.update' | 'cases.delete';

export function caseHandlers({ db }: EngineContext): HandlerSet<CaseCalls> {
  const q = caseQueries(db);
  const clients = clientQueries(db);
  const stages = stageQueries(db);
  const detail = caseDetailReader(db);

  const requireClient = (clientId: number) => {
    if (!q.clientExists(clientId)) {
      throw new AppError(
        'not-found',
        `No client with id ${clientId}; choose an existing client.`,
        'clientId',
      );
    }
  };

  return {
    'cases.list': (args) => q.list(args),
    'cases.get': ({ id }) => detail(id),
    'cases.create': (values) => {
      requireClient(values.clientId);
      const created = q.insert({
        ...values,
        openedOn: values.openedOn ?? todayForState(clients.get(values.clientId).state),
      });
      // The case's stage history starts with the stage it was opened at.
      stages.record({
        caseId: created.id,
        fromStage: null,
        toStage: created.status,
        movedOn: created.openedOn ?? todayForState(null),
        note: null,
        claimType: null,
      });
      return created;
    },
    'cases.update': ({ id, version, ...changes }) => {
      if (changes.clientId !== undefined) requireClient(changes.clientId);
      const before = q.get(id);
      const updated = q.patch(id, { version, changes }, caseInput);
      if (before.status !== updated.status) {
        // A stage changed from the case form is a move like any other, dated today.
        stages.record({
          caseId: id,
          fromStage: before.status,
          toStage: updated.status,
          movedOn: todayForState(clients.get(updated.clientId).state),
          note: 'Changed on the case form',
          claimType: null,
        });
      }
      return updated;
    },
    'cases.delete': ({ id }) => {
      q.remove(id);
      return null;
    },
  };
}
