// Adding and removing the advocate's own treatments in the drug vocabulary.
import { AppError } from '../../contract/errors';
import type { EngineContext, HandlerSet } from '../context';
import { customTreatments, writeCustomTreatments } from './custom-treatments';

type Calls =
  'vocabulary.customTreatments' | 'vocabulary.addTreatment' | 'vocabulary.removeTreatment';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function vocabularyHandlers({ db }: EngineContext): HandlerSet<Calls> {
  return {
    'vocabulary.customTreatments': () => customTreatments(db),
    // Adding a name already on the list replaces its entry: that is how an entry is corrected.
    'vocabulary.addTreatment': (entry) => {
      const list = customTreatments(db).filter((e) => !same(e.name, entry.name));
      list.push(entry);
      writeCustomTreatments(db, list);
      return list;
    },
    'vocabulary.removeTreatment': ({ name }) => {
      const list = customTreatments(db);
      const kept = list.filter((e) => !same(e.name, name));
      if (kept.length === list.length)
        throw new AppError('not-found', `"${name}" is not among the treatments you added.`, 'name');
      writeCustomTreatments(db, kept);
      return kept;
    },
  };
}
