// SQL for the evidence library: citations (searchable, versioned edits) and each case's picks.
import type { Database, Statement } from 'better-sqlite3';
import { citationFields, MAX_CITATIONS_LISTED } from '../../contract/evidence';
import type { Citation, EvidenceTreatment } from '../../contract/evidence';
import { defineTable, fromRow } from '../db/table';

export const CITATION_COLUMNS = [...Object.keys(citationFields.shape), 'sourceKey'];

/** LIKE's own wildcards in a search word match themselves. */
const likeWord = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const SEARCHED = `coalesce(authors,'') || ' ' || coalesce(title,'') || ' ' || coalesce(journal,'')
  || ' ' || coalesce(CAST(year AS TEXT),'') || ' ' || coalesce(pmid,'') || ' ' || coalesce(doi,'')
  || ' ' || coalesce(design,'') || ' ' || coalesce(population,'') || ' ' || finding
  || ' ' || coalesce(supports,'') || ' ' || treatment || ' ' || coalesce(conditions,'')`;

/** At most this many words of a search are matched (each must appear). */
const MAX_WORDS = 8;

export function citationQueries(db: Database) {
  const table = defineTable<Citation>(db, 'citations', CITATION_COLUMNS, 'citation');
  const all = db.prepare(
    `SELECT * FROM citations WHERE (@treatment IS NULL OR treatment = @treatment)
     ORDER BY treatment, year DESC, authors LIMIT ${MAX_CITATIONS_LISTED}`,
  );
  const count = db
    .prepare('SELECT count(*) FROM citations WHERE (@treatment IS NULL OR treatment = @treatment)')
    .pluck();
  // One statement per number of words, built from fixed text: every word is a bound parameter.
  const searches = new Map<number, { rows: Statement; total: Statement }>();
  const searchFor = (words: number) => {
    let found = searches.get(words);
    if (!found) {
      const where = [
        '(@treatment IS NULL OR treatment = @treatment)',
        ...Array.from({ length: words }, (_, i) => `(${SEARCHED}) LIKE @w${i} ESCAPE '\\'`),
      ].join(' AND ');
      found = {
        rows: db.prepare(
          `SELECT * FROM citations WHERE ${where} ORDER BY treatment, year DESC, authors LIMIT ${MAX_CITATIONS_LISTED}`,
        ),
        total: db.prepare(`SELECT count(*) FROM citations WHERE ${where}`).pluck(),
      };
      searches.set(words, found);
    }
    return found;
  };

  const picked = db.prepare(
    `SELECT c.* FROM case_citations p JOIN citations c ON c.id = p.citation_id
     WHERE p.case_id = ? ORDER BY p.position, p.created_at`,
  );
  const pick = db.prepare(
    `INSERT INTO case_citations (case_id, citation_id, position)
     VALUES (@caseId, @citationId,
       (SELECT coalesce(max(position), 0) + 1 FROM case_citations WHERE case_id = @caseId))
     ON CONFLICT (case_id, citation_id) DO NOTHING`,
  );
  const unpick = db.prepare('DELETE FROM case_citations WHERE case_id = ? AND citation_id = ?');
  const casesCiting = db
    .prepare('SELECT count(*) FROM case_citations WHERE citation_id = ?')
    .pluck();

  return {
    table,
    list(query: string | undefined, treatment: EvidenceTreatment | undefined) {
      const words = (query ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
      const params: Record<string, unknown> = { treatment: treatment ?? null };
      if (!words.length) {
        return {
          items: all.all(params).map((r) => fromRow<Citation>(r)),
          total: count.get(params) as number,
        };
      }
      words.forEach((w, i) => (params[`w${i}`] = likeWord(w)));
      const statements = searchFor(words.length);
      return {
        items: statements.rows.all(params).map((r) => fromRow<Citation>(r)),
        total: statements.total.get(params) as number,
      };
    },
    /** Every citation, for matching against a case (the library holds hundreds at most). */
    everything: () => all.all({ treatment: null }).map((r) => fromRow<Citation>(r)),
    picked: (caseId: number) => picked.all(caseId).map((r) => fromRow<Citation>(r)),
    pick: (caseId: number, citationId: number) => pick.run({ caseId, citationId }),
    unpick: (caseId: number, citationId: number) => unpick.run(caseId, citationId),
    casesCiting: (citationId: number) => casesCiting.get(citationId) as number,
  };
}
