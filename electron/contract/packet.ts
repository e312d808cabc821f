// The packet that goes out: one letter, then its enclosures in the order chosen (the case's
// documents, the client's authorizations written out as their forms, the list of citations),
// behind a cover sheet with the recipient's fax number and an index with page counts.
import { z } from 'zod';
import { id } from './fields';

export const packetItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), documentId: id }),
  z.object({ kind: z.literal('authorization'), authorizationId: id }),
  z.object({ kind: z.literal('citations') }),
]);
export type PacketItem = z.output<typeof packetItem>;

/** An item as a word: "doc:12", "auth:3" or "citations" (the CLI's --enclose, a print link). */
export function itemToken(item: PacketItem): string {
  if (item.kind === 'citations') return 'citations';
  return item.kind === 'document' ? `doc:${item.documentId}` : `auth:${item.authorizationId}`;
}

/** The item a word names, or null when it names none. */
export function parseItemToken(text: string): PacketItem | null {
  if (text === 'citations') return { kind: 'citations' };
  const [kind, raw] = text.split(':');
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) return null;
  if (kind === 'doc') return { kind: 'document', documentId: n };
  if (kind === 'auth') return { kind: 'authorization', authorizationId: n };
  return null;
}

/** The most enclosures one packet takes: a fax of more is split by hand. */
export const MAX_PACKET_ITEMS = 40;

export const packetRequest = z.object({
  /** The letter (a document made here) the packet carries first. */
  letterId: id,
  items: z
    .array(packetItem)
    .max(MAX_PACKET_ITEMS, { error: `takes at most ${MAX_PACKET_ITEMS} enclosures` })
    .default([]),
  /** Who it goes to; the letter's own recipient when not given. */
  recipientId: id.optional(),
});

export const packetGenerate = packetRequest.extend({
  /** Also lay it out as a PDF, where this app can (the desktop app). */
  pdf: z.boolean().default(false),
});

/** One line of the enclosure index. */
export interface PacketEntry {
  /** 1 for the letter, then each enclosure in order. */
  number: number;
  item: PacketItem | { kind: 'letter'; documentId: number };
  title: string;
  /** Pages it takes, as laid out (estimated for Word files; exact once a PDF is made). */
  pages: number;
  /** Something to know about it, e.g. "included as its text: attach the original". */
  note: string | null;
}

/** What the packet will hold, before it is made: the index and what to fix first. */
export interface PacketPreview {
  letterId: number;
  letterName: string;
  recipient: { name: string; organisation: string | null; fax: string | null } | null;
  entries: PacketEntry[];
  /** The cover sheet and the index come first. */
  coverPages: number;
  /** Every page, the cover included: what the cover sheet says. */
  totalPages: number;
  /** What would make the packet wrong or weak (an authorization it needs, no fax number…). */
  problems: string[];
  /** What can be enclosed, for choosing: the case's documents and the client's authorizations. */
  available: {
    documents: { id: number; fileName: string; documentType: string }[];
    authorizations: { id: number; kind: string; inForce: boolean; label: string }[];
    citations: number;
  };
  /** The enclosures the letter calls for, proposed when none are chosen yet. */
  suggested: PacketItem[];
}

export interface GeneratedPacket extends PacketPreview {
  documentId: number;
  fileName: string;
  /** The PDF, saved beside the .docx in the case's documents, when one was made. */
  pdfDocumentId: number | null;
  /** Why there is no PDF, when one was asked for and could not be made here. */
  pdfNote: string | null;
}
