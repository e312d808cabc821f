// Turns mammoth's and the XML parser's messages into sentences an advocate can act on: a raw
// "[xmldom error]" or a style ID means nothing to the person reading the record.

/** The problem with a Word file mammoth could not read at all. */
export function unreadableWord(error) {
  const message = error instanceof Error ? error.message : String(error);
  if (/xmldom|entity|unclosed|mismatched|not well-formed|end tag/i.test(message)) {
    return 'it is damaged: part of its text is not valid Word XML (Word itself would refuse to open it). Try opening it in LibreOffice and saving it again as .docx.';
  }
  if (/central directory|zip|corrupt/i.test(message)) {
    return 'it is damaged or incomplete (the zip inside a .docx could not be read). Try saving it again in Word.';
  }
  if (/Could not find file in options|main document part|word\/document/i.test(message)) {
    return 'it is not a complete Word document (its main text part is missing).';
  }
  return 'its contents could not be read; it may be damaged. Try opening it in Word or LibreOffice and saving it again as .docx.';
}

/** Warnings worth showing beside the preview, each once, in plain words. */
export function humaneWarnings(messages) {
  const out = [];
  for (const m of messages) {
    const text = String(m.message ?? '');
    const external = /could not read external image '([^']*)'/.exec(text);
    if (external) {
      const name = external[1].split(/[\\/]/).pop();
      out.push(
        `A picture linked from outside the file (${name}) is not shown: the app never opens files a document points to.`,
      );
    } else if (/Unrecognised (paragraph|run|table) style|referenced but not defined/.test(text)) {
      // A style shown as plain text loses nothing a reader needs: not worth a warning.
    } else if (m.type === 'error') {
      out.push('Part of the document could not be read and may be missing from the preview.');
    } else {
      out.push('Some formatting could not be kept exactly; the text is all there.');
    }
  }
  return [...new Set(out)];
}
