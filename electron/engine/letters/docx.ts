// Lays a letter out as a real Word document with docx.js: named styles (so edits in Word stay
// consistent), US Letter pages, the letterhead in the first page's header, "Page X of Y" in every
// footer, Word's own numbering for lists, and gaps highlighted so nobody sends one unnoticed.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { IParagraphOptions, IStylesOptions } from 'docx';
import type { Block, LetterModel, Run } from '../../contract/letter';

const FONT = 'Calibri';
const PT = 2; // docx sizes are half-points
const INCH = 1440; // twips
const TEXT_WIDTH = 8.5 * INCH - 2 * INCH;

const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: 11 * PT },
      paragraph: { spacing: { after: 160, line: 264 } },
    },
    heading2: {
      run: { font: FONT, size: 12 * PT, bold: true, color: '1F3A5F' },
      paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
    },
  },
  paragraphStyles: [
    {
      id: 'Letterhead',
      name: 'Letterhead',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 16 * PT, bold: true, color: '1F3A5F' },
      paragraph: { spacing: { after: 40 } },
    },
    {
      id: 'LetterheadDetail',
      name: 'Letterhead Detail',
      basedOn: 'Normal',
      run: { size: 9 * PT, color: '555555' },
      paragraph: { spacing: { after: 0 } },
    },
    {
      id: 'LetterDate',
      name: 'Letter Date',
      basedOn: 'Normal',
      paragraph: { spacing: { after: 240 } },
    },
    { id: 'Recipient', name: 'Recipient', basedOn: 'Normal', paragraph: { spacing: { after: 0 } } },
    {
      id: 'ReLine',
      name: 'RE Line',
      basedOn: 'Normal',
      run: { bold: true },
      paragraph: { spacing: { after: 0 }, indent: { left: 720, hanging: 720 } },
    },
    {
      id: 'LetterQuote',
      name: 'Letter Quote',
      basedOn: 'Normal',
      run: { italics: true },
      paragraph: { indent: { left: 720, right: 720 } },
    },
    {
      id: 'Closing',
      name: 'Closing',
      basedOn: 'Normal',
      paragraph: { spacing: { before: 240, after: 720 }, keepNext: true },
    },
    {
      id: 'SignatureLine',
      name: 'Signature Line',
      basedOn: 'Normal',
      paragraph: { spacing: { after: 0 }, keepNext: true },
    },
    {
      id: 'ListLabel',
      name: 'List Label',
      basedOn: 'Normal',
      run: { bold: true },
      paragraph: { spacing: { before: 240, after: 60 }, keepNext: true },
    },
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      run: { size: 9.5 * PT },
      paragraph: { spacing: { after: 0 } },
    },
    {
      id: 'HeaderFooter',
      name: 'Header Footer Text',
      basedOn: 'Normal',
      run: { size: 8.5 * PT, color: '666666' },
      paragraph: { spacing: { after: 0 } },
    },
  ],
};

const NUMBERING = {
  config: [
    {
      reference: 'bullets',
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 540, hanging: 270 } } },
        },
      ],
    },
    {
      reference: 'numbers',
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 540, hanging: 360 } } },
        },
      ],
    },
  ],
};

function runs(line: Run[], base: { bold?: boolean } = {}): TextRun[] {
  return line.flatMap((run) =>
    run.text.split('\n').map(
      (text, i) =>
        new TextRun({
          text,
          break: i > 0 ? 1 : 0,
          bold: run.bold || run.gap || base.bold,
          italics: run.italic,
          ...(run.gap ? { highlight: 'yellow' } : {}),
        }),
    ),
  );
}

const para = (line: Run[], options: IParagraphOptions = {}) =>
  new Paragraph({ ...options, children: runs(line) });

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

function table(block: Extract<Block, { type: 'table' }>): Table {
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length), 1);
  const widths = columnWidths(block, columns);
  const cell = (line: Run[] | undefined, header: boolean, i: number) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EDF3' } } : {}),
      borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
      children: [
        new Paragraph({ style: 'TableText', children: runs(line ?? [], { bold: header }) }),
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
}

function body(blocks: Block[]): (Paragraph | Table)[] {
  let lists = 0;
  return blocks.flatMap((block): (Paragraph | Table)[] => {
    switch (block.type) {
      case 'heading':
        return [para(block.runs, { heading: 'Heading2' })];
      case 'paragraph':
        return [para(block.runs)];
      case 'quote':
        return [para(block.runs, { style: 'LetterQuote' })];
      case 'list': {
        const instance = lists++;
        const reference = block.ordered ? 'numbers' : 'bullets';
        return block.items.map((item, i) =>
          para(item, {
            numbering: { reference, level: 0, instance },
            spacing: { after: i === block.items.length - 1 ? 160 : 60 },
          }),
        );
      }
      case 'table':
        // A table needs a paragraph after it, or Word glues the next text to its last row.
        return [table(block), new Paragraph({ spacing: { after: 0 }, children: [] })];
    }
  });
}

function labelled(label: string, lines: Run[][]): Paragraph[] {
  if (!lines.length) return [];
  return [
    new Paragraph({ style: 'ListLabel', children: [new TextRun(label)] }),
    ...lines.map((line) =>
      para(line, { numbering: { reference: 'bullets', level: 0 }, spacing: { after: 40 } }),
    ),
  ];
}

const pageXofY = () =>
  new Paragraph({
    style: 'HeaderFooter',
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
    ],
  });

/** The letter as .docx bytes. */
export async function letterDocx(model: LetterModel, meta: { subject: string }): Promise<Buffer> {
  const letterhead = [
    ...(model.letterhead.name
      ? [new Paragraph({ style: 'Letterhead', children: [new TextRun(model.letterhead.name)] })]
      : []),
    ...model.letterhead.lines.map(
      (l) => new Paragraph({ style: 'LetterheadDetail', children: [new TextRun(l)] }),
    ),
    new Paragraph({
      style: 'LetterheadDetail',
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '1F3A5F', space: 4 } },
      children: [],
    }),
  ];
  const laterHeader = new Paragraph({
    style: 'HeaderFooter',
    children: [new TextRun(`${meta.subject}  ·  ${model.date}`)],
  });

  const doc = new Document({
    creator: 'Advocate Desk',
    title: model.title,
    subject: meta.subject,
    description: `${model.title}, generated by Advocate Desk`,
    styles: STYLES,
    numbering: NUMBERING,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 8.5 * INCH, height: 11 * INCH },
            margin: {
              top: INCH,
              bottom: INCH,
              left: INCH,
              right: INCH,
              header: 0.5 * INCH,
              footer: 0.5 * INCH,
            },
          },
        },
        headers: {
          first: new Header({ children: letterhead }),
          default: new Header({ children: [laterHeader] }),
        },
        footers: {
          first: new Footer({ children: [pageXofY()] }),
          default: new Footer({ children: [pageXofY()] }),
        },
        children: [
          new Paragraph({ style: 'LetterDate', children: [new TextRun(model.date)] }),
          ...model.recipient.map((line) => para(line, { style: 'Recipient' })),
          new Paragraph({ spacing: { after: 0 }, children: [] }),
          ...model.re.map((line, i) =>
            para(i === 0 ? [{ text: 'RE:\t' }, ...line] : [{ text: '\t' }, ...line], {
              style: 'ReLine',
            }),
          ),
          new Paragraph({ spacing: { after: 0 }, children: [] }),
          ...body(model.body),
          new Paragraph({ style: 'Closing', children: [new TextRun(model.closing)] }),
          ...model.signature.map((line) => para(line, { style: 'SignatureLine' })),
          ...labelled('Enclosures', model.enclosures),
          ...labelled('cc', model.cc),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
