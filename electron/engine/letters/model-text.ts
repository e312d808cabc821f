// A generated letter's preview (HTML) and text (what the readiness meter reads), drawn from the
// composed letter itself — the same paragraphs, in the same order, as the .docx body — instead of
// laying the letter out as Word and reading it back. Like a Word reader, it leaves out what sits
// in the page header (the letterhead) and footer.
import type { Block, LetterModel, Run } from '../../contract/letter';

/** One paragraph of the letter's body, a list item, or a table row. */
type Para =
  | { kind: 'p' | 'h2'; line: Run[] }
  | { kind: 'li'; list: 'ul' | 'ol'; line: Run[] }
  | { kind: 'tr'; cells: Run[][] };

/** Body blocks as paragraphs, list items and table rows, in order. */
function blockParas(blocks: Block[], out: Para[] = []): Para[] {
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        out.push({ kind: 'h2', line: b.runs });
        break;
      case 'paragraph':
      case 'quote':
        out.push({ kind: 'p', line: b.runs });
        break;
      case 'list':
        for (const line of b.items) out.push({ kind: 'li', list: b.ordered ? 'ol' : 'ul', line });
        break;
      case 'table':
        for (const cells of [b.header, ...b.rows]) out.push({ kind: 'tr', cells });
    }
  }
  return out;
}

/** The letter's paragraphs in the order the .docx body holds them. */
function paragraphs(model: LetterModel): Para[] {
  const out: Para[] = [];
  const p = (line: Run[]) => out.push({ kind: 'p', line });
  const labelled = (label: string, lines: Run[][]) => {
    if (!lines.length) return;
    p([{ text: label }]);
    for (const line of lines) out.push({ kind: 'li', list: 'ul', line });
  };
  p([{ text: model.form ? `Prepared ${model.date}` : model.date }]);
  model.recipient.forEach(p);
  model.re.forEach((line, i) => p([{ text: i === 0 ? 'RE:\t' : '\t' }, ...line]));
  blockParas(model.body, out);
  if (model.closing) p([{ text: model.closing }]);
  model.signature.forEach(p);
  labelled('Enclosures', model.enclosures);
  labelled('cc', model.cc);
  return out;
}

/** Text safe inside HTML elements. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

/** A line's runs as HTML: bold (gaps are bold in the letter too) and italic kept. */
function inline(line: Run[]): string {
  return line
    .map((run) => {
      let html = run.text.split('\n').map(escapeHtml).join('<br />');
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold || run.gap) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

const plain = (line: Run[]) => line.map((r) => r.text).join('');

function parasHtml(paras: Para[]): string {
  const parts: string[] = [];
  let open: string | null = null;
  for (const para of paras) {
    const container = para.kind === 'li' ? para.list : para.kind === 'tr' ? 'table' : null;
    if (container !== open) {
      if (open) parts.push(`</${open}>`);
      if (container) parts.push(`<${container}>`);
      open = container;
    }
    if (para.kind === 'tr') {
      parts.push(
        `<tr>${para.cells.map((cell) => `<td><p>${inline(cell)}</p></td>`).join('')}</tr>`,
      );
    } else {
      parts.push(`<${para.kind}>${inline(para.line)}</${para.kind}>`);
    }
  }
  if (open) parts.push(`</${open}>`);
  return parts.join('');
}

/** The letter as HTML for the document preview (sanitised again where it is shown). */
export function letterHtml(model: LetterModel): string {
  return parasHtml(paragraphs(model));
}

/** Body blocks alone as HTML (a packet's cover sheet and enclosures). */
export function blocksHtml(blocks: Block[]): string {
  return parasHtml(blockParas(blocks));
}

/** The letter as plain text, a paragraph (or table cell) to a block, as Word readers give it. */
export function letterText(model: LetterModel): string {
  return paragraphs(model)
    .flatMap((para) => (para.kind === 'tr' ? para.cells.map(plain) : [plain(para.line)]))
    .map((text) => `${text}\n\n`)
    .join('');
}
