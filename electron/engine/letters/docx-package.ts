// A docx.js document as .docx bytes: docx.js writes every part's XML, and Node's own zlib deflates
// the parts. docx.js zips with fflate's deflate written in JavaScript, which takes a third of a
// letter's time; zlib deflates the same parts in under a millisecond. The zip libraries that use
// zlib deflate on its thread pool, one round trip per part (slower here than fflate), or build
// every entry as an object first: the few fixed records of a zip are written here instead.
import { Packer } from 'docx';
import type { Document } from 'docx';
import { crc32, deflateRawSync } from 'node:zlib';

/** The parts of a package by their paths, in the order docx.js would zip them. */
type Parts = Iterable<[string, string | Uint8Array]>;

interface PartFormatter {
  format(input: unknown, context: unknown): unknown;
}

interface PartCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
  formatter: PartFormatter;
}

/**
 * docx.js's own compiler, which `Packer` zips the output of. It is not in docx.js's typed API, so
 * it is checked for here: a docx.js without it is packed by `Packer` itself, only slower.
 */
function partCompiler(): PartCompiler | null {
  const found = (Packer as unknown as { compiler?: Partial<PartCompiler> }).compiler;
  return typeof found?.compile === 'function' && typeof found.formatter?.format === 'function'
    ? (found as PartCompiler)
    : null;
}

const compiler = partCompiler();

/** Whether documents are packed by zlib (true) or by docx.js's own zip (false). */
export const packedNatively = compiler !== null;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** Zip 2.0: deflate, no zip64 (a letter is far from 4 GB or 65,535 parts). */
const VERSION = 20;
const DEFLATE = 8;
/** General purpose flag 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;

/** The date and time as MS-DOS writes them, which is what a zip records. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getFullYear());
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

interface Deflated {
  raw: number;
  crc: number;
  packed: Buffer;
}

/**
 * Parts deflated lately, by their text: most of a letter's parts (styles, theme, numbering,
 * settings) are the same in every letter, and are deflated once. Least recently used go first;
 * parts larger than a letter's own are never kept.
 */
const recent = new Map<string, Deflated>();
const RECENT_KEPT = 64;
const RECENT_LARGEST = 16 * 1024;

function deflate(raw: Uint8Array): Deflated {
  return { raw: raw.length, crc: crc32(raw), packed: deflateRawSync(raw) };
}

function deflated(data: string | Uint8Array): Deflated {
  if (typeof data !== 'string') return deflate(data);
  if (data.length > RECENT_LARGEST) return deflate(Buffer.from(data, 'utf8'));
  // Taken out and put back as the most recent.
  const made = recent.get(data) ?? deflate(Buffer.from(data, 'utf8'));
  recent.delete(data);
  recent.set(data, made);
  if (recent.size > RECENT_KEPT) recent.delete(recent.keys().next().value as string);
  return made;
}

/** Zips the parts of a package, each deflated by zlib, sizes and checksums in every header. */
export function zipParts(parts: Parts, at: Date = new Date()): Buffer {
  const { time, date } = dosDateTime(at);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const [path, data] of parts) {
    const name = Buffer.from(path, 'utf8');
    const { raw, crc, packed } = deflated(data);
    const flags = name.length === path.length ? 0 : UTF8_NAME;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL, 0);
    entry.writeUInt16LE(VERSION, 4);
    // From the local header's version on, the central record repeats it field for field.
    local.copy(entry, 6, 4, 30);
    // Comment length, disk, internal and external attributes: none.
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    chunks.push(local, name, packed);
    offset += local.length + name.length + packed.length;
    count += 1;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/**
 * The parts a document's style sheet makes, and what makes each in docx.js. Formatting them is a
 * quarter of docx.js's work on a letter (Office's theme alone is as long as a letter), though they
 * only change with the options the document was made with.
 */
const STYLE_SHEET_PARTS = [
  { path: 'word/styles.xml', of: (doc: Document) => doc.Styles },
  { path: 'word/theme/theme1.xml', of: (doc: Document) => doc.Theme },
] as const;

/** The XML of style sheets already written, by the name their documents were packed under. */
const styleSheets = new Map<string, Map<string, string>>();

/** Compiles a document, its style sheet's parts taken from `sheet` rather than written again. */
function compileWith(
  parts: PartCompiler,
  doc: Document,
  sheet: Map<string, string>,
): Map<string, string | Uint8Array> {
  const skipped = new Set<unknown>(STYLE_SHEET_PARTS.map(({ of }) => of(doc)));
  const { formatter } = parts;
  // docx.js formats every part through its one formatter; for a part whose XML is known it gets
  // an empty element, written in no time and replaced below.
  parts.formatter = {
    format: (input, context) =>
      skipped.has(input) ? { kept: {} } : formatter.format(input, context),
  };
  try {
    const compiled = parts.compile(doc);
    // Set on a key it holds, a Map keeps the key's place: the parts stay in docx.js's order.
    for (const [path, xml] of sheet) compiled.set(path, xml);
    return compiled;
  } finally {
    parts.formatter = formatter;
  }
}

/**
 * A docx.js document as the bytes of a .docx file.
 *
 * `styleSheet` names the options its styles and theme were made from, for a caller that makes
 * many documents from the same ones: the first document packed under a name writes those parts,
 * and later ones reuse them. Documents whose styles or theme differ must not share a name.
 */
export async function packDocx(doc: Document, styleSheet?: string): Promise<Buffer> {
  if (!compiler) return Packer.toBuffer(doc);
  const sheet = styleSheet === undefined ? undefined : styleSheets.get(styleSheet);
  if (sheet) return zipParts(compileWith(compiler, doc, sheet));
  const parts = compiler.compile(doc);
  if (styleSheet !== undefined) {
    const written = new Map<string, string>();
    for (const { path } of STYLE_SHEET_PARTS) {
      const xml = parts.get(path);
      if (typeof xml === 'string') written.set(path, xml);
    }
    // A docx.js that stops writing one of them is not second-guessed: nothing is kept.
    if (written.size === STYLE_SHEET_PARTS.length) styleSheets.set(styleSheet, written);
  }
  return zipParts(parts);
}
