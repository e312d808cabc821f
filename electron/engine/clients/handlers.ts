// Calls that read and change clients.
import { clientInput } from '../../contract/client';
import { AppError } from '../../contract/errors';
import type { EngineContext, HandlerSet } from '../context';
import { clientQueries } from './queries';

type ClientCalls =
  'clients.list' | 'clients.get' | 'clients.create' | 'clients.update' | 'clients.delete';

export function clientHandlers({ db }: EngineContext): HandlerSet<ClientCalls> {
  const q = clientQueries(db);
  return {
    'clients.list': (args) => q.list(args),
    'clients.get': ({ id }) => q.get(id),
    'clients.create': (values) => q.insert(values),
    'clients.update': ({ id, version, ...changes }) =>
      q.patch(id, { version, changes }, clientInput),
    'clients.delete': ({ id }) => {
      const cases = q.caseCount(id);
      if (cases > 0) {
        throw new AppError(
          'conflict',
          `This client still has ${cases} case${cases === 1 ? '' : 's'}. Delete or close them before deleting the client.`,
        );
      }
      q.remove(id);
      return null;
    },
  };
}
