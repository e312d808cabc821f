// How many pages a letter will take, roughly: the cached result of its "Page X of Y" fields.
// Word and LibreOffice count the pages again when they lay the letter out; a reader that does
// not (a phone's preview, a document viewer) shows this instead of a blank.
import type { Block, LetterModel, Run } from '../../contract/letter';

/** Characters of 11 pt Calibri on a 6.5-inch line, and lines on a page inside 1-inch margins. */
const LINE = 95;
const PAGE = 44;
/** Letterhead, date, recipient block, closing and signature space, in lines. */
const FRAME = 18;

const length = (line: Run[]) => line.reduce((n, r) => n + r.text.length, 0);
const linesOf = (line: Run[], width = LINE) => Math.max(1, Math.ceil(length(line) / width));

export function estimatedPages(model: LetterModel): number {
  // A form has no recipient block, closing or signature space: only its "Prepared" line.
  const frame =
    (model.form ? 3 : FRAME) + model.re.length + model.enclosures.length + model.cc.length;
  return Math.max(1, Math.ceil((frame + bodyLines(model.body)) / PAGE));
}

/**
 * Pages a run of body blocks takes on its own (a document's text in a packet), under a heading
 * line or two. A paragraph's spacing after is about 0.6 of a line.
 */
export function blockPages(blocks: Block[], frameLines = 2): number {
  return Math.max(1, Math.ceil((frameLines + bodyLines(blocks, 0.6)) / PAGE));
}

/** Lines the blocks take, each followed by `gap` lines of spacing. */
function bodyLines(blocks: Block[], gap = 1): number {
  let lines = 0;
  for (const block of blocks) {
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
        lines += gap + linesOf(block.runs);
    }
  }
  return lines;
}
