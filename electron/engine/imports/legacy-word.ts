// Tells the Word versions the .doc reader cannot read apart from Word 97–2003, from the start of
// the file (Word 1 and 2 are not OLE files) or of its WordDocument stream (the FIB header).

const SAVE_AS_DOCX =
  'Open it in Word or LibreOffice and save it as .docx (File › Save As › Word Document), then import that.';

/** FIB magic numbers: Word 97 and later, and Word 6.0/95. */
const WORD_97_IDENT = 0xa5ec;
const WORD_6_IDENT = 0xa5dc;
/** The first FIB version Word 97 wrote; Word 6.0 wrote 101, Word 95 104. */
const WORD_97_FIB = 0x00c0;
const F_ENCRYPTED = 0x0100;

/**
 * Why a Word file cannot be read as Word 97–2003, or null when it can. `container: true` (the
 * default): `bytes` is the WordDocument stream of an OLE file; false: the whole file.
 */
export function legacyWordProblem(
  bytes: Buffer,
  { container = true }: { container?: boolean } = {},
): string | null {
  if (!container) {
    if (bytes.length < 4) return null;
    const ident = bytes.readUInt16LE(0);
    if (ident === 0xa5db)
      return `it is a Word 2.0 document, older than the app can read. ${SAVE_AS_DOCX}`;
    if (ident === 0xa59b)
      return `it is a Word 1.x document, older than the app can read. ${SAVE_AS_DOCX}`;
    if (ident === 0xbe31 && bytes.readUInt16LE(2) === 0) {
      return `it is a Word for DOS (or Windows Write) document, older than the app can read. ${SAVE_AS_DOCX}`;
    }
    return null;
  }
  if (bytes.length < 0x20) return 'it is a damaged Word document (.doc) and cannot be read.';
  const ident = bytes.readUInt16LE(0);
  const fib = bytes.readUInt16LE(2);
  const flags = bytes.readUInt16LE(0x0a);
  if (ident === WORD_6_IDENT || (ident === WORD_97_IDENT && fib < WORD_97_FIB)) {
    return `it is a Word 6.0/95 document, older than the app can read. ${SAVE_AS_DOCX}`;
  }
  if (ident !== WORD_97_IDENT) return 'it is a damaged Word document (.doc) and cannot be read.';
  if (flags & F_ENCRYPTED) {
    return 'it is an old Word document (.doc) protected with a password. Open it in Word, remove the password (Tools › Options › Security), save it as .docx, and import that.';
  }
  return null;
}
