// A .docx as HTML and text: mammoth for the body, footnotes, endnotes and text boxes; the
// headers and footers (which mammoth ignores) read from their own parts with an XML parser.
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { escapeHtml, textOfHtml } from './html-text.mjs';
import { humaneWarnings, unreadableWord } from './word-messages.mjs';

/** Word's own title styles read as headings (mammoth maps only Heading 1–6 by itself). */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/** An OLE container where a .docx should be: a password-protected package. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const PART = /^word\/(header|footer)(\d*)\.xml$/;

/** The lines of one header or footer part: its paragraphs, tabs and line breaks kept. */
function paragraphsOf(xml) {
  const errors = [];
  const doc = new DOMParser({ onError: (level, message) => errors.push(message) }).parseFromString(
    xml,
    'text/xml',
  );
  if (!doc?.documentElement) return { lines: [], damaged: true };
  const lines = [];
  const paragraphs = doc.getElementsByTagNameNS(W, 'p');
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    // A paragraph inside a text box sits inside another paragraph; it is read with its own.
    if (hasParagraphAncestor(p)) continue;
    let line = '';
    const walk = (node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType !== 1) continue;
        if (child.namespaceURI === W) {
          if (child.localName === 't') line += child.textContent ?? '';
          else if (child.localName === 'tab') line += '\t';
          else if (child.localName === 'br' || child.localName === 'cr') line += '\n';
          else if (child.localName === 'p') line += '\n' + textOfParagraph(child);
          else if (child.localName !== 'delText' && child.localName !== 'instrText') walk(child);
        } else walk(child);
      }
    };
    const textOfParagraph = (node) => {
      const saved = line;
      line = '';
      walk(node);
      const own = line;
      line = saved;
      return own;
    };
    walk(p);
    if (line.trim()) lines.push(line.replace(/[ \t]+$/g, ''));
  }
  return { lines, damaged: errors.length > 0 };
}

function hasParagraphAncestor(node) {
  for (let up = node.parentNode; up; up = up.parentNode) {
    if (up.namespaceURI === W && up.localName === 'p') return true;
  }
  return false;
}

/** Each distinct header and footer, in part order (first page, even pages and default often repeat). */
function headersAndFooters(bytes) {
  const parts = unzipSync(bytes, { filter: (file) => PART.test(file.name) });
  const found = { header: [], footer: [] };
  let damaged = false;
  const names = Object.keys(parts).sort((a, b) => {
    const [, , na] = PART.exec(a);
    const [, , nb] = PART.exec(b);
    return Number(na || 0) - Number(nb || 0);
  });
  for (const name of names) {
    const kind = PART.exec(name)[1];
    const read = paragraphsOf(new TextDecoder().decode(parts[name]));
    damaged ||= read.damaged;
    const text = read.lines.join('\n');
    if (text && !found[kind].some((seen) => seen.join('\n') === text)) found[kind].push(read.lines);
  }
  return { ...found, damaged };
}

const block = (tag, groups) =>
  groups.length === 0
    ? ''
    : `<${tag} class="doc-${tag}">${groups
        .map((lines) => lines.map((l) => `<p>${escapeHtml(l).replace(/\n/g, '<br>')}</p>`).join(''))
        .join('')}</${tag}>`;

/** HTML (headers first, footers last, as on a page), text and readable warnings for one .docx. */
export async function convertDocx(bytes, password) {
  let buffer = Buffer.from(bytes);
  if (buffer.subarray(0, 8).equals(OLE)) {
    // Only a protected file needs the decrypting library: load it then.
    const { openProtected } = await import('./protected-docx.mjs');
    const opened = await openProtected(buffer, password);
    if (!opened.ok) return opened;
    buffer = opened.bytes;
  }
  let result;
  try {
    // externalFileAccess stays off (mammoth's default): a document may not pull in files from disk.
    result = await mammoth.convertToHtml({ buffer, styleMap: STYLE_MAP });
  } catch (error) {
    return { ok: false, problem: unreadableWord(error) };
  }
  const extra = headersAndFooters(buffer);
  const html = block('header', extra.header) + result.value + block('footer', extra.footer);
  const warnings = humaneWarnings(result.messages);
  if (extra.damaged)
    warnings.push('A header or footer is damaged; some of its text may be missing.');
  return { ok: true, html, text: textOfHtml(html), warnings, source: 'word' };
}
