// The sample client and case: made through the same handlers a person's clicks use, in the call's
// one transaction, and removed by the ids kept in `settings` so removal never reaches real data.
import { apiArgs } from '../../contract/api';
import type { ApiArgs, ApiName, ApiResults } from '../../contract/api';
import { AppError } from '../../contract/errors';
import type { SampleStatus } from '../../contract/first-run';
import { caseHandlers } from '../cases/handlers';
import { clientHandlers } from '../clients/handlers';
import { contactHandlers } from '../contacts/handlers';
import type { EngineContext, HandlerSet } from '../context';
import { recordHandlers } from '../records/handlers';
import { SETTING, deleteSetting, readSetting, writeSetting } from '../settings/queries';
import { workflowHandlers } from '../workflow/handlers';
import { sampleCase, sampleClient, sampleContacts, sampleRecords } from './sample-case';

interface SampleIds {
  clientId: number;
  caseId: number;
  contactIds: number[];
}

const NONE: SampleStatus = { present: false, clientId: null, caseId: null, contactIds: [] };

export function sampleHandlers(
  ctx: EngineContext,
): HandlerSet<'sample.status' | 'sample.create' | 'sample.remove'> {
  const { db } = ctx;
  const handlers = {
    ...clientHandlers(ctx),
    ...caseHandlers(ctx),
    ...recordHandlers(ctx),
    ...contactHandlers(ctx),
    ...workflowHandlers(ctx),
  };
  // Each step passes its call's own schema, as if it came through a door.
  const run = <N extends keyof typeof handlers & ApiName>(name: N, args: ApiArgs<N>) =>
    (handlers[name] as (a: unknown) => ApiResults[N])(apiArgs[name].parse(args));

  const lookups = {
    clients: db.prepare('SELECT 1 FROM clients WHERE id = ?'),
    cases: db.prepare('SELECT 1 FROM cases WHERE id = ?'),
    contacts: db.prepare('SELECT 1 FROM contacts WHERE id = ?'),
  };
  const exists = (table: keyof typeof lookups, id: number) => lookups[table].get(id) !== undefined;
  const casesOf = db.prepare('SELECT count(*) FROM cases WHERE client_id = ?').pluck();

  /** The kept ids, keeping only those still in the library (the advocate may delete by hand). */
  const status = (): SampleStatus => {
    const raw = readSetting(db, SETTING.sample);
    if (!raw) return NONE;
    const ids = JSON.parse(raw) as SampleIds;
    const clientId = exists('clients', ids.clientId) ? ids.clientId : null;
    const caseId = exists('cases', ids.caseId) ? ids.caseId : null;
    const contactIds = ids.contactIds.filter((id) => exists('contacts', id));
    const present = clientId !== null || caseId !== null || contactIds.length > 0;
    return { present, clientId, caseId, contactIds };
  };

  return {
    'sample.status': status,
    'sample.create': () => {
      if (status().present) {
        throw new AppError(
          'conflict',
          'The sample case is already in the library. Remove it first to start it again.',
        );
      }
      const today = new Date().toISOString().slice(0, 10);
      const client = run('clients.create', sampleClient);
      const kase = run('cases.create', sampleCase(client.id, today));
      const records = sampleRecords(today);
      for (const values of records.diagnoses) run('diagnoses.create', { caseId: kase.id, values });
      for (const values of records.treatments)
        run('treatments.create', { caseId: kase.id, values });
      for (const values of records.assessments) {
        run('assessments.create', { caseId: kase.id, values });
      }
      for (const values of records.communications) {
        run('communications.create', { caseId: kase.id, values });
      }
      for (const values of records.deadlines) run('deadlines.create', { caseId: kase.id, values });
      run('denials.create', { caseId: kase.id, values: records.denial });
      const contactIds = sampleContacts.map((c) => run('contacts.create', c).id);
      const ids: SampleIds = { clientId: client.id, caseId: kase.id, contactIds };
      writeSetting(db, SETTING.sample, JSON.stringify(ids));
      return status();
    },
    'sample.remove': () => {
      const found = status();
      const removed = { cases: 0, clients: 0, contacts: 0 };
      if (found.caseId !== null) {
        run('cases.delete', { id: found.caseId });
        removed.cases = 1;
      }
      // The client goes only when nothing real was filed under it since; if the advocate did
      // file a real case there, the client is theirs now and stays.
      if (found.clientId !== null) {
        if ((casesOf.get(found.clientId) as number) === 0) {
          run('clients.delete', { id: found.clientId });
          removed.clients = 1;
        }
      }
      for (const id of found.contactIds) {
        run('contacts.delete', { id });
        removed.contacts += 1;
      }
      deleteSetting(db, SETTING.sample);
      return { ...status(), removed };
    },
  };
}
