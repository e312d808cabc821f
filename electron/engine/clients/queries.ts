// SQL for clients.
import type { Database } from 'better-sqlite3';
import type { Client, ClientSummary } from '../../contract/client';
import { clientInput } from '../../contract/client';
import { defineTable, fromRow } from '../db/table';
import { ftsQuery } from '../search/fts-query';

const summary = `
  SELECT c.id, c.first_name, c.last_name, c.date_of_birth, c.state,
         (SELECT count(*) FROM cases WHERE client_id = c.id) AS case_count
  FROM clients c`;

export function clientQueries(db: Database) {
  const table = defineTable<Client>(db, 'clients', Object.keys(clientInput.shape), 'client');
  const all = db.prepare(
    `${summary} ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE LIMIT 1000`,
  );
  const matching = db.prepare(`${summary}
    WHERE c.id IN (SELECT entity_id FROM search_fts WHERE search_fts MATCH ? AND entity = 'client')
    ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE LIMIT 1000`);
  const caseCount = db.prepare('SELECT count(*) FROM cases WHERE client_id = ?').pluck();

  return {
    ...table,
    list(query?: string): ClientSummary[] {
      const match = query ? ftsQuery(query) : null;
      const rows = match ? matching.all(match) : query ? [] : all.all();
      return rows.map((r) => fromRow<ClientSummary>(r));
    },
    caseCount: (id: number) => caseCount.get(id) as number,
  };
}
