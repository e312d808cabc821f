// The advocate profile: a single row, created on first save.
import type { Database } from 'better-sqlite3';
import type { Profile, ProfileValues } from '../../contract/profile';
import { profileInput } from '../../contract/profile';
import type { EngineContext, HandlerSet } from '../context';
import { defineTable, fromRow, toSnake } from '../db/table';
import { changeLog } from '../db/versions';

/** The one profile row: read (all fields null, version 0, before the first save) and saved. */
export function profileQueries(db: Database) {
  const fields = Object.keys(profileInput.shape);
  const columns = fields.map(toSnake);
  const get = db.prepare(`SELECT ${columns.join(', ')}, version FROM profile WHERE id = 1`);
  const table = defineTable<Profile>(db, 'profile', fields, 'profile');
  const log = changeLog(db);
  const read = (): Profile => {
    const row = get.get();
    return row
      ? fromRow<Profile>(row)
      : ({ ...Object.fromEntries(fields.map((f) => [f, null])), version: 0 } as Profile);
  };
  /** Applies a change made from `version` (0: before the profile existed). */
  const save = (version: number, changes: Partial<ProfileValues>) => {
    if (table.find(1)) {
      table.patch(1, { version, changes }, profileInput);
      return;
    }
    // The first save creates the row at version 1; a second first save from another window
    // then meets it as a change since version 0.
    table.insert(profileInput.parse(changes));
    const set = Object.entries(changes).filter(([, v]) => v !== null && v !== '');
    log.record(
      'profile',
      1,
      1,
      set.map(([k]) => k),
    );
  };
  return { read, save };
}

export function profileHandlers({
  db,
}: EngineContext): HandlerSet<'profile.get' | 'profile.update'> {
  const profile = profileQueries(db);
  return {
    'profile.get': profile.read,
    'profile.update': ({ version, ...changes }) => {
      profile.save(version, changes);
      return profile.read();
    },
  };
}
