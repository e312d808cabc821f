// Every schema version, in order. Add a file per version; never edit one that has shipped.
import type { Migration } from '../migrate';
import { initial } from './0001-initial';
import { documentHtml } from './0002-document-html';
import { factSources } from './0003-fact-sources';
import { safety } from './0004-safety';

export const migrations: readonly Migration[] = [initial, documentHtml, factSources, safety];
