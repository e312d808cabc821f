// Calls that read and change cases, and the case page's full detail.
import { caseInput } from '../../contract/case';
import { AppError } from '../../contract/errors';
import type { EngineContext, HandlerSet } from '../context';
import { clientQueries } from '../clients/queries';
import { todayForState } from '../deadlines/state-time-zones';
import { stageQueries } from '../workflow/queries';
import { caseDetailReader } from './detail';
import { caseQueries } from './queries';
import { csvHeader, csvRow } from './csv';

type CaseCalls =
  | 'cases.list'
  | 'cases.export'
  | 'cases.choices'
  | 'cases.get'
  | 'cases.create'
  | 'cases.update'
  | 'cases.delete';

/** Rows read at a time while a whole list is written out. */
const EXPORT_PAGE = 1000;

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
    // Every matching case (not just the page on screen), read a page at a time.
    'cases.export': (filters) => {
      const parts = [csvHeader()];
      let rows = 0;
      for (let offset = 0; ; offset += EXPORT_PAGE) {
        const page = q.list({ ...filters, limit: EXPORT_PAGE, offset });
        for (const c of page.items) parts.push(csvRow(c));
        rows += page.items.length;
        if (page.items.length < EXPORT_PAGE) break;
      }
      return { fileName: 'advocate-desk-cases.csv', text: parts.join(''), rows };
    },
    'cases.choices': () => q.choices(),
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
