// Deleting one document: its bytes, text, preview and letter record go with it (foreign keys), the
// search index forgets it (a trigger, FTS5 secure-delete), and so do its earlier history rows,
// which hold its notes; one history row says that it was deleted and under which file name.
import { AppError } from '../../contract/errors';
import { touchCase } from '../cases/touch';
import type { EngineContext, HandlerSet } from '../context';

export function documentDeleteHandlers({ db }: EngineContext): HandlerSet<'documents.delete'> {
  const caseOf = db.prepare('SELECT case_id FROM documents WHERE id = ?').pluck();
  const forgetHistory = db.prepare(
    "DELETE FROM case_history WHERE table_name = 'documents' AND record_id = ?",
  );
  const remove = db.prepare('DELETE FROM documents WHERE id = ?');
  const touch = touchCase(db);
  return {
    'documents.delete': ({ id }) => {
      const caseId = caseOf.get(id) as number | undefined;
      if (caseId === undefined) {
        throw new AppError('not-found', `No document with id ${id}; it may have been deleted.`);
      }
      forgetHistory.run(id);
      remove.run(id);
      touch(caseId);
      return null;
    },
  };
}
