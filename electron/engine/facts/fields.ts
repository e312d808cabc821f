// Labelled values, whatever the layout: "Label: value" anywhere in a line (forms, pipe- and
// dot-separated header rows), a label cell followed by its value cell (fax and PDF tables), and a
// table whose header row labels the cells below it. Each fact finder reads the kinds it needs.
import { kindsOf } from './labels';
import type { FieldKind } from './labels';
import { cellsOf, linesOf } from './text';
import type { Span } from './text';

export interface Field {
  /** A label on the value's own line or cell, or a table column's header. */
  form: 'label' | 'column';
  label: string;
  kinds: FieldKind[];
  value: string;
  /** Offsets of the value in the document's text. */
  start: number;
  end: number;
}

/** Tab-separated cells, empty ones kept, so a row lines up with its header. */
function tabCells(line: Span): Span[] {
  const cells: Span[] = [];
  let from = 0;
  for (const part of line.text.split('\t')) {
    const lead = part.length - part.trimStart().length;
    cells.push({ text: part.trim(), start: line.start + from + lead });
    from += part.length + 1;
  }
  return cells;
}

const field = (label: string, value: Span, form: Field['form'] = 'label'): Field | null => {
  const kinds = kindsOf(label);
  return kinds.length && value.text
    ? {
        form,
        label,
        kinds,
        value: value.text,
        start: value.start,
        end: value.start + value.text.length,
      }
    : null;
};

/**
 * A header row: short cells without digits, two of them labels we know (or one among three or
 * more cells). "Member<tab>Olivia Brandt" is a label and its value, not a header.
 */
function isHeader(cells: Span[]): boolean {
  const labels = cells.filter((c) => kindsOf(c.text).length > 0).length;
  return (
    cells.length >= 2 &&
    cells.every((c) => !/\d/.test(c.text.replace(/\b(?:PHQ-9|GAD-7|PCL-5)\b/g, ''))) &&
    cells.every((c) => c.text.split(/\s+/).length <= 4) &&
    (labels >= 2 || (labels === 1 && cells.length >= 3))
  );
}

function fieldsOfText(text: string): Field[] {
  const out: Field[] = [];
  const lines = linesOf(text);
  lines.forEach((line, i) => {
    // "Label: value", one per cell.
    const cells = cellsOf(line);
    for (const raw of cells) {
      // Bullets are not part of the label: "• Client: Marcus Feld".
      const bullet = /^[•*·-]+\s*/.exec(raw.text)?.[0].length ?? 0;
      const cell = { text: raw.text.slice(bullet), start: raw.start + bullet };
      // Or "Label value" when the value is a number or date: "Visit 2026-04-03", "ID RCH-7120".
      const m =
        /^([A-Za-z][A-Za-z .#/'&()-]{0,39}?)\s*:\s*(\S.*)$/.exec(cell.text) ??
        /^([A-Za-z][A-Za-z .#/'&-]{0,39}?)\s+((?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9/-]*(?:\s.*)?)$/.exec(
          cell.text,
        );
      if (!m) continue;
      const valueAt = cell.start + cell.text.length - m[2]!.length;
      const f = field(m[1]!, { text: m[2]!.trim(), start: valueAt });
      if (f) out.push(f);
    }
    // A label cell, then its value cell: "Member ID<tab>BMH7730019421".
    const header = tabCells(line);
    const tabs = isHeader(header) ? [] : header.filter((c) => c.text);
    for (let c = 0; c + 1 < tabs.length; c++) {
      if (tabs[c]!.text.includes(':') || kindsOf(tabs[c + 1]!.text).length) continue;
      const f = field(tabs[c]!.text, tabs[c + 1]!);
      if (f) {
        out.push(f);
        c += 1;
      }
    }
    // A header row labels the rows under it, up to a blank line or a row of another shape.
    if (!isHeader(header)) return;
    for (let r = i + 1; r < lines.length; r++) {
      const row = tabCells(lines[r]!);
      if (row.length !== header.length || isHeader(row)) break;
      row.forEach((cell, c) => {
        const f = field(header[c]!.text, cell, 'column');
        if (f) out.push(f);
      });
    }
  });
  return out;
}

let last: { text: string; fields: Field[] } | undefined;

/** Every labelled value in the text; computed once per document for all the finders. */
export function fieldsOf(text: string): Field[] {
  if (last?.text !== text) last = { text, fields: fieldsOfText(text) };
  return last.fields;
}

/** The labelled values of one kind, in the order they appear. */
export function fieldsOfKind(text: string, kind: FieldKind): Field[] {
  return fieldsOf(text)
    .filter((f) => f.kinds.includes(kind))
    .sort((a, b) => a.start - b.start);
}
