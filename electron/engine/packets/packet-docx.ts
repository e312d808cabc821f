// The packet as one Word document: the cover sheet and index, the letter on the advocate's
// letterhead, then each enclosure on a page of its own under its number and title; "Page X of Y"
// runs through the whole packet, as a fax counts it.
import { Document, Footer, Header, ImageRun, Paragraph } from 'docx';
import type { ISectionOptions } from 'docx';
import type { Block, LetterModel } from '../../contract/letter';
import { GapNotes, letterheadParagraphs, pageXofY, writer } from '../letters/docx';
import { LETTER_PAGE, NUMBERING, STYLES, STYLE_SHEET, namedStyles } from '../letters/letter-styles';
import type { EnclosurePart } from './enclosures';
import { packDocx } from '../letters/docx-package';

/** The biggest a scan may be drawn, in pixels at 96 per inch: the text area under a heading. */
const MAX_IMAGE = { width: 6.5 * 96, height: 8.25 * 96 };

export interface PacketLayout {
  title: string;
  subject: string;
  author: string;
  totalPages: number;
  cover: Block[];
  /** The sender's letterhead, from the letter. */
  letterhead: LetterModel;
  letter: LetterModel;
  enclosures: EnclosurePart[];
}

export async function packetDocx(p: PacketLayout): Promise<Buffer> {
  const notes = new GapNotes();
  const w = writer(namedStyles, notes);
  const running = new Header({
    children: [w.para('HeaderFooter', [{ text: p.subject }])],
  });
  const footer = new Footer({ children: [pageXofY(1, p.totalPages)] });
  const section = (children: ISectionOptions['children'], first?: Header): ISectionOptions => ({
    properties: { titlePage: Boolean(first), page: LETTER_PAGE },
    headers: first ? { first, default: running } : { default: running },
    footers: first ? { first: footer, default: footer } : { default: footer },
    children,
  });
  const heading = (text: string) => w.para('Heading2', [{ text }], { keepNext: true });
  const letterhead = new Header({ children: letterheadParagraphs(p.letterhead, w.para) });

  const sections: ISectionOptions[] = [
    section([heading(p.title), ...w.body(p.cover)], letterhead),
    section(w.letter(p.letter), letterhead),
    ...p.enclosures.map((e, i) => {
      const title = heading(`Enclosure ${i + 1}: ${e.title}`);
      if (e.form) return section([title, ...w.letter(e.form)]);
      if (e.image) {
        const scale = Math.min(
          1,
          MAX_IMAGE.width / e.image.width,
          MAX_IMAGE.height / e.image.height,
        );
        return section([
          title,
          new Paragraph({
            children: [
              new ImageRun({
                type: e.image.type,
                data: e.image.data,
                transformation: {
                  width: Math.round(e.image.width * scale),
                  height: Math.round(e.image.height * scale),
                },
                altText: { name: e.title, title: e.title, description: `Scan of ${e.title}` },
              }),
            ],
          }),
        ]);
      }
      return section([title, ...w.body(e.blocks)]);
    }),
  ];
  const doc = new Document({
    creator: p.author,
    lastModifiedBy: p.author,
    title: p.title,
    subject: p.subject,
    description: `${p.title}, assembled by Advocate Desk`,
    styles: STYLES,
    numbering: NUMBERING,
    sections,
    ...(notes.list.length ? { comments: { children: notes.list } } : {}),
  });
  return packDocx(doc, STYLE_SHEET);
}
