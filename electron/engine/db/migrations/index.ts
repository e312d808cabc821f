// Every schema version, in order. Add a file per version; never edit one that has shipped.
import type { Migration } from '../migrate';
import { initial } from './0001-initial';
import { documentHtml } from './0002-document-html';
import { factSources } from './0003-fact-sources';
import { appealWorkflow } from './0004-appeal-workflow';
import { letters } from './0005-letters';
import { safety } from './0006-safety';
import { secureDelete } from './0007-secure-delete';
import { versions } from './0008-versions';
import { factsAccept } from './0009-facts-accept';
import { scale } from './0010-scale';
import { namesAndDoses } from './0011-names-and-doses';
import { letterSearch } from './0012-letter-search';
import { evidence } from './0013-evidence';
import { criteria } from './0014-criteria';
import { authorizations } from './0015-authorizations';
import { caseList } from './0016-case-list';
import { letterJourney } from './0017-letter-journey';
import { tagsAndViews } from './0018-tags-and-views';
import { coverageWork } from './0019-coverage-work';
import { decisionDates } from './0020-decision-dates';
import { caseFacets } from './0021-case-facets';

export const migrations: readonly Migration[] = [
  initial,
  documentHtml,
  factSources,
  appealWorkflow,
  letters,
  safety,
  secureDelete,
  versions,
  factsAccept,
  scale,
  namesAndDoses,
  letterSearch,
  evidence,
  criteria,
  authorizations,
  caseList,
  letterJourney,
  tagsAndViews,
  coverageWork,
  decisionDates,
  caseFacets,
];
