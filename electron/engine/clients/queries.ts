// SQL for clients.
import type { Database } from 'better-sqlite3';
import type { Client, ClientSummary } from '../../contract/client';
import { clientInput } from '../../contract/client';
import type { Page } from '../../contract/paging';
import { defineTable, fromRow } from '../db/table';
import { ftsQuery } from '../search/fts-query';
import { SEARCH_WINDOW } from '../search/queries';

const summary = `
  SELECT c.id, c.first_name, c.middle_name, c.last_name, c.suffix, c.date_of_birth, c.state,
         (SELECT count(*) FROM cases WHERE client_id = c.id) AS case_count
  FROM clients c`;
const BY_NAME = 'ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id';

export function clientQueries(db: Database) {
  const table = defineTable<Client>(db, 'clients', Object.keys(clientInput.shape), 'client');
  const page = db.prepare(`${summary} ${BY_NAME} LIMIT @limit OFFSET @offset`);
  const total = db
    .prepare("SELECT coalesce(max(count), 0) FROM list_counts WHERE list = 'clients'")
    .pluck();
  // The client index (one row per client) finds the matches; at most a window of them is sorted.
  const matches = `SELECT rowid FROM client_search WHERE client_search MATCH @match LIMIT ${SEARCH_WINDOW}`;
  const matching = db.prepare(
    `${summary} WHERE c.id IN (${matches}) ${BY_NAME} LIMIT @limit OFFSET @offset`,
  );
  const matchCount = db.prepare(`SELECT count(*) FROM (${matches})`).pluck();
  const caseCount = db.prepare('SELECT count(*) FROM cases WHERE client_id = ?').pluck();

  return {
    ...table,
    /** One page of clients by name, all or those matching every typed word. */
    list(args: { query?: string | undefined; limit: number; offset: number }): Page<ClientSummary> {
      const { limit, offset } = args;
      if (!args.query) {
        return {
          total: total.get() as number,
          items: page.all({ limit, offset }).map((r) => fromRow<ClientSummary>(r)),
        };
      }
      const match = ftsQuery(args.query);
      if (!match) return { total: 0, items: [] };
      return {
        total: matchCount.get({ match }) as number,
        items: matching.all({ match, limit, offset }).map((r) => fromRow<ClientSummary>(r)),
      };
    },
    caseCount: (id: number) => caseCount.get(id) as number,
  };
}
