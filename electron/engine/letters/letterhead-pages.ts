// A letter poured into the advocate's own letterhead keeps that document's design, but a reviewer
// still needs to know which page is which: when the letterhead has no footer of its own, a
// centered "Page X of Y" footer is added, and when it shows its header on the first page only, a
// running header names the letter on the pages after it.
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zipParts } from './docx-package';

const FOOTER_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer';
const HEADER_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const small = '<w:rPr><w:color w:val="666666"/><w:sz w:val="17"/></w:rPr>';
const run = (text: string) =>
  `<w:r>${small}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
const field = (instr: string, result: number) =>
  `<w:fldSimple w:instr="${instr}"><w:r>${small}<w:t>${result}</w:t></w:r></w:fldSimple>`;

function part(root: 'ftr' | 'hdr', paragraph: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} xmlns:w="${W}">${paragraph}</w:${root}>`;
}

/** The letter's .docx with page numbers (and a running header) where its letterhead has none. */
export function withPageFurniture(
  docx: Uint8Array,
  { subject, pages }: { subject: string; pages: number },
): Uint8Array {
  const files = unzipSync(docx);
  const documentXml = files['word/document.xml'];
  const relsXml = files['word/_rels/document.xml.rels'];
  const typesXml = files['[Content_Types].xml'];
  if (!documentXml || !relsXml || !typesXml) return docx;
  let body = strFromU8(documentXml);
  // The body's own section properties: the last sectPr in the document.
  const at = body.lastIndexOf('<w:sectPr');
  if (at < 0) return docx;
  const end = body.indexOf('>', at) + 1;
  const sectEnd = body.indexOf('</w:sectPr>', at);
  const sect = sectEnd > 0 ? body.slice(at, sectEnd) : body.slice(at, end);
  const hasFooter = /<w:footerReference\b[^>]*w:type="default"/.test(sect);
  const firstOnly =
    /<w:titlePg(\s|\/)/.test(sect) &&
    /<w:headerReference\b[^>]*w:type="first"/.test(sect) &&
    !/<w:headerReference\b[^>]*w:type="default"/.test(sect);
  if (hasFooter && !firstOnly) return docx;

  let rels = strFromU8(relsXml);
  let types = strFromU8(typesXml);
  const references: string[] = [];
  const add = (name: string, id: string, type: string, contentType: string, xml: string) => {
    files[`word/${name}`] = strToU8(xml);
    rels = rels.replace(
      '</Relationships>',
      `<Relationship Id="${id}" Type="${type}" Target="${name}"/></Relationships>`,
    );
    types = types.replace(
      '</Types>',
      `<Override PartName="/word/${name}" ContentType="${contentType}"/></Types>`,
    );
  };
  if (!hasFooter) {
    add(
      'footerAdvocatePages.xml',
      'rIdAdvocatePages',
      FOOTER_TYPE,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
      part(
        'ftr',
        `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run('Page ')}${field('PAGE', 1)}${run(' of ')}${field('NUMPAGES', pages)}</w:p>`,
      ),
    );
    references.push('<w:footerReference w:type="default" r:id="rIdAdvocatePages"/>');
    if (/<w:titlePg(\s|\/)/.test(sect) && !/w:footerReference\b[^>]*w:type="first"/.test(sect))
      references.push('<w:footerReference w:type="first" r:id="rIdAdvocatePages"/>');
  }
  if (firstOnly) {
    add(
      'headerAdvocateRunning.xml',
      'rIdAdvocateRunning',
      HEADER_TYPE,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
      part('hdr', `<w:p>${run(subject)}</w:p>`),
    );
    references.unshift('<w:headerReference w:type="default" r:id="rIdAdvocateRunning"/>');
  }
  // Header and footer references open the section properties, before anything else in them.
  body =
    body[end - 2] === '/'
      ? `${body.slice(0, end - 2)}>${references.join('')}</w:sectPr>${body.slice(end)}`
      : `${body.slice(0, end)}${references.join('')}${body.slice(end)}`;
  if (!/xmlns:r=/.test(body.slice(0, body.indexOf('>', body.indexOf('<w:document')))))
    body = body.replace(
      '<w:document',
      '<w:document xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
    );
  files['word/document.xml'] = strToU8(body);
  files['word/_rels/document.xml.rels'] = strToU8(rels);
  files['[Content_Types].xml'] = strToU8(types);
  return zipParts(Object.entries(files));
}
