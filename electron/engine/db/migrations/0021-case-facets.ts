// The case list filtered by two of a case's own fields (an insurer and a treatment, an insurer
// and a plan type) counted its matches by fetching every case of the insurer, a quarter of a
// large library, to read the other field. This index holds the fields the list filters by, so
// such a count reads the index alone.
import type { Migration } from '../migrate';

export const caseFacets: Migration = {
  version: 21,
  name: 'case-facets',
  sql: `
CREATE INDEX cases_facets ON cases(
  insurer_name COLLATE NOCASE, plan_type, requested_treatment COLLATE NOCASE, status
);
`,
};
