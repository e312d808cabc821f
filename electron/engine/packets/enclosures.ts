// Each part of a packet as something to lay out: the letter recomposed from what it was made of,
// a case document as its text (a scan as its image), an authorization as its signed copy or else
// its form written out, the case's citations as a reference list. Each carries its page count
// and anything the advocate should know before sending.
import type { Database } from 'better-sqlite3';
import { AUTHORIZATION_KIND } from '../../contract/authorization';
import type { Authorization } from '../../contract/authorization';
import { AppError } from '../../contract/errors';
import type { Block, LetterKind, LetterModel } from '../../contract/letter';
import type { PacketItem } from '../../contract/packet';
import { inForce } from '../authorizations/rules';
import { fromRow } from '../db/table';
import { composeLetter } from '../letters/compose';
import type { LetterInput } from '../letters/context';
import { letterContext } from '../letters/context';
import { FORM_AUTHORIZATION } from '../letters/authorization-context';
import type { letterInputs } from '../letters/letter-input';
import { blockPages, estimatedPages } from '../letters/page-estimate';
import { parseTemplate } from '../letters/template-source';
import type { ImageSize } from './image-size';
import { imageSize } from './image-size';

/** A part of the packet after the letter, ready to lay out. */
export interface EnclosurePart {
  item: PacketItem;
  title: string;
  blocks: Block[];
  image: (ImageSize & { data: Uint8Array }) | null;
  /** A form written out is laid out as the form it is. */
  form: LetterModel | null;
  pages: number;
  note: string | null;
  problem: string | null;
}

export interface LetterPart {
  documentId: number;
  caseId: number;
  fileName: string;
  kind: LetterKind;
  gaps: number;
  recipientContactId: number | null;
  input: LetterInput;
  model: LetterModel;
  pages: number;
}

const paragraphsOfText = (text: string): Block[] =>
  text
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph', runs: [{ text: p }] }));

const formKindOf = (kind: Authorization['kind']): LetterKind =>
  (Object.entries(FORM_AUTHORIZATION).find(([, a]) => a === kind)?.[0] ??
    'hipaa-authorization') as LetterKind;

export function enclosureReader(db: Database, inputs: ReturnType<typeof letterInputs>) {
  const letterRow = db.prepare(`
    SELECT l.document_id, l.kind, l.template_source, l.data_json, l.gaps, l.recipient_contact_id,
           d.case_id, d.file_name
    FROM letters l JOIN documents d ON d.id = l.document_id WHERE l.document_id = ?`);
  const documentRow = db.prepare(`
    SELECT d.id, d.case_id, d.file_name, d.media_type, d.text, c.bytes
    FROM documents d JOIN document_contents c ON c.document_id = d.id WHERE d.id = ?`);
  const authorizationRow = db.prepare('SELECT * FROM authorizations WHERE id = ?');

  const letter = (documentId: number): LetterPart => {
    const row = letterRow.get(documentId);
    if (!row)
      throw new AppError(
        'not-found',
        `Document ${documentId} is not a letter made here: a packet starts with one.`,
        'letterId',
      );
    const l = fromRow<{
      documentId: number;
      kind: LetterKind;
      templateSource: string;
      dataJson: string;
      gaps: number;
      recipientContactId: number | null;
      caseId: number;
      fileName: string;
    }>(row);
    // The letter exactly as it was written: its template and the facts it was made from.
    const input = JSON.parse(l.dataJson) as LetterInput;
    const { model } = composeLetter(parseTemplate(l.templateSource), input, l.kind);
    return { ...l, input, model, pages: estimatedPages(model) };
  };

  const document = (caseId: number, item: Extract<PacketItem, { kind: 'document' }>) => {
    const row = documentRow.get(item.documentId);
    const d = row
      ? fromRow<{
          id: number;
          caseId: number;
          fileName: string;
          mediaType: string;
          text: string | null;
          bytes: Uint8Array;
        }>(row)
      : null;
    if (!d || d.caseId !== caseId)
      throw new AppError(
        'not-found',
        `No document ${item.documentId} in this case; it may have been deleted.`,
        'items',
      );
    return d;
  };

  /** One enclosure, read from the case as the packet read it (`input`). */
  const part = (input: LetterInput, item: PacketItem, today: string): EnclosurePart => {
    const caseId = input.detail.case.id;
    const empty = { item, blocks: [], image: null, form: null, note: null, problem: null };
    if (item.kind === 'citations') {
      const { citations } = letterContext(input);
      const blocks: Block[] = [
        { type: 'list', ordered: true, items: citations.map((c) => [{ text: c.reference }]) },
      ];
      return {
        ...empty,
        title: 'Published evidence cited',
        blocks,
        pages: blockPages(blocks),
        problem: citations.length
          ? null
          : 'No citations are picked for this case: the list is empty.',
      };
    }
    if (item.kind === 'document') {
      const d = document(caseId, item);
      const size = d.mediaType.startsWith('image/') ? imageSize(d.bytes) : null;
      if (size) return { ...empty, title: d.fileName, image: { ...size, data: d.bytes }, pages: 1 };
      const blocks = paragraphsOfText(d.text ?? '');
      if (!blocks.length)
        return {
          ...empty,
          title: d.fileName,
          blocks: [
            {
              type: 'paragraph',
              runs: [
                { text: `${d.fileName} has no text to print here: attach the original file.` },
              ],
            },
          ],
          pages: 1,
          note: 'no text to include: attach the original',
          problem: `${d.fileName} has no text the packet can include: send the original with it.`,
        };
      return {
        ...empty,
        title: d.fileName,
        blocks,
        pages: blockPages(blocks),
        note:
          d.mediaType.includes('word') || d.mediaType === 'text/plain'
            ? null
            : 'included as its text',
      };
    }
    const row = authorizationRow.get(item.authorizationId);
    const a = row ? fromRow<Authorization>(row) : null;
    if (!a || a.clientId !== input.detail.client.id)
      throw new AppError(
        'not-found',
        `No authorization ${item.authorizationId} for this case’s client; it may have been deleted.`,
        'items',
      );
    const label = AUTHORIZATION_KIND.labels[a.kind];
    const problem = inForce(a, today)
      ? null
      : `${label} is not in force (${a.status === 'signed' ? 'expired' : a.status}): the plan may not accept it.`;
    if (a.documentId) {
      const signed = part(input, { kind: 'document', documentId: a.documentId }, today);
      return {
        ...signed,
        item,
        title: `${label} (signed copy)`,
        problem: problem ?? signed.problem,
      };
    }
    const template = inputs.chooseTemplate({ kind: formKindOf(a.kind) });
    const { model } = composeLetter(parseTemplate(template.source), {
      ...input,
      authorizationId: a.id,
    });
    return {
      ...empty,
      title: label,
      form: model,
      pages: estimatedPages(model),
      note: 'the form written out: the signed copy is not attached',
      problem,
    };
  };

  return { letter, part };
}
