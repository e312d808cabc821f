// Schema step: the evidence library (citations, seeded once from resources/evidence, and the ones
// each case cites), a denial's kind with the plan's own words and the state's step-therapy law,
// and answers to templates' own questions kept with the case. Self-contained (one file) so it can
// be renumbered at merge.
import type { Database } from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { Migration } from '../migrate';
import { historyUpdateTrigger, versionUpdateTrigger } from './record-triggers';
import { resourcePath } from '../../resources';
import { proposeDenialCategory } from '../../../contract/denial-category';

/** The denial columns a version and the history track, as they are at this version. */
const DENIAL_TRACKED = [
  'case_id',
  'denied_on',
  'received_on',
  'reference_number',
  'reason',
  'service',
  'claim_type',
  'level',
  'letter_deadline_on',
  'override_on',
  'state_window_days',
  'computed_on',
  'rule',
  'deadline_id',
  'claim_number',
  'appeal_address',
  'appeal_fax',
  'source_document_id',
  'category',
  'plan_language',
  'step_therapy_law',
];
const DENIAL_AUDITED = [
  'denied_on',
  'received_on',
  'reference_number',
  'claim_number',
  'reason',
  'service',
  'claim_type',
  'level',
  'letter_deadline_on',
  'override_on',
  'state_window_days',
  'appeal_address',
  'appeal_fax',
  'source_document_id',
  'category',
  'plan_language',
  'step_therapy_law',
];
const CITATION_TRACKED = [
  'authors',
  'title',
  'journal',
  'year',
  'pmid',
  'doi',
  'design',
  'population',
  'finding',
  'supports',
  'treatment',
  'conditions',
  'note',
  'source',
];

interface ReferenceEntry {
  id: string;
  authors?: string | null;
  title: string;
  journal?: string | null;
  year?: number | null;
  pmid?: string | null;
  doi?: string | null;
  design?: string | null;
  population?: string | null;
  treatment?: string | null;
  conditions?: string[] | null;
  finding: string;
  useFor?: string[] | null;
  verified?: boolean;
  source?: string | null;
  note?: string | null;
}

const TREATMENTS = new Set(['esketamine', 'ketamine-iv', 'tms']);

/**
 * The shipped citations, once: a library keeps what the advocate later edits or deletes. Only an
 * entry whose identifiers were seen on a public page carries them; the others keep their note on
 * what to check.
 */
function seedCitations(db: Database): void {
  const file = JSON.parse(readFileSync(resourcePath('evidence', 'evidence.json'), 'utf8')) as {
    items: ReferenceEntry[];
  };
  const insert = db.prepare(`
INSERT INTO citations (source_key, authors, title, journal, year, pmid, doi, design, population,
  finding, supports, treatment, conditions, note, source)
VALUES (@sourceKey, @authors, @title, @journal, @year, @pmid, @doi, @design, @population,
  @finding, @supports, @treatment, @conditions, @note, @source)`);
  for (const e of file.items) {
    const verified = e.verified === true;
    insert.run({
      sourceKey: e.id,
      authors: e.authors ?? null,
      title: e.title,
      journal: e.journal ?? null,
      year: e.year ?? null,
      pmid: verified ? (e.pmid ?? null) : null,
      doi: verified ? (e.doi ?? null) : null,
      design: e.design ?? null,
      population: e.population ?? null,
      finding: e.finding,
      supports: e.useFor?.length ? e.useFor.join('; ') : null,
      treatment: e.treatment && TREATMENTS.has(e.treatment) ? e.treatment : 'other',
      conditions: e.conditions?.length ? e.conditions.join(', ') : null,
      note: e.note ?? null,
      source: e.source ?? null,
    });
  }
}

/** Denials already kept get the kind their reason reads as, before any trigger counts an edit. */
function categoriseDenials(db: Database): void {
  const rows = db.prepare('SELECT id, reason FROM denials').all() as {
    id: number;
    reason: string;
  }[];
  const write = db.prepare('UPDATE denials SET category = ? WHERE id = ?');
  for (const row of rows) write.run(proposeDenialCategory(row.reason), row.id);
}

export const evidence: Migration = {
  // Numbered in order after 0010-scale on this branch; renumbered at merge.
  version: 13,
  name: 'evidence',
  sql: `
CREATE TABLE citations (
  id INTEGER PRIMARY KEY,
  source_key TEXT UNIQUE,
  authors TEXT,
  title TEXT NOT NULL,
  journal TEXT,
  year INTEGER,
  pmid TEXT,
  doi TEXT,
  design TEXT,
  population TEXT,
  finding TEXT NOT NULL,
  supports TEXT,
  treatment TEXT NOT NULL DEFAULT 'other',
  conditions TEXT,
  note TEXT,
  source TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX citations_treatment ON citations(treatment);

-- The citations a case's letters cite, in the order the advocate picked them.
CREATE TABLE case_citations (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  citation_id INTEGER NOT NULL REFERENCES citations(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (case_id, citation_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_citations_citation ON case_citations(citation_id);

-- A template's own questions, answered once per case and read by every letter that asks them.
CREATE TABLE case_answers (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (case_id, question)
) STRICT, WITHOUT ROWID;

ALTER TABLE denials ADD COLUMN category TEXT;
ALTER TABLE denials ADD COLUMN plan_language TEXT;
ALTER TABLE denials ADD COLUMN step_therapy_law TEXT;
`,
  run(db) {
    seedCitations(db);
    categoriseDenials(db);
    db.exec(`
${versionUpdateTrigger('citations', CITATION_TRACKED)}
CREATE TRIGGER citations_versions_delete AFTER DELETE ON citations BEGIN
  DELETE FROM record_changes WHERE table_name = 'citations' AND row_id = old.id;
END;
DROP TRIGGER denials_versions;
${versionUpdateTrigger('denials', DENIAL_TRACKED)}
DROP TRIGGER denials_history_update;
${historyUpdateTrigger('denials', DENIAL_AUDITED)}
`);
  },
};
