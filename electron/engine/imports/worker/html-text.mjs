// Plain text from the HTML we store, and HTML from plain text: one definition of "a line" for
// every format, so search, facts and the preview agree.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/**
 * Plain text from mammoth's HTML rather than extractRawText, which drops line breaks inside a
 * paragraph (address blocks, "Label: value" forms) and runs their lines together. A list opening
 * inside an item starts a new line, so a nested item never runs into its parent's words.
 */
export function textOfHtml(html) {
  return (
    html
      // Footnotes' "back to the text" arrows are links, not words.
      .replace(/<a href="#(?:foot|end)note-ref-[^"]*">↑<\/a>/g, '')
      // A nested list ends with its parent item: one line break, not two.
      .replace(/<\/(?:ol|ul)>\s*<\/li>/g, '')
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<\/p>(?=\s*<\/t[dh]>)/g, '')
      .replace(/<(ol|ul)\b[^>]*>/g, '\n')
      .replace(/<\/(p|h[1-6]|li|tr|table|ol|ul|header|footer)>/g, '\n')
      .replace(/<\/t[dh]>/g, '\t')
      .replace(/<[^>]*>/g, '')
      .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name) => ENTITIES[name])
      .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
      .replace(/&#x([0-9a-f]+);/gi, (_, code) => String.fromCodePoint(parseInt(code, 16)))
      .replace(/[ \t]+\n/g, '\n')
      .replace(/^\n+/, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

export function escapeHtml(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Paragraphs (blank-line separated) as <p>, their inner line breaks as <br>. */
export function htmlOfText(text) {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** Tidies extracted text the same way for every format: no trailing spaces, at most one blank line. */
export function tidyText(text) {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
