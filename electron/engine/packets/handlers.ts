// Calls for the packet that goes out: what it will hold (the index, page counts, what to fix),
// the packet made into the case's documents as .docx (and PDF where this app can print one), and
// its printable page for the browser's own "Save as PDF".
import { AUTHORIZATION_KIND } from '../../contract/authorization';
import type { Authorization } from '../../contract/authorization';
import { CASE_DOCUMENTS_SHOWN } from '../../contract/case';
import type { DocumentType } from '../../contract/document';
import { LETTER_KIND } from '../../contract/letter';
import type { LetterKind } from '../../contract/letter';
import type {
  GeneratedPacket,
  PacketEntry,
  PacketItem,
  PacketPreview,
} from '../../contract/packet';
import { inForce, kindsFor } from '../authorizations/rules';
import { contactTable } from '../contacts/handlers';
import type { EngineContext, HandlerSet } from '../context';
import { retryWhileBusy } from '../db/busy';
import { documentQueries } from '../documents/queries';
import { writtenDate as longDate } from '../../contract/partial-date';
import { letterInputs } from '../letters/letter-input';
import { localToday } from '../letters/local-today';
import { safeFileName } from '../letters/file-name';
import { NEEDS } from '../letters/needed-authorization';
import { profileQueries } from '../profile/handlers';
import { coverBlocks } from './cover-sheet';
import { enclosureReader } from './enclosures';
import type { EnclosurePart, LetterPart } from './enclosures';
import { packetDocx } from './packet-docx';
import type { PacketLayout } from './packet-docx';
import { packetHtml } from './packet-html';

type PacketCalls = 'packets.preview' | 'packets.generate' | 'packets.html';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Where the desktop app is not the one asking: how to get a PDF instead. */
export const NO_PDF_HERE =
  'PDFs are printed by the desktop app. In the browser, open the packet’s print view and choose Save as PDF; from the command line, add --pdf (LibreOffice makes it).';

/** Letters a packet of evidence goes with: the rest go alone or with their authorization. */
const ARGUES: ReadonlySet<string> = new Set([
  'medical-necessity',
  'prior-auth-cover',
  'appeal',
  'expedited-appeal',
  'external-review',
]);
const ANSWERS_DENIAL: ReadonlySet<string> = new Set([
  'appeal',
  'expedited-appeal',
  'external-review',
  'state-complaint',
  'parity-complaint',
  'lawmaker',
]);

/** The documents a packet proposes to enclose, by type. */
const PROPOSED_TYPES: readonly DocumentType[] = ['denial-notice', 'lmn-signed', 'clinical-note'];

/** One cover sheet holds the index of about this many parts. */
const INDEX_ROWS_PER_PAGE = 24;

export function packetHandlers(ctx: EngineContext): HandlerSet<PacketCalls> {
  const { db } = ctx;
  const inputs = letterInputs(db);
  const reader = enclosureReader(db, inputs);
  const contacts = contactTable(db);
  const documents = documentQueries(db);
  const profile = profileQueries(db);

  /** Reads everything the packet holds, in one snapshot. */
  const gather = (req: { letterId: number; items: PacketItem[]; recipientId?: number }) => {
    const today = localToday();
    const letter = reader.letter(req.letterId);
    const input = inputs.inputFor(letter.caseId, undefined);
    const recipientId = req.recipientId ?? letter.recipientContactId ?? undefined;
    const contact = recipientId === undefined ? undefined : contacts.find(recipientId);
    const recipient = contact
      ? { name: contact.name, organisation: contact.organisation ?? null, fax: contact.fax ?? null }
      : null;
    const parts = distinct(req.items).map((item) => reader.part(input, item, today));
    // The case's documents to choose from (a letter's own input holds only what it encloses):
    // a page of them, and every one of a type a packet proposes, however many the case has.
    const shown = documents.forCase(letter.caseId, CASE_DOCUMENTS_SHOWN);
    const ids = new Set(shown.map((d) => d.id));
    const onFile = [
      ...shown,
      ...documents.ofTypes(letter.caseId, PROPOSED_TYPES).filter((d) => !ids.has(d.id)),
    ];
    return { today, letter, input, recipient, parts, onFile };
  };

  type Gathered = ReturnType<typeof gather>;

  const suggestFor = (g: Gathered): PacketItem[] => {
    const { detail, authorizations = [] } = g.input;
    const kind = g.letter.kind;
    const purpose = NEEDS[kind];
    const out: PacketItem[] = [];
    if (purpose) {
      const kinds = kindsFor(purpose, detail.case.planType);
      const found = authorizations.find((a) => kinds.includes(a.kind) && inForce(a, g.today));
      if (found) out.push({ kind: 'authorization', authorizationId: found.id });
    }
    const byType = (type: DocumentType) =>
      g.onFile.filter((d) => d.documentType === type && d.id !== g.letter.documentId);
    const wanted = [
      ...(ANSWERS_DENIAL.has(kind) ? byType('denial-notice') : []),
      ...(ARGUES.has(kind) && kind !== 'medical-necessity' ? byType('lmn-signed') : []),
      ...(ARGUES.has(kind) ? byType('clinical-note') : []),
    ];
    for (const d of wanted) out.push({ kind: 'document', documentId: d.id });
    if (ARGUES.has(kind) && (g.input.citations ?? []).length) out.push({ kind: 'citations' });
    return out;
  };

  const problemsOf = (g: Gathered, items: PacketItem[]): string[] => {
    const problems: string[] = [];
    if (g.letter.gaps > 0)
      problems.push(
        `The letter still has ${g.letter.gaps} gap${g.letter.gaps === 1 ? '' : 's'} to fill: write it again once they are filled.`,
      );
    if (!g.recipient) problems.push('Choose who the packet goes to.');
    else if (!g.recipient.fax)
      problems.push(
        `${g.recipient.name} has no fax number in the address book: add it to fax the packet, or send it by mail.`,
      );
    const purpose = NEEDS[g.letter.kind];
    if (purpose && g.input.detail) {
      const kinds = kindsFor(purpose, g.input.detail.case.planType);
      const enclosed = (g.input.authorizations ?? []).filter(
        (a: Authorization) =>
          kinds.includes(a.kind) &&
          items.some((i) => i.kind === 'authorization' && i.authorizationId === a.id),
      );
      if (!enclosed.length) {
        const anyInForce = (g.input.authorizations ?? []).some(
          (a) => kinds.includes(a.kind) && inForce(a, g.today),
        );
        problems.push(
          `Enclose the client’s ${AUTHORIZATION_KIND.labels[kinds[0]!].toLowerCase()}: you send this ${LETTER_KIND.labels[g.letter.kind].toLowerCase()} as their representative${
            anyInForce ? '' : ', and none is in force (add one on the client page)'
          }.`,
        );
      }
    }
    for (const p of g.parts) if (p.problem) problems.push(p.problem);
    return problems;
  };

  const preview = (g: Gathered, items: PacketItem[]): PacketPreview => {
    const letterTitle = LETTER_KIND.labels[g.letter.kind];
    const entries: PacketEntry[] = [
      {
        number: 1,
        item: { kind: 'letter', documentId: g.letter.documentId },
        title: letterTitle,
        pages: g.letter.pages,
        note: null,
      },
      ...g.parts.map((p, i) => ({
        number: i + 2,
        item: p.item,
        title: p.title,
        pages: p.pages,
        note: p.note,
      })),
    ];
    const coverPages = 1 + Math.floor(entries.length / INDEX_ROWS_PER_PAGE);
    const { authorizations = [] } = g.input;
    return {
      letterId: g.letter.documentId,
      letterName: g.letter.fileName,
      recipient: g.recipient,
      entries,
      coverPages,
      totalPages: coverPages + entries.reduce((n, e) => n + e.pages, 0),
      problems: problemsOf(g, items),
      available: {
        documents: g.onFile
          .filter((d) => d.id !== g.letter.documentId && d.documentType !== 'packet')
          .map((d) => ({ id: d.id, fileName: d.fileName, documentType: d.documentType })),
        authorizations: authorizations.map((a: Authorization) => ({
          id: a.id,
          kind: a.kind,
          inForce: inForce(a, g.today),
          label: AUTHORIZATION_KIND.labels[a.kind],
        })),
        citations: (g.input.citations ?? []).length,
      },
      suggested: suggestFor(g),
    };
  };

  const layoutOf = (g: Gathered, shown: PacketPreview): PacketLayout => {
    const { detail } = g.input;
    const me = profile.read();
    const client = `${detail.client.firstName} ${detail.client.lastName}`;
    const title = g.recipient?.fax ? 'Fax cover sheet' : 'Cover sheet';
    return {
      title,
      subject: `Packet · ${client} · ${longDate(g.today)}`,
      author: me.name ?? 'Advocate Desk',
      totalPages: shown.totalPages,
      cover: coverBlocks({
        recipient: g.recipient,
        from: { name: me.name ?? '', organisation: me.organisation, phone: me.phone, fax: null },
        date: longDate(g.today),
        re: [
          `${LETTER_KIND.labels[g.letter.kind]} for ${client}`,
          detail.case.memberId ? `member ID ${detail.case.memberId}` : null,
          detail.case.insurerName,
        ]
          .filter(Boolean)
          .join(', '),
        totalPages: shown.totalPages,
        entries: shown.entries,
      }),
      letterhead: g.letter.model,
      letter: g.letter.model,
      enclosures: g.parts,
    };
  };

  const read = <T>(work: () => T): T => db.transaction(work).deferred();

  return {
    'packets.preview': (req) => {
      const g = gather(req);
      return preview(g, req.items);
    },
    'packets.html': (req) => {
      const g = gather(req);
      const layout = layoutOf(g, preview(g, req.items));
      return { title: layout.subject, html: packetHtml(layout) };
    },
    'packets.generate': async (req): Promise<GeneratedPacket> => {
      const { g, shown, layout } = read(() => {
        const gathered = gather(req);
        const p = preview(gathered, req.items);
        return { g: gathered, shown: p, layout: layoutOf(gathered, p) };
      });
      const bytes = await packetDocx(layout);
      const pdf = req.pdf && ctx.printPdf ? await ctx.printPdf(packetHtml(layout)) : null;
      const client = `${g.input.detail.client.firstName} ${g.input.detail.client.lastName}`;
      const base = safeFileName(
        `Packet - ${LETTER_KIND.labels[g.letter.kind as LetterKind]} - ${client} - ${g.today}`,
        'docx',
      ).replace(/\.docx$/, '');
      const summary = shown.entries
        .map((e) => `${e.number}. ${e.title}: ${e.pages} page${e.pages === 1 ? '' : 's'}`)
        .join('\n');
      const text = `${layout.title}\nTo: ${g.recipient?.name ?? 'not chosen'}${
        g.recipient?.fax ? `, fax ${g.recipient.fax}` : ''
      }\nPages: ${shown.totalPages}\n\n${summary}`;
      const stored = await retryWhileBusy(() =>
        db
          .transaction(() => {
            const docx = documents.add({
              caseId: g.letter.caseId,
              fileName: `${base}.docx`,
              mediaType: DOCX,
              origin: 'generated',
              text,
              note: `Packet: ${g.letter.fileName} and ${counted(g.parts.length)}, ${shown.totalPages} pages`,
              documentType: 'packet',
              bytes,
            });
            const asPdf = pdf
              ? documents.add({
                  caseId: g.letter.caseId,
                  fileName: `${base}.pdf`,
                  mediaType: 'application/pdf',
                  origin: 'generated',
                  text,
                  note: `Packet as PDF: ${shown.totalPages} pages`,
                  documentType: 'packet',
                  bytes: pdf,
                })
              : null;
            return { docx, asPdf };
          })
          .immediate(),
      );
      return {
        ...shown,
        documentId: stored.docx.id,
        fileName: stored.docx.fileName,
        pdfDocumentId: stored.asPdf?.id ?? null,
        pdfNote: req.pdf && !pdf ? NO_PDF_HERE : null,
      };
    },
  };
}

/** The items in order, each once: one chosen twice is one mistake, not two copies. */
const distinct = (items: PacketItem[]) =>
  items.filter(
    (item, i) => items.findIndex((o) => JSON.stringify(o) === JSON.stringify(item)) === i,
  );

const counted = (n: number) => (n === 1 ? 'one enclosure' : `${n} enclosures`);

export type { EnclosurePart, LetterPart };
