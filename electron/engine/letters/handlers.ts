// Calls for letters: templates (list, edit, duplicate, reset), the checklist and live preview,
// and generating a letter into the case's documents.
import mammoth from 'mammoth';
import { AppError } from '../../contract/errors';
import { LETTER_KIND } from '../../contract/letter';
import type { GeneratedLetter, LetterKind, Template } from '../../contract/letter';
import type { EngineContext, HandlerSet } from '../context';
import { documentQueries } from '../documents/queries';
import { caseDetailReader } from '../cases/detail';
import { contactTable } from '../contacts/handlers';
import { profileQueries } from '../profile/handlers';
import { composeLetter } from './compose';
import type { LetterInput } from './context';
import { letterDocx } from './docx';
import { letterQueries } from './letter-queries';
import { letterheadQueries } from './letterhead';
import { denialQueries } from '../workflow/queries';
import { builtInTemplates, templateQueries } from './template-queries';
import { parseTemplate, renameTemplate } from './template-source';
import { retryWhileBusy } from '../db/busy';

type LetterCalls =
  | 'templates.list'
  | 'templates.get'
  | 'templates.save'
  | 'templates.duplicate'
  | 'templates.reset'
  | 'templates.delete'
  | 'letters.preview'
  | 'letters.generate';

export interface TemplateChoice {
  templateId?: number | undefined;
  kind?: LetterKind | undefined;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file name that is safe on every system and says what the letter is. */
export function letterFileName(kind: LetterKind, clientName: string, date: string): string {
  const words = `${LETTER_KIND.labels[kind]} - ${clientName} - ${date}`;
  return `${words
    .replace(/[^\p{L}\p{N} ,.'()-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150)}.docx`;
}

/** Today as a calendar date on this computer's clock (a letter is dated where it is written). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function letterHandlers(ctx: EngineContext): HandlerSet<LetterCalls> {
  const { db } = ctx;
  const templates = templateQueries(db);
  const letters = letterQueries(db);
  const documents = documentQueries(db);
  const caseDetail = caseDetailReader(db);
  const contacts = contactTable(db);
  const profile = profileQueries(db);
  const letterhead = letterheadQueries(db);
  const denials = denialQueries(db);
  templates.seed();

  const chooseTemplate = ({ templateId, kind }: TemplateChoice): Template => {
    if (templateId !== undefined) return templates.get(templateId);
    const found = kind && templates.forKind(kind);
    if (!found)
      throw new AppError('not-found', `There is no template for ${kind} letters.`, 'kind');
    return found;
  };

  const inputFor = (caseId: number, recipientId: number | undefined): LetterInput => {
    return {
      // Documents by type decide what the enclosure lists name.
      detail: caseDetail(caseId),
      denials: denials.forCase(caseId),
      profile: profile.read(),
      recipient: recipientId === undefined ? null : contacts.get(recipientId),
      today: localToday(),
      letterheadName: letterhead.info()?.fileName ?? null,
    };
  };

  return {
    'templates.list': () => templates.list(),
    'templates.get': ({ id }) => templates.get(id),
    'templates.save': ({ id, version, source }) =>
      id === undefined ? templates.create(source) : templates.update(id, source, version),
    'templates.duplicate': ({ id }) => {
      const original = templates.get(id);
      return templates.create(renameTemplate(original.source, `Copy of ${original.name}`));
    },
    'templates.reset': ({ id }) => {
      const found = templates.get(id);
      const original = found.builtInKey ? builtInTemplates().get(found.builtInKey) : undefined;
      if (!original) {
        throw new AppError(
          'invalid-input',
          `"${found.name}" is your own template: there is no original to reset it to.`,
        );
      }
      return templates.update(id, original);
    },
    'templates.delete': ({ id }) => {
      const found = templates.get(id);
      if (found.builtInKey) {
        throw new AppError(
          'invalid-input',
          `"${found.name}" comes with the app and cannot be deleted; reset it to undo your changes.`,
        );
      }
      templates.remove(id);
      return null;
    },
    'letters.preview': ({ caseId, source, recipientId, ...choice }) => {
      const template =
        source !== undefined ? parseTemplate(source) : parseTemplate(chooseTemplate(choice).source);
      return composeLetter(template, inputFor(caseId, recipientId));
    },
    // Self-transacted: the case is read in one snapshot, the .docx is built outside any
    // transaction, and the document and its origin are written together in one.
    'letters.generate': async ({
      caseId,
      recipientId,
      note,
      ...choice
    }): Promise<GeneratedLetter> => {
      const { template, input, ownLetterhead } = db
        .transaction(() => ({
          template: chooseTemplate(choice),
          input: inputFor(caseId, recipientId),
          ownLetterhead: letterhead.bytes(),
        }))
        .deferred();
      const parsed = parseTemplate(template.source);
      const { model, checklist } = composeLetter(parsed, input);
      const clientName = `${input.detail.client.firstName} ${input.detail.client.lastName}`;
      // A letter the treating provider signs goes on the practice's paper, not the advocate's.
      const bytes = await letterDocx(model, {
        subject: `${model.title} · ${clientName}`,
        letterhead: parsed.meta.signer === 'advocate' ? ownLetterhead : null,
      });
      const fileName = letterFileName(parsed.meta.kind, clientName, input.today);
      // The app's own file, so mammoth reads it in-process: its HTML is the document's preview
      // and its text makes the letter findable by search, like an imported one.
      const [{ value: html }, { value: text }] = await Promise.all([
        mammoth.convertToHtml({ buffer: bytes }),
        mammoth.extractRawText({ buffer: bytes }),
      ]);
      const document = await retryWhileBusy(() =>
        db
          .transaction(() => {
            const doc = documents.add({
              caseId,
              fileName,
              mediaType: DOCX,
              origin: 'generated',
              text,
              html,
              note: note ?? `${template.name}${model.gaps ? ` (${model.gaps} gaps to fill)` : ''}`,
              bytes,
            });
            letters.insert({
              documentId: doc.id,
              templateId: template.id,
              templateName: template.name,
              kind: parsed.meta.kind,
              templateSource: template.source,
              dataJson: JSON.stringify(input),
              recipientContactId: recipientId ?? null,
              gaps: model.gaps,
            });
            return doc;
          })
          .immediate(),
      );
      return { documentId: document.id, fileName, gaps: model.gaps, checklist };
    },
  };
}
