// Words placed on a page (a PDF's text runs, or the words OCR found on a scan) put back into
// lines in reading order, with table rows kept as rows: the same layout for both, so facts are
// proposed from a scan as from the PDF or Word original.

/** Symbol-font bullets come out in the private use area; they read as bullets. */
const PRIVATE_BULLETS = /[\uf0a7\uf0b7\uf0d8\uf0fc\uf076]/g;

/**
 * One page's text items as lines, top to bottom and left to right: runs on one baseline make a
 * line, a wide horizontal gap between them a tab (table cells), a wide vertical gap a blank line.
 * A table cell that wraps continues on the rows below inside its own column: those words join
 * their cell, so a row of a medication table reads as one line, as in the Word original.
 */
export function pageText(items, pageWidth) {
  const runs = [];
  for (const item of items) {
    if (typeof item.str !== 'string' || !item.str.trim()) continue;
    const [, , , scaleY, x, y] = item.transform;
    const size = Math.abs(item.height || scaleY) || 10;
    runs.push({
      x,
      y,
      end: x + (item.width ?? 0),
      size,
      str: item.str.replace(PRIVATE_BULLETS, '•'),
    });
  }
  // Rows by baseline; a run within half a line of a row's baseline belongs to it.
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows = [];
  for (const run of runs) {
    const row = rows.at(-1);
    if (row && Math.abs(row.y - run.y) <= Math.max(row.size, run.size) * 0.5) {
      row.runs.push(run);
      row.size = Math.max(row.size, run.size);
    } else rows.push({ y: run.y, size: run.size, runs: [run] });
  }
  const lines = [];
  for (const row of rows) {
    row.runs.sort((a, b) => a.x - b.x);
    const cells = [];
    for (const run of row.runs) {
      const cell = cells.at(-1);
      const gap = cell ? run.x - cell.end : 0;
      if (!cell || gap > row.size * 1.2)
        cells.push({ x: run.x, end: run.end, text: run.str.trim() });
      else {
        const joiner =
          gap > row.size * 0.15 && !/\s$/.test(cell.text) && !/^\s/.test(run.str) ? ' ' : '';
        cell.text = (cell.text + joiner + run.str).replace(/\s+/g, ' ').trim();
        cell.end = run.end;
      }
    }
    const previous = lines.at(-1);
    const gapBefore = previous
      ? previous.y - row.y > Math.max(previous.size, row.size) * 1.8
      : false;
    const table = previous?.cells.length > 1 ? previous : null;
    const column = (cell) =>
      table?.cells.findIndex((c) => Math.abs(c.x - cell.x) <= Math.max(3, row.size * 0.3)) ?? -1;
    if (
      table &&
      !gapBefore &&
      cells.length < table.cells.length &&
      cells.every((c) => column(c) >= 0)
    ) {
      for (const cell of cells) {
        const into = table.cells[column(cell)];
        into.text = into.text.endsWith('-') ? into.text + cell.text : `${into.text} ${cell.text}`;
      }
      table.y = row.y;
      continue;
    }
    lines.push({ y: row.y, size: row.size, cells, gapBefore });
  }
  const text = (l) =>
    l.cells
      .map((c) => c.text)
      .join('\t')
      .replace(/^•\t/, '• ');
  // A line that runs to the right margin was wrapped by the layout, not by the writer: it joins
  // the next line of its paragraph, so a sentence reads as one. Margins are taken as even.
  const left = Math.min(...lines.map((l) => l.cells[0].x));
  const wrapped = (l) =>
    l.cells.length === 1 && l.cells[0].end > left + (pageWidth - 2 * left) * 0.7;
  let out = '';
  lines.forEach((l, i) => {
    const previous = lines[i - 1];
    if (i === 0) out = text(l);
    else if (l.gapBefore) out += `\n\n${text(l)}`;
    else if (
      wrapped(previous) &&
      l.cells.length === 1 &&
      // A heading (a larger size) is never the start of the paragraph under it.
      Math.abs(previous.size - l.size) <= l.size * 0.1 &&
      // A bullet or a "Label: value" line starts afresh however long the line before it.
      !/^([•\-–]|[A-Z][\w #/().-]{0,40}:\s)/.test(text(l))
    ) {
      out += previous.cells[0].text.endsWith('-') ? text(l) : ` ${text(l)}`;
    } else out += `\n${text(l)}`;
  });
  return out;
}
