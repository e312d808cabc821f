// The calls of the fact review: a document's proposals matched against its case, accepted one
// by one or all new at once, rejected and restored; the duplicate check of manual entry; the
// denial "Record denial" starts from; and a document's type.
import type { EngineContext, HandlerSet } from '../context';
import { touchCase } from '../cases/touch';
import { documentQueries } from '../documents/queries';
import { factWriter } from './accept';

type FactCalls =
  | 'facts.review'
  | 'facts.accept'
  | 'facts.acceptAll'
  | 'facts.reject'
  | 'facts.restore'
  | 'facts.check'
  | 'facts.denialDraft'
  | 'documents.update';

export function factHandlers({ db }: EngineContext): HandlerSet<FactCalls> {
  const facts = factWriter(db);
  const documents = documentQueries(db);
  const touch = touchCase(db);
  return {
    'facts.review': ({ documentId }) => facts.review(documentId),
    'facts.accept': ({ documentId, key, basis, values }) =>
      facts.accept(documentId, key, basis, values),
    'facts.acceptAll': ({ documentId, keys }) => facts.acceptAll(documentId, keys),
    'facts.reject': ({ documentId, key }) => facts.decide(documentId, key, true),
    'facts.restore': ({ documentId, key }) => facts.decide(documentId, key, false),
    'facts.check': ({ caseId, kind, values }) => facts.check(caseId, kind, values),
    'facts.denialDraft': ({ caseId }) => facts.denialDraft(caseId),
    'documents.update': ({ id, version, values }) => {
      const updated = documents.file(id, version, values);
      touch(updated.caseId);
      return updated;
    },
  };
}
