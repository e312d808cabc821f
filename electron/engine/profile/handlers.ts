// The advocate profile: a single row, created on first save.
import type { Database } from 'better-sqlite3';
import type { Profile } from '../../contract/profile';
import { profileInput } from '../../contract/profile';
import type { EngineContext, HandlerSet } from '../context';
import { fromRow, toSnake } from '../db/table';

/** The one profile row: read (all fields null before the first save) and saved. */
export function profileQueries(db: Database) {
  const fields = Object.keys(profileInput.shape);
  const columns = fields.map(toSnake);
  const get = db.prepare(`SELECT ${columns.join(', ')} FROM profile WHERE id = 1`);
  const upsert = db.prepare(
    `INSERT INTO profile (id, ${columns.join(', ')}) VALUES (1, ${fields.map((f) => `@${f}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')},
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  const read = (): Profile => {
    const row = get.get();
    return row
      ? fromRow<Profile>(row)
      : (Object.fromEntries(fields.map((f) => [f, null])) as Profile);
  };
  return { read, save: (values: Profile) => upsert.run(values) };
}

export function profileHandlers({
  db,
}: EngineContext): HandlerSet<'profile.get' | 'profile.update'> {
  const profile = profileQueries(db);
  return {
    'profile.get': profile.read,
    'profile.update': (values) => {
      profile.save(values);
      return profile.read();
    },
  };
}
