// A Word 97–2003 .doc as text through word-extractor: body, headers, footers, footnotes,
// endnotes, comments and text boxes. The preview is that text in paragraphs.
import CFB from 'cfb';
import WordExtractor from 'word-extractor';
import { htmlOfText, tidyText } from './html-text.mjs';

/** OLE stream names are case-insensitive, but word-extractor looks them up exactly. */
const CANONICAL = ['WordDocument', '0Table', '1Table', 'Data'];

function withCanonicalNames(bytes) {
  const container = CFB.read(bytes, { type: 'buffer' });
  let renamed = false;
  for (const entry of container.FileIndex) {
    const canonical = CANONICAL.find((c) => c.toLowerCase() === entry.name.toLowerCase());
    if (canonical && entry.name !== canonical) {
      entry.name = canonical;
      renamed = true;
    }
  }
  if (!renamed) return bytes;
  // cfb rebuilds its paths from the names it holds.
  container.FullPaths = container.FullPaths.map((path) => {
    const parts = path.split('/');
    const last = parts.length - (path.endsWith('/') ? 2 : 1);
    const canonical = CANONICAL.find((c) => c.toLowerCase() === parts[last]?.toLowerCase());
    if (canonical) parts[last] = canonical;
    return parts.join('/');
  });
  return Buffer.from(CFB.write(container, { type: 'buffer' }));
}

const section = (title, text) => {
  const body = tidyText(text ?? '');
  return body ? `${title}\n${body}` : '';
};

/** Text and a paragraph preview of a legacy Word document. */
export async function convertDoc(bytes) {
  let doc;
  try {
    doc = await new WordExtractor().extract(withCanonicalNames(Buffer.from(bytes)));
  } catch {
    return {
      ok: false,
      problem:
        'it is an old Word document (.doc) whose text could not be read; it may be damaged. Open it in Word or LibreOffice and save it as .docx, then import that.',
    };
  }
  const headers = tidyText(doc.getHeaders({ includeFooters: false }));
  const footers = tidyText(doc.getFooters());
  const parts = [
    headers,
    tidyText(doc.getBody()),
    section('Text boxes', doc.getTextboxes({ includeHeadersAndFooters: true })),
    section('Footnotes', doc.getFootnotes()),
    section('Endnotes', doc.getEndnotes()),
    section('Comments', doc.getAnnotations()),
    footers,
  ].filter(Boolean);
  const text = parts.join('\n\n');
  return {
    ok: true,
    text,
    html: htmlOfText(text),
    warnings: [
      'An old Word (.doc) file: its text is shown without the original layout or pictures.',
    ],
    source: 'word',
  };
}
