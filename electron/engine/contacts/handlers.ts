// Calls for the address book.
import type { Database } from 'better-sqlite3';
import type { Contact } from '../../contract/contact';
import { contactInput } from '../../contract/contact';
import { AppError } from '../../contract/errors';
import type { EngineContext, HandlerSet } from '../context';
import { defineTable, fromRow } from '../db/table';
import { ftsQuery } from '../search/fts-query';
import { bioguideNote, legislatorContacts } from './legislators';

type ContactCalls =
  | 'contacts.list'
  | 'contacts.get'
  | 'contacts.create'
  | 'contacts.update'
  | 'contacts.delete'
  | 'contacts.importLawmakers'
  | 'contacts.fromCase';

/** The address book's table: insert, update, get, remove. */
export const contactTable = (db: Database) =>
  defineTable<Contact>(db, 'contacts', Object.keys(contactInput.shape), 'contact');

export function contactHandlers({ db }: EngineContext): HandlerSet<ContactCalls> {
  const table = contactTable(db);
  // The address book is small (hundreds of rows, a few thousand with every lawmaker's office):
  // a LIKE over a few columns is quick and finds words inside names ("Smith" in "Office of Sen.
  // Smith") that a prefix index would miss. It comes a page at a time, with a count.
  const matching = `FROM contacts
     WHERE (@kind IS NULL OR kind = @kind)
       AND (@like IS NULL OR name LIKE @like ESCAPE '\\' OR organisation LIKE @like ESCAPE '\\'
            OR title LIKE @like ESCAPE '\\' OR city LIKE @like ESCAPE '\\')`;
  const list = db.prepare(
    `SELECT * ${matching} ORDER BY name COLLATE NOCASE, id LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare(`SELECT count(*) ${matching}`).pluck();
  const byBioguide = db
    .prepare("SELECT id FROM contacts WHERE kind = 'lawmaker' AND notes LIKE ? || '%' LIMIT 1")
    .pluck();
  const caseParties = db.prepare(
    `SELECT insurer_name AS insurerName, provider_name AS providerName,
            provider_practice AS providerPractice, provider_phone AS providerPhone,
            provider_fax AS providerFax, provider_npi AS providerNpi
       FROM cases WHERE id = ?`,
  );
  const sameName = db
    .prepare(
      'SELECT id FROM contacts WHERE kind = ? AND name = ? COLLATE NOCASE ORDER BY id LIMIT 1',
    )
    .pluck();
  return {
    // The case's insurer or provider as a contact: the one already in the address book under
    // that name, or a new one made from the case's fields.
    'contacts.fromCase': ({ caseId, kind }) => {
      const row = caseParties.get(caseId) as Record<string, string | null> | undefined;
      if (!row) throw new AppError('not-found', 'That case no longer exists.');
      const name = kind === 'insurer' ? row.insurerName : row.providerName;
      if (!name) {
        throw new AppError(
          'invalid-input',
          kind === 'insurer' ? 'The case has no insurer yet.' : 'The case has no provider yet.',
        );
      }
      const existing = sameName.get(kind, name) as number | undefined;
      if (existing !== undefined) return table.get(existing);
      const values = contactInput.parse(
        kind === 'insurer'
          ? { kind, name }
          : {
              kind,
              name,
              organisation: row.providerPractice,
              phone: row.providerPhone,
              fax: row.providerFax,
              npi: row.providerNpi,
            },
      );
      return table.insert(values);
    },
    // Re-importing a newer file updates each member in place (found by the note it carries).
    'contacts.importLawmakers': ({ legislatorsYaml, officesYaml, state }) => {
      let added = 0;
      let updated = 0;
      for (const { bioguide, ...contact } of legislatorContacts(
        legislatorsYaml,
        officesYaml,
        state ?? undefined,
      )) {
        const values = contactInput.parse(contact);
        const existing = byBioguide.get(bioguideNote(bioguide)) as number | undefined;
        if (existing === undefined) {
          table.insert(values);
          added += 1;
        } else {
          table.update(existing, values);
          updated += 1;
        }
      }
      return { added, updated };
    },
    'contacts.list': ({ query, kind, limit, offset }) => {
      const like =
        query && ftsQuery(query) ? `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const filter = { kind: kind ?? null, like };
      return {
        total: count.get(filter) as number,
        items: list.all({ ...filter, limit, offset }).map((r) => fromRow<Contact>(r)),
      };
    },
    'contacts.get': ({ id }) => table.get(id),
    'contacts.create': (values) => table.insert(values),
    'contacts.update': ({ id, version, ...changes }) =>
      table.patch(id, { version, changes }, contactInput),
    'contacts.delete': ({ id }) => {
      table.remove(id);
      return null;
    },
  };
}
