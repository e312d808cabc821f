// What a letter is made from: the template chosen (by id, or the built-in of a kind) and the
// case's facts read in one go. Letters and packets (which write out letters and forms) share it.
import type { Database } from 'better-sqlite3';
import { AppError } from '../../contract/errors';
import type { LetterKind, Template } from '../../contract/letter';
import { writtenDate } from '../../contract/partial-date';
import { authorizationQueries } from '../authorizations/queries';
import { caseDetailReader } from '../cases/detail';
import { contactTable } from '../contacts/handlers';
import { coverageQueries } from '../coverage/queries';
import { documentQueries } from '../documents/queries';
import { caseCriteriaReader } from '../criteria/case-criteria';
import { citationQueries } from '../evidence/queries';
import { profileQueries } from '../profile/handlers';
import { denialQueries } from '../workflow/queries';
import { answerQueries } from './answers';
import { ENCLOSABLE } from './context';
import type { LetterInput } from './context';
import { localToday } from './local-today';
import { letterheadQueries } from './letterhead';
import { templateQueries } from './template-queries';

export interface TemplateChoice {
  templateId?: number | undefined;
  kind?: LetterKind | undefined;
}

export function letterInputs(db: Database) {
  const templates = templateQueries(db);
  const caseDetail = caseDetailReader(db);
  const contacts = contactTable(db);
  const profile = profileQueries(db);
  const letterhead = letterheadQueries(db);
  const caseCriteria = caseCriteriaReader(db);
  const denials = denialQueries(db);
  const evidence = citationQueries(db);
  const answers = answerQueries(db);
  const authorizations = authorizationQueries(db);
  const coverage = coverageQueries(db);
  const documents = documentQueries(db);

  const chooseTemplate = ({ templateId, kind }: TemplateChoice): Template => {
    if (templateId !== undefined) return templates.get(templateId);
    const found = kind && templates.forKind(kind);
    if (!found)
      throw new AppError('not-found', `There is no template for ${kind} letters.`, 'kind');
    return found;
  };

  const inputFor = (
    caseId: number,
    recipientId: number | undefined,
    authorizationId?: number,
  ): LetterInput => {
    const today = localToday();
    // Only the documents a letter can enclose are read (and kept with the letter), all of them
    // rather than the first page of the case's documents.
    const enclosable = documents.ofTypes(caseId, ENCLOSABLE);
    const detail = {
      ...caseDetail(caseId, { withDocuments: false }),
      documents: enclosable,
      documentsTotal: enclosable.length,
    };
    if (
      authorizationId !== undefined &&
      authorizations.table.find(authorizationId)?.clientId !== detail.client.id
    ) {
      throw new AppError(
        'not-found',
        `No authorization with id ${authorizationId} for this case’s client; it may have been deleted.`,
        'authorizationId',
      );
    }
    return {
      // Documents by type decide what the enclosure lists name.
      detail,
      denials: denials.forCase(caseId),
      profile: profile.read(),
      recipient: recipientId === undefined ? null : contacts.get(recipientId),
      today,
      letterheadName: letterhead.info()?.fileName ?? null,
      // Only what the advocate picked from the library: a letter cites nothing else.
      citations: evidence.picked(caseId),
      answers: answers.forCase(caseId),
      criteria: caseCriteria(caseId, { today, writeDate: writtenDate, suggest: false }),
      // The client's authorizations: a form writes one out; appeals say when none is in force.
      authorizations: authorizations.forClient(detail.client.id),
      parityRequest: coverage.latestSent(caseId, 'parity-request'),
      ...(authorizationId !== undefined ? { authorizationId } : {}),
    };
  };

  return { chooseTemplate, inputFor };
}
