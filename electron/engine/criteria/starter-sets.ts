// The example criteria sets the app ships (resources/criteria/starter-sets.json), converted from
// public coverage policies with their sources: seeded once into a new or upgraded library.
import type { Database } from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { criteriaSetFields } from '../../contract/criteria';
import { resourcePath } from '../resources';

const starterFile = z.object({
  sets: z.array(criteriaSetFields.extend({ starterKey: z.string().min(1) })),
});

export type StarterSet = z.output<typeof starterFile>['sets'][number];

let cached: StarterSet[] | undefined;

/** The shipped sets, checked against the contract (a bad edit to the file fails loudly). */
export function starterSets(): StarterSet[] {
  cached ??= starterFile.parse(
    JSON.parse(readFileSync(resourcePath('criteria', 'starter-sets.json'), 'utf8')),
  ).sets;
  return cached;
}

/** Adds every shipped set the library does not have yet (by key). */
export function seedStarterSets(db: Database): void {
  const insert = db.prepare(
    `INSERT INTO criteria_sets (starter_key, payer, policy_name, policy_number, treatment,
       effective_date, source_url, source_text, criteria)
     VALUES (@starterKey, @payer, @policyName, @policyNumber, @treatment, @effectiveDate,
       @sourceUrl, @sourceText, @criteria)
     ON CONFLICT (starter_key) DO NOTHING`,
  );
  for (const set of starterSets()) insert.run({ ...set, criteria: JSON.stringify(set.criteria) });
}
