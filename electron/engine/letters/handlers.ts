// Calls for letters: templates (list, edit, duplicate, reset), the checklist and live preview,
// and generating a letter into the case's documents.
import { AppError } from '../../contract/errors';
import type { BatchLetter, GeneratedLetter, LetterKind, Template } from '../../contract/letter';
import type { ApiError } from '../../contract/errors';
import { toApiError } from '../errors/api-error';
import { letterHtml, letterText } from './model-text';
import { saveInto, writableFolder } from './batch-folder';
import type { LayoutTask } from './docx-task';
import { LAYOUT_THREADS, layoutInPool } from './layout-pool';
import type { EngineContext, HandlerSet } from '../context';
import { documentQueries } from '../documents/queries';
import { composeLetter } from './compose';
import type { LetterInput } from './context';
import { letterDocx } from './docx';
import { letterQueries } from './letter-queries';
import { letterheadQueries } from './letterhead';
import { builtInTemplates, templateQueries } from './template-queries';
import { parseTemplate, renameTemplate } from './template-source';
import { checkPlaceholders, placeholderList } from './placeholders';
import { retryWhileBusy } from '../db/busy';
import { letterInputs } from './letter-input';
import { letterFileName } from './file-name';

type LetterCalls =
  | 'letters.generateMany'
  | 'templates.list'
  | 'templates.get'
  | 'templates.save'
  | 'templates.duplicate'
  | 'templates.reset'
  | 'templates.delete'
  | 'letters.preview'
  | 'letters.generate'
  | 'placeholders.list';

export type { TemplateChoice } from './letter-input';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Letters of a batch committed together: one wait for the disk per chunk. */
const BATCH_COMMIT = 25;

/** A letter laid out and ready to store. */
interface Built {
  caseId: number;
  fileName: string;
  bytes: Buffer;
  html: string;
  text: string;
  note: string;
  gaps: number;
  checklist: GeneratedLetter['checklist'];
  origin: {
    templateId: number;
    templateName: string;
    kind: LetterKind;
    templateSource: string;
    dataJson: string;
    recipientContactId: number | null;
  };
}

export { letterFileName } from './file-name';

export { localToday } from './local-today';

export function letterHandlers(ctx: EngineContext): HandlerSet<LetterCalls> {
  const { db } = ctx;
  const templates = templateQueries(db);
  const letters = letterQueries(db);
  const documents = documentQueries(db);
  const letterhead = letterheadQueries(db);
  templates.seed();

  const { chooseTemplate, inputFor } = letterInputs(db);

  /** A letter laid out for a case: its .docx, its preview and text, and where it came from. */
  const build = async (
    template: Template,
    input: LetterInput,
    ownLetterhead: Uint8Array | null,
    recipientId: number | undefined,
    note: string | undefined,
    layout: (task: LayoutTask) => Promise<Buffer> = (task) => letterDocx(task.model, task),
  ): Promise<Built> => {
    const parsed = parseTemplate(template.source);
    const { model, checklist } = composeLetter(parsed, input);
    const clientName = `${input.detail.client.firstName} ${input.detail.client.lastName}`;
    // A letter the treating provider signs goes on the practice's paper, not the advocate's.
    const bytes = await layout({
      model,
      subject: `${model.title} · ${clientName}`,
      author:
        parsed.meta.signer === 'provider' ? input.detail.case.providerName : input.profile.name,
      letterhead: parsed.meta.signer === 'advocate' ? ownLetterhead : null,
    });
    return {
      caseId: input.detail.case.id,
      fileName: letterFileName(parsed.meta.kind, clientName, input.today),
      bytes,
      // Drawn from the composed letter: the preview shows it, the readiness meter reads it.
      html: letterHtml(model),
      text: letterText(model),
      note: note ?? `${template.name}${model.gaps ? ` (${model.gaps} gaps to fill)` : ''}`,
      gaps: model.gaps,
      checklist,
      origin: {
        templateId: template.id,
        templateName: template.name,
        kind: parsed.meta.kind,
        templateSource: template.source,
        dataJson: JSON.stringify(input),
        recipientContactId: recipientId ?? null,
      },
    };
  };

  /** Writes a built letter into its case's documents, with where it came from. */
  const store = (made: Built) => {
    const doc = documents.add({
      caseId: made.caseId,
      fileName: made.fileName,
      mediaType: DOCX,
      origin: 'generated',
      text: made.text,
      html: made.html,
      note: made.note,
      bytes: made.bytes,
    });
    letters.insert({ documentId: doc.id, ...made.origin, gaps: made.gaps });
    return doc;
  };

  return {
    'templates.list': () => templates.list(),
    'placeholders.list': () => placeholderList(),
    'templates.get': ({ id }) => templates.get(id),
    'templates.save': ({ id, version, source }) => {
      // A name no case has is refused here, not printed as a gap in every letter.
      checkPlaceholders(parseTemplate(source));
      return id === undefined ? templates.create(source) : templates.update(id, source, version);
    },
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
    'letters.preview': ({ caseId, source, recipientId, authorizationId, ...choice }) => {
      const template =
        source !== undefined ? parseTemplate(source) : parseTemplate(chooseTemplate(choice).source);
      checkPlaceholders(template);
      return composeLetter(template, inputFor(caseId, recipientId, authorizationId));
    },
    // Self-transacted: the case is read in one snapshot, the .docx is built outside any
    // transaction, and the document and its origin are written together in one.
    'letters.generate': async ({
      caseId,
      recipientId,
      authorizationId,
      note,
      ...choice
    }): Promise<GeneratedLetter> => {
      const { template, input, ownLetterhead } = db
        .transaction(() => ({
          template: chooseTemplate(choice),
          input: inputFor(caseId, recipientId, authorizationId),
          ownLetterhead: letterhead.bytes(),
        }))
        .deferred();
      const made = await build(template, input, ownLetterhead, recipientId, note);
      const document = await retryWhileBusy(() => db.transaction(() => store(made)).immediate());
      return {
        documentId: document.id,
        fileName: made.fileName,
        gaps: made.gaps,
        checklist: made.checklist,
      };
    },
    // Self-transacted: a letter per case, each case read in its own snapshot, committed a chunk
    // of letters at a time (one wait for the disk per chunk, not per letter), and saved into the
    // folder once committed. The folder is checked before anything is written.
    'letters.generateMany': async ({ caseIds, recipientId, outDir, ...choice }) => {
      const folder = outDir === undefined ? null : writableFolder(outDir);
      const { template, ownLetterhead } = db
        .transaction(() => ({
          template: chooseTemplate(choice),
          ownLetterhead: letterhead.bytes(),
        }))
        .deferred();
      const results: BatchLetter[] = [];
      let pending: Built[] = [];
      const flush = async () => {
        const chunk = pending;
        pending = [];
        const stored = await retryWhileBusy(() =>
          db
            .transaction(() =>
              chunk.map((made) => {
                try {
                  // Each letter in a savepoint of its own: one refused leaves the others.
                  return { made, id: db.transaction(() => store(made))().id };
                } catch (error) {
                  return { made, error };
                }
              }),
            )
            .immediate(),
        );
        for (const { made, id, error } of stored as {
          made: Built;
          id?: number;
          error?: unknown;
        }[]) {
          if (id === undefined) {
            results.push({ caseId: made.caseId, ok: false, error: toApiError(error) });
            continue;
          }
          let path: string | null = null;
          let problem: ApiError | null = null;
          if (folder) {
            try {
              path = saveInto(folder, `${made.caseId} - ${made.fileName}`, made.bytes);
            } catch (e) {
              problem = toApiError(e);
            }
          }
          const letter = {
            documentId: id,
            fileName: made.fileName,
            gaps: made.gaps,
            checklist: made.checklist,
          };
          results.push(
            problem
              ? { caseId: made.caseId, ok: false, error: problem }
              : { ...letter, caseId: made.caseId, ok: true, path },
          );
        }
      };
      // Each case is read and composed here while earlier letters are laid out on the layout
      // pool's threads; a few are kept in flight so no thread waits.
      const inFlight = new Set<Promise<void>>();
      for (const caseId of caseIds) {
        let input: LetterInput;
        try {
          input = db.transaction(() => inputFor(caseId, recipientId)).deferred();
        } catch (error) {
          results.push({ caseId, ok: false, error: toApiError(error) });
          continue;
        }
        const made = build(template, input, ownLetterhead, recipientId, undefined, layoutInPool)
          .then((letter) => void pending.push(letter))
          .catch(
            (error: unknown) => void results.push({ caseId, ok: false, error: toApiError(error) }),
          )
          .finally(() => inFlight.delete(made));
        inFlight.add(made);
        if (inFlight.size > LAYOUT_THREADS) await Promise.race(inFlight);
        if (pending.length >= BATCH_COMMIT) await flush();
      }
      await Promise.all(inFlight);
      if (pending.length) await flush();
      const order = new Map(caseIds.map((id, i) => [id, i]));
      return { letters: results.sort((a, b) => order.get(a.caseId)! - order.get(b.caseId)!) };
    },
  };
}
