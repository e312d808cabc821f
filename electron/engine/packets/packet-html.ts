// The packet as one printable HTML page, each part starting a new sheet: what the desktop app
// prints to PDF and the browser's print view shows. Text is escaped by the letter machinery;
// a scan is inlined as a data URL so the page needs nothing from outside.
import { blocksHtml, escapeHtml, letterHtml } from '../letters/model-text';
import type { PacketLayout } from './packet-docx';

const STYLE = `
@page { size: Letter; margin: 0.9in 1in; }
body { font: 11pt Calibri, Carlito, 'Liberation Sans', Arial, sans-serif; color: #111; }
.part { break-before: page; }
.part:first-child { break-before: auto; }
.letterhead { border-bottom: 1.5pt solid #1f3a5f; margin-bottom: 12pt; }
.letterhead strong { font-size: 15pt; color: #1f3a5f; }
.letterhead p { margin: 0; font-size: 9pt; color: #444; }
h1 { font-size: 14pt; color: #1f3a5f; }
h2 { font-size: 12pt; color: #1f3a5f; margin: 12pt 0 6pt; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
td { border: 0.5pt solid #a0a7b0; padding: 3pt 5pt; vertical-align: top; }
td p { margin: 0; }
img { max-width: 100%; max-height: 8.25in; }
`;

export function packetHtml(p: PacketLayout): string {
  const head = p.letterhead.letterhead;
  const letterhead = `<div class="letterhead"><strong>${escapeHtml(head.name)}</strong>${head.lines
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('')}</div>`;
  const parts = [
    `<section class="part">${letterhead}<h1>${escapeHtml(p.title)}</h1>${blocksHtml(p.cover)}</section>`,
    `<section class="part">${letterhead}${letterHtml(p.letter)}</section>`,
    ...p.enclosures.map((e, i) => {
      const title = `<h1>Enclosure ${i + 1}: ${escapeHtml(e.title)}</h1>`;
      const body = e.form
        ? letterHtml(e.form)
        : e.image
          ? `<img alt="${escapeHtml(`Scan of ${e.title}`).replace(/"/g, '&quot;')}" src="data:image/${e.image.type === 'jpg' ? 'jpeg' : 'png'};base64,${Buffer.from(e.image.data).toString('base64')}">`
          : blocksHtml(e.blocks);
      return `<section class="part">${title}${body}</section>`;
    }),
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(
    p.subject,
  )}</title><style>${STYLE}</style></head><body>${parts.join('')}</body></html>`;
}
