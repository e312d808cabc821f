// The look of a letter: named paragraph styles (so an advocate's edits in Word stay consistent),
// Word numbering for lists, and US Letter pages. A letter poured into the advocate's own
// letterhead document cannot bring its styles along, so each style can also be applied directly.
import { AlignmentType, LevelFormat } from 'docx';
import type { IParagraphOptions, IRunOptions, IStylesOptions } from 'docx';

export const FONT = 'Calibri';
export const PT = 2; // docx sizes are half-points
export const INCH = 1440; // twips
export const TEXT_WIDTH = 8.5 * INCH - 2 * INCH;

/** US Letter with one-inch margins, the header and footer half an inch from the edge. */
export const LETTER_PAGE = {
  size: { width: 8.5 * INCH, height: 11 * INCH },
  margin: {
    top: INCH,
    bottom: INCH,
    left: INCH,
    right: INCH,
    header: 0.5 * INCH,
    footer: 0.5 * INCH,
  },
};

type Look = { run?: IRunOptions; paragraph?: IParagraphOptions };

const NAVY = '1F3A5F';

/** Every style a letter uses, by id, with the name Word shows in its style list. */
const LOOKS = {
  Heading2: {
    name: 'Heading 2',
    run: { size: 12 * PT, bold: true, color: NAVY },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
  },
  Letterhead: {
    name: 'Letterhead',
    run: { size: 16 * PT, bold: true, color: NAVY },
    paragraph: { spacing: { after: 40 } },
  },
  LetterheadDetail: {
    name: 'Letterhead Detail',
    run: { size: 9 * PT, color: '555555' },
    paragraph: { spacing: { after: 0 } },
  },
  LetterDate: { name: 'Letter Date', paragraph: { spacing: { after: 240 } } },
  Recipient: { name: 'Recipient', paragraph: { spacing: { after: 0 } } },
  ReLine: {
    name: 'RE Line',
    run: { bold: true },
    paragraph: { spacing: { after: 0 }, indent: { left: 720, hanging: 720 } },
  },
  LetterQuote: {
    name: 'Letter Quote',
    run: { italics: true },
    paragraph: { indent: { left: 720, right: 720 } },
  },
  Closing: {
    name: 'Closing',
    paragraph: { spacing: { before: 240, after: 720 }, keepNext: true },
  },
  SignatureLine: { name: 'Signature Line', paragraph: { spacing: { after: 0 }, keepNext: true } },
  ListLabel: {
    name: 'List Label',
    run: { bold: true },
    paragraph: { spacing: { before: 240, after: 60 }, keepNext: true },
  },
  TableText: { name: 'Table Text', run: { size: 9.5 * PT }, paragraph: { spacing: { after: 0 } } },
  HeaderFooter: {
    name: 'Header Footer Text',
    run: { size: 8.5 * PT, color: '666666' },
    paragraph: { spacing: { after: 0 } },
  },
} satisfies Record<string, Look & { name: string }>;

export type StyleId = keyof typeof LOOKS;

/** How a paragraph gets its style: by name (our own document) or applied directly. */
export type Styler = (id: StyleId | null) => { paragraph: IParagraphOptions; run: IRunOptions };

export const namedStyles: Styler = (id) => ({
  paragraph: id === 'Heading2' ? { heading: 'Heading2' } : id ? { style: id } : {},
  run: {},
});

export const directStyles: Styler = (id) => {
  const look: Look = id ? LOOKS[id] : {};
  return { paragraph: { ...look.paragraph }, run: { ...look.run } };
};

/** The styles part of a letter that is its own document. */
export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: 11 * PT },
      paragraph: { spacing: { after: 160, line: 264 } },
    },
    heading2: { run: { font: FONT, ...LOOKS.Heading2.run }, paragraph: LOOKS.Heading2.paragraph },
  },
  paragraphStyles: (Object.entries(LOOKS) as [StyleId, Look & { name: string }][])
    .filter(([id]) => id !== 'Heading2')
    .map(([id, look]) => ({
      id,
      name: look.name,
      basedOn: 'Normal',
      ...(look.run ? { run: look.run } : {}),
      ...(look.paragraph ? { paragraph: look.paragraph } : {}),
    })),
};

/**
 * What documents made with `STYLES` and docx.js's own theme are packed under (`packDocx`), so that
 * their styles and theme are written once.
 */
export const STYLE_SHEET = 'letter';

export const NUMBERING = {
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
