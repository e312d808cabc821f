// How many pages a letter will take, roughly: the cached result of its "Page X of Y" fields.
// Word and LibreOffice count the pages again when they lay the letter out; a reader that does
// not (a phone's preview, a document viewer) shows this instead of a blank.
import type { LetterModel, Run } from '../../contract/letter';

/** Characters of 11 pt Calibri on a 6.5-inch line, and lines on a page inside 1-inch margins. */
const LINE = 95;
const PAGE = 44;
/** Letterhead, date, recipient block, closing and signature space, in lines. */
const FRAME = 18;

const length = (line: Run[]) => line.reduce((n, r) => n + r.text.length, 0);
const linesOf = (line: Run[], width = LINE) => Math.max(1, Math.ceil(length(line) / width));

export function estimatedPages(model: LetterModel): number {
  let lines = FRAME + model.re.length + model.enclosures.length + model.cc.length;
  for (const block of model.body) {
    switch (block.type) {
      case 'table': {
        const columns = Math.max(block.header.length, 1);
        // A cell wraps in its column's share of the line, in a smaller type.
        const rowLines = (row: Run[][]) =>
          Math.max(1, ...row.map((cell) => linesOf(cell, (LINE * 1.1) / columns)));
        lines += 1 + rowLines(block.header) + block.rows.reduce((n, r) => n + rowLines(r), 0);
        break;
      }
      case 'list':
        lines += 1 + block.items.reduce((n, item) => n + linesOf(item, LINE - 6), 0);
        break;
      default:
        lines += 1 + linesOf(block.runs);
    }
  }
  return Math.max(1, Math.ceil(lines / PAGE));
}
