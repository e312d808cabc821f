// Lays a letter out as a real Word document with docx.js: US Letter pages, the letterhead in the
// first page's header, "Page X of Y" in every footer, Word's own numbering for lists, and gaps
// highlighted so nobody sends one unnoticed. With the advocate's own letterhead document, the
// letter is poured into it at its {{letter}} placeholder instead, keeping their design.
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Footer,
  Header,
  Paragraph,
  PatchType,
  ShadingType,
  SimpleField,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  patchDocument,
} from 'docx';
import type { ICommentOptions, IParagraphOptions, IRunOptions, ParagraphChild } from 'docx';
import type { Block, LetterModel, Run } from '../../contract/letter';
import {
  LETTER_PAGE,
  NUMBERING,
  STYLES,
  STYLE_SHEET,
  TEXT_WIDTH,
  directStyles,
  namedStyles,
} from './letter-styles';
import type { StyleId, Styler } from './letter-styles';
import { keptTogether } from './keep-together';
import { estimatedPages } from './page-estimate';
import { withPageFurniture } from './letterhead-pages';
import { packDocx } from './docx-package';

/** The placeholder a letterhead document marks the letter's place with. */
export const LETTER_PLACEHOLDER = 'letter';

/**
 * Word comments on a letter's gaps: Review → Next finds every one, and the comment says what to
 * fill in. Only the letter's own document carries them (a letterhead's parts are its own).
 */
export class GapNotes {
  readonly list: ICommentOptions[] = [];
  add(gapText: string): number {
    const id = this.list.length;
    const what = gapText.replace(/^\[|\s*needed\]$/g, '');
    this.list.push({
      id,
      author: 'Advocate Desk',
      initials: 'AD',
      children: [
        new Paragraph({
          children: [
            new TextRun(
              `To fill in before sending: ${what}. Replace the highlighted text, then delete this comment.`,
            ),
          ],
        }),
      ],
    });
    return id;
  }
}

function runs(line: Run[], base: IRunOptions = {}, notes?: GapNotes): ParagraphChild[] {
  return line.flatMap((run) => {
    const made = run.text.split('\n').map(
      (text, i) =>
        new TextRun({
          ...base,
          children: keptTogether(text),
          break: i > 0 ? 1 : 0,
          bold: run.bold || run.gap || base.bold,
          italics: run.italic || base.italics,
          ...(run.gap ? { highlight: 'yellow' } : {}),
        }),
    );
    if (!run.gap || !notes) return made;
    const id = notes.add(run.text);
    return [
      new CommentRangeStart(id),
      ...made,
      new CommentRangeEnd(id),
      new TextRun({ children: [new CommentReference(id)] }),
    ];
  });
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'A0A7B0' };

const textOf = (line: Run[] | undefined) => (line ?? []).map((r) => r.text).join('');

/**
 * Column widths in proportion to what the columns hold, so short columns (dates, doses) stay
 * narrow and no header word is broken across lines.
 */
function columnWidths(block: Extract<Block, { type: 'table' }>, columns: number): number[] {
  const CHAR = 115; // twips per character of bold 9.5 pt text, roughly
  const weights = Array.from({ length: columns }, (_, i) => {
    const cells = [block.header[i], ...block.rows.map((r) => r[i])].map(textOf);
    const longestWord = Math.max(...cells.flatMap((c) => c.split(/\s+/).map((w) => w.length)), 3);
    const longestCell = Math.max(...cells.map((c) => c.length), 3);
    return { min: (longestWord + 2) * CHAR, want: Math.min(longestCell, 40) };
  });
  const spare = TEXT_WIDTH - weights.reduce((sum, w) => sum + w.min, 0);
  const totalWant = weights.reduce((sum, w) => sum + w.want, 0);
  // Every column gets room for its longest word; what is left goes to the wordier columns.
  const widths = weights.map((w) => w.min + Math.max(0, (spare * w.want) / totalWant));
  const scale = Math.min(1, TEXT_WIDTH / widths.reduce((a, b) => a + b, 0));
  return widths.map((w) => Math.floor(w * scale));
}

/** Builds the letter's paragraphs and tables in one styling: named or direct. */
export function writer(style: Styler, notes?: GapNotes) {
  const para = (id: StyleId | null, line: Run[], extra: IParagraphOptions = {}) => {
    const look = style(id);
    return new Paragraph({
      widowControl: true,
      ...look.paragraph,
      ...extra,
      children: runs(line, look.run, notes),
    });
  };

  const table = (block: Extract<Block, { type: 'table' }>): Table => {
    const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length), 1);
    const widths = columnWidths(block, columns);
    const cell = (line: Run[] | undefined, header: boolean, i: number) =>
      new TableCell({
        width: { size: widths[i] ?? 0, type: WidthType.DXA },
        margins: { top: 60, bottom: 60, left: 100, right: 100 },
        ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EDF3' } } : {}),
        borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
        children: [
          para(
            'TableText',
            header ? (line ?? []).map((r) => ({ ...r, bold: true })) : (line ?? []),
          ),
        ],
      });
    const row = (cells: Run[][], header: boolean) =>
      new TableRow({
        tableHeader: header,
        cantSplit: true,
        children: Array.from({ length: columns }, (_, i) => cell(cells[i], header, i)),
      });
    return new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      rows: [row(block.header, true), ...block.rows.map((r) => row(r, false))],
    });
  };

  /**
   * The letter's body. A paragraph that leads into a table keeps with it, and the last paragraph
   * keeps with the closing, so neither a table nor "Sincerely," starts a page on its own.
   */
  const body = (blocks: Block[]): (Paragraph | Table)[] => {
    let lists = 0;
    return blocks.flatMap((block, b): (Paragraph | Table)[] => {
      const next = blocks[b + 1];
      const keepNext = next === undefined || next.type === 'table';
      const keep = keepNext ? { keepNext: true } : {};
      switch (block.type) {
        case 'heading':
          return [para('Heading2', block.runs)];
        case 'paragraph':
          return [para(null, block.runs, keep)];
        case 'quote':
          return [para('LetterQuote', block.runs, keep)];
        case 'list': {
          const instance = lists++;
          const reference = block.ordered ? 'numbers' : 'bullets';
          return block.items.map((item, i) => {
            const last = i === block.items.length - 1;
            return para(null, item, {
              numbering: { reference, level: 0, instance },
              spacing: { after: last ? 160 : 60 },
              ...(last ? keep : {}),
            });
          });
        }
        case 'table':
          // A table needs a paragraph after it, or Word glues the next text to its last row.
          return [
            table(block),
            new Paragraph({ spacing: { after: 0 }, children: [], ...(next ? {} : keep) }),
          ];
      }
    });
  };

  /** A labelled list (enclosures, cc): kept together and with what comes before it. */
  const labelled = (label: string, lines: Run[][], endsLetter: boolean): Paragraph[] =>
    lines.length
      ? [
          para('ListLabel', [{ text: label }]),
          ...lines.map((line, i) =>
            para(null, line, {
              numbering: { reference: 'bullets', level: 0 },
              spacing: { after: 40 },
              keepNext: !(endsLetter && i === lines.length - 1),
            }),
          ),
        ]
      : [];

  /** Everything from the date to the cc list: what goes on the letterhead's paper. */
  const letter = (model: LetterModel): (Paragraph | Table)[] => [
    para('LetterDate', [{ text: model.form ? `Prepared ${model.date}` : model.date }]),
    ...model.recipient.map((line) => para('Recipient', line)),
    ...(model.recipient.length ? [new Paragraph({ spacing: { after: 0 }, children: [] })] : []),
    ...model.re.map((line, i) =>
      para('ReLine', i === 0 ? [{ text: 'RE:\t' }, ...line] : [{ text: '\t' }, ...line]),
    ),
    ...(model.re.length ? [new Paragraph({ spacing: { after: 0 }, children: [] })] : []),
    ...body(model.body),
    // A form carries its own signature lines: no closing.
    ...(model.closing ? [para('Closing', [{ text: model.closing }])] : []),
    ...model.signature.map((line) => para('SignatureLine', line)),
    ...labelled('Enclosures', model.enclosures, model.cc.length === 0),
    ...labelled('cc', model.cc, true),
  ];

  return { para, letter, body };
}

/**
 * "Page X of Y" as fields with a result in them: Word and LibreOffice count again, and a viewer
 * that cannot shows the page and an estimate of the pages rather than nothing.
 */
export const pageXofY = (page: number, pages: number) =>
  new Paragraph({
    style: 'HeaderFooter',
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun('Page '),
      new SimpleField('PAGE', String(page)),
      new TextRun(' of '),
      new SimpleField('NUMPAGES', String(Math.max(page, pages))),
    ],
  });

const properties = (model: LetterModel, subject: string, author: string | null | undefined) => ({
  // Word shows the creator as the document's author: the person who signs, not the program.
  creator: author?.trim() || 'Advocate Desk',
  lastModifiedBy: author?.trim() || 'Advocate Desk',
  title: model.title,
  subject,
  description: `${model.title}, generated by Advocate Desk`,
});

/** The advocate's name and details, ruled off: the first page's header. */
export function letterheadParagraphs(
  model: LetterModel,
  para: ReturnType<typeof writer>['para'],
): Paragraph[] {
  return [
    ...(model.letterhead.name ? [para('Letterhead', [{ text: model.letterhead.name }])] : []),
    ...model.letterhead.lines.map((l) => para('LetterheadDetail', [{ text: l }])),
    new Paragraph({
      style: 'LetterheadDetail',
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '1F3A5F', space: 4 } },
      children: [],
    }),
  ];
}

/** The letter as .docx bytes: its own document, or poured into the advocate's letterhead. */
export async function letterDocx(
  model: LetterModel,
  meta: { subject: string; author?: string | null; letterhead?: Uint8Array | null },
): Promise<Buffer> {
  if (meta.letterhead) {
    const { letter } = writer(directStyles);
    const bytes = await patchDocument({
      outputType: 'nodebuffer',
      data: meta.letterhead,
      patches: { [LETTER_PLACEHOLDER]: { type: PatchType.DOCUMENT, children: letter(model) } },
      numbering: NUMBERING,
      trimPlaceholders: true,
      properties: properties(model, meta.subject, meta.author),
    });
    const subject = `${meta.subject}  ·  ${model.date}`;
    return Buffer.from(withPageFurniture(bytes, { subject, pages: estimatedPages(model) }));
  }

  return packDocx(letterDocument(model, meta), STYLE_SHEET);
}

/** The letter as a docx.js document of its own, on the app's letterhead. */
export function letterDocument(
  model: LetterModel,
  meta: { subject: string; author?: string | null },
): Document {
  const notes = new GapNotes();
  const { para, letter } = writer(namedStyles, notes);
  const body = letter(model);
  const letterhead = letterheadParagraphs(model, para);
  const pages = estimatedPages(model);
  return new Document({
    ...properties(model, meta.subject, meta.author),
    styles: STYLES,
    numbering: NUMBERING,
    sections: [
      {
        properties: {
          titlePage: true,
          page: LETTER_PAGE,
        },
        headers: {
          first: new Header({ children: letterhead }),
          default: new Header({
            children: [para('HeaderFooter', [{ text: `${meta.subject}  ·  ${model.date}` }])],
          }),
        },
        footers: {
          first: new Footer({ children: [pageXofY(1, pages)] }),
          default: new Footer({ children: [pageXofY(2, pages)] }),
        },
        children: body,
      },
    ],
    ...(notes.list.length ? { comments: { children: notes.list } } : {}),
  });
}
