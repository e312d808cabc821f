// Reads a rendered template body (Markdown) into the letter's blocks: headings, paragraphs,
// quotes, lists and tables, with bold, italic and gaps kept as runs. Markdown is parsed by
// marked; only the constructs a letter needs are kept, anything else is read as plain text.
import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';
import type { Block, Run } from '../../contract/letter';
import { splitGaps } from './gaps';

type Emphasis = Pick<Run, 'bold' | 'italic'>;

function textRuns(text: string, emphasis: Emphasis): Run[] {
  return splitGaps(text).map((part) => ({
    text: part.text,
    ...emphasis,
    ...(part.gap !== undefined ? { gap: true } : {}),
  }));
}

function inline(tokens: readonly Token[] | undefined, emphasis: Emphasis = {}): Run[] {
  const runs: Run[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        runs.push(...inline((token as Tokens.Strong).tokens, { ...emphasis, bold: true }));
        break;
      case 'em':
        runs.push(...inline((token as Tokens.Em).tokens, { ...emphasis, italic: true }));
        break;
      case 'br':
        runs.push({ text: '\n', ...emphasis });
        break;
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens?.length) runs.push(...inline(t.tokens, emphasis));
        else runs.push(...textRuns(t.text, emphasis));
        break;
      }
      case 'escape':
      case 'codespan':
        runs.push(...textRuns((token as Tokens.Escape).text, emphasis));
        break;
      case 'link':
        runs.push(...inline((token as Tokens.Link).tokens, emphasis));
        break;
      default:
        // HTML, images and the rest have no place in a letter: keep what was written, as text.
        runs.push(...textRuns(token.raw, emphasis));
    }
  }
  return merge(runs);
}

/** Joins neighbouring runs of the same emphasis, so Word gets few, clean runs. */
function merge(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const prev = out.at(-1);
    if (prev && !prev.gap && !run.gap && prev.bold === run.bold && prev.italic === run.italic) {
      prev.text += run.text;
    } else out.push({ ...run });
  }
  return out.filter((r) => r.text !== '');
}

/** A whole line's runs, merged and trimmed at both ends (loops often leave a trailing space). */
function line(runs: Run[]): Run[] {
  const out = merge(runs);
  const first = out[0];
  const last = out.at(-1);
  if (first) first.text = first.text.trimStart();
  if (last) last.text = last.text.trimEnd();
  return out.filter((r) => r.text !== '');
}

function listItem(item: Tokens.ListItem): Run[] {
  // A list item holds text tokens (tight list) or paragraphs (loose list): read both as one line.
  return line(
    item.tokens.flatMap((t, i) => {
      const runs =
        t.type === 'list'
          ? (t as Tokens.List).items.flatMap((sub) => [{ text: '; ' }, ...listItem(sub)])
          : inline('tokens' in t ? (t.tokens as Token[]) : [t]);
      return i > 0 && t.type !== 'list' ? [{ text: ' ' }, ...runs] : runs;
    }),
  );
}

function blocks(tokens: readonly Token[]): Block[] {
  const out: Block[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        out.push({ type: 'heading', runs: line(inline((token as Tokens.Heading).tokens)) });
        break;
      case 'paragraph':
        out.push({ type: 'paragraph', runs: line(inline((token as Tokens.Paragraph).tokens)) });
        break;
      case 'text':
        out.push({ type: 'paragraph', runs: line(inline([token])) });
        break;
      case 'blockquote':
        for (const inner of blocks((token as Tokens.Blockquote).tokens)) {
          if (inner.type === 'paragraph') out.push({ type: 'quote', runs: inner.runs });
          else out.push(inner);
        }
        break;
      case 'list': {
        const list = token as Tokens.List;
        out.push({ type: 'list', ordered: list.ordered, items: list.items.map(listItem) });
        break;
      }
      case 'table': {
        const table = token as Tokens.Table;
        out.push({
          type: 'table',
          header: table.header.map((cell) => line(inline(cell.tokens))),
          rows: table.rows.map((row) => row.map((cell) => line(inline(cell.tokens)))),
        });
        break;
      }
      case 'space':
      case 'hr':
        break;
      default:
        if (token.raw.trim()) out.push({ type: 'paragraph', runs: textRuns(token.raw.trim(), {}) });
    }
  }
  return out.filter((b) => b.type !== 'paragraph' || b.runs.some((r) => r.text.trim()));
}

/** The blocks of a rendered Markdown body. */
export function markdownBlocks(markdown: string): Block[] {
  return blocks(new Lexer({ gfm: true }).lex(markdown));
}

/** One line of Markdown (an RE line, an enclosure) as runs; empty when it renders to nothing. */
export function markdownLine(markdown: string): Run[] {
  const text = markdown.trim();
  if (!text) return [];
  return line(inline(new Lexer({ gfm: true }).inlineTokens(text)));
}
