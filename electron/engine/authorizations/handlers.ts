// Calls for clients' authorizations: kept per client, edited from a version (a stale edit is
// refused), the ones near expiry for the dashboard, and those a case can enclose.
import type {
  Authorization,
  AuthorizationPurpose,
  AuthorizationView,
} from '../../contract/authorization';
import { authorizationFields } from '../../contract/authorization';
import { AppError } from '../../contract/errors';
import type { EngineContext, HandlerSet } from '../context';
import { addDays } from '../deadlines/plain-date';
import { localToday } from '../letters/handlers';
import { profileQueries } from '../profile/handlers';
import { postalLines } from '../letters/context';
import { authorizationQueries } from './queries';
import { expiryOf, inForce, kindsFor, noticesFor } from './rules';

type AuthorizationCalls =
  | 'authorizations.list'
  | 'authorizations.get'
  | 'authorizations.create'
  | 'authorizations.update'
  | 'authorizations.delete'
  | 'expiringAuthorizations.list'
  | 'caseAuthorizations.list';

/**
 * The authorizations in force that a case's letter or packet can enclose for `purpose` (all in
 * force when none is given), newest first.
 */
export function authorizationsFor(
  db: EngineContext['db'],
  caseId: number,
  purpose?: AuthorizationPurpose,
  today = localToday(),
): Authorization[] {
  const q = authorizationQueries(db);
  const owner = q.caseClient(caseId);
  if (!owner)
    throw new AppError('not-found', `No case with id ${caseId}; it may have been deleted.`);
  const kinds = purpose ? kindsFor(purpose, owner.plan_type) : null;
  return q
    .forClient(owner.client_id)
    .filter((a) => inForce(a, today) && (!kinds || kinds.includes(a.kind)));
}

export function authorizationHandlers({ db }: EngineContext): HandlerSet<AuthorizationCalls> {
  const q = authorizationQueries(db);
  const profile = profileQueries(db);

  const view = (a: Authorization, today = localToday()): AuthorizationView => {
    const doc = a.documentId === null ? undefined : q.document(a.documentId);
    return {
      ...a,
      clientName: q.clientName(a.clientId) ?? '',
      documentName: doc?.file_name ?? null,
      inForce: inForce(a, today),
      notices: noticesFor(a, doc),
    };
  };

  /** An attached document must be one of the client's own. */
  const checkDocument = (clientId: number, documentId: number | null) => {
    if (documentId === null) return;
    const doc = q.document(documentId);
    if (!doc || doc.client_id !== clientId) {
      throw new AppError(
        'invalid-input',
        'The attached document is not one of this client’s documents. Import the signed copy into one of their cases, then choose it.',
        'values.documentId',
      );
    }
  };

  return {
    'authorizations.list': ({ clientId }) => {
      if (q.clientName(clientId) === undefined)
        throw new AppError('not-found', `No client with id ${clientId}; it may have been deleted.`);
      const today = localToday();
      return q.forClient(clientId).map((a) => view(a, today));
    },
    'authorizations.get': ({ id }) => view(q.table.get(id)),
    'authorizations.create': ({ clientId, values }) => {
      if (q.clientName(clientId) === undefined)
        throw new AppError('not-found', `No client with id ${clientId}; it may have been deleted.`);
      checkDocument(clientId, values.documentId);
      // The representative is the advocate unless another person is named.
      const p = profile.read();
      const representative =
        values.kind === 'medicare-representative' || values.kind === 'plan-representative'
          ? {
              representativeName: values.representativeName ?? p.name,
              representativeAddress:
                values.representativeAddress ?? (postalLines(p).join(', ') || null),
              representativePhone: values.representativePhone ?? p.phone,
            }
          : {};
      const merged = { ...values, ...representative };
      return view(q.table.insert({ ...merged, clientId, expiresOn: expiryOf(merged) }));
    },
    'authorizations.update': ({ id, version, values }) => {
      const { current, merged } = q.table.rebase(
        id,
        { version, changes: values, at: 'values' },
        authorizationFields,
      );
      const checked = authorizationFields.parse(merged);
      checkDocument(current.clientId, checked.documentId);
      return view(
        q.table.patch(id, { version, changes: values, at: 'values' }, authorizationFields, {
          expiresOn: expiryOf(checked),
        }),
      );
    },
    'authorizations.delete': ({ id }) => {
      q.table.remove(id);
      return null;
    },
    'expiringAuthorizations.list': ({ today, withinDays, limit, offset }) => {
      const until = addDays(today, withinDays);
      return { total: q.expiringCount(until), items: q.expiring(until, limit, offset) };
    },
    'caseAuthorizations.list': ({ caseId, purpose }) => {
      const today = localToday();
      return authorizationsFor(db, caseId, purpose, today).map((a) => view(a, today));
    },
  };
}
