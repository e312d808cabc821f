// Zip files whose headers lie, built by hand: each entry's data is really deflated, then its
// local and central headers declare a small uncompressed size, as a hostile file would.
import { Deflate } from 'fflate';
import { constants, deflateRawSync } from 'node:zlib';

export interface LyingEntry {
  name: string;
  /** The bytes the entry really holds, or a count of zero bytes to deflate. */
  content: Uint8Array | number;
  /** The uncompressed size its headers claim (the truth when omitted). */
  declares?: number;
}

/**
 * Raw deflate of `size` zero bytes (a multiple of 1 MB) without holding them: one 1 MB block,
 * flushed so it stands alone (byte-aligned, no back-references before it), repeated, then an
 * empty final block. 1 GB comes to about 1 MB.
 */
function deflateZeros(size: number): Uint8Array {
  const block = deflateRawSync(new Uint8Array(MB), {
    level: 9,
    finishFlush: constants.Z_FULL_FLUSH,
  });
  const blocks = Math.ceil(size / MB);
  return Buffer.concat([...Array.from({ length: blocks }, () => block), FINAL_EMPTY_BLOCK]);
}

const MB = 1024 * 1024;
/** BFINAL=1, fixed Huffman, end-of-block: the smallest last block. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

function deflated(content: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => out.push(chunk));
  deflate.push(content, true);
  return Buffer.concat(out);
}

/** A zip of `entries`, deflated, with the sizes each one declares written into both headers. */
export function lyingZip(entries: LyingEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data =
      typeof entry.content === 'number' ? deflateZeros(entry.content) : deflated(entry.content);
    const trueSize = typeof entry.content === 'number' ? entry.content : entry.content.length;
    const declared = entry.declares ?? trueSize;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 14); // crc (yauzl and JSZip do not check it by default)
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(data));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;

/** A .docx whose word/document.xml says 2 kB and inflates to `inflates` bytes. */
export function docxBomb(inflates: number): Buffer {
  return lyingZip([
    { name: '[Content_Types].xml', content: Buffer.from(CONTENT_TYPES) },
    { name: 'word/document.xml', content: inflates, declares: 2048 },
  ]);
}
