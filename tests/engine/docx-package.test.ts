// Letters are zipped by Node's zlib instead of docx.js's own zip: the package must hold exactly
// the parts docx.js would have written, each whole (its checksum and sizes right in both of the
// zip's records), whatever its name, and a docx.js without the compiler this relies on must be
// noticed here rather than slow every letter down unseen.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { IStylesOptions } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packDocx, packedNatively, zipParts } from '../../electron/engine/letters/docx-package';
import { NUMBERING, STYLES } from '../../electron/engine/letters/letter-styles';

/** Every entry of a zip, read from its central directory and checked against its local header. */
function entries(zip: Buffer) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end, 'end of central directory').toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  expect(at + zip.readUInt32LE(end + 12)).toBe(end);
  const found = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const flags = zip.readUInt16LE(at + 8);
    const crc = zip.readUInt32LE(at + 16);
    const packedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    // The local header says the same: sizes and checksum known up front, no data descriptor.
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    expect(zip.readUInt16LE(local + 6) & 0x08, `${name}: data descriptor`).toBe(0);
    expect(zip.readUInt32LE(local + 14)).toBe(crc);
    expect(zip.readUInt32LE(local + 18)).toBe(packedSize);
    expect(zip.readUInt32LE(local + 22)).toBe(size);
    expect(/[^\x20-\x7e]/.test(name) ? flags & 0x0800 : 0x0800).toBe(0x0800);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(start, start + packedSize));
    expect(data.length, name).toBe(size);
    expect(crc32(data), name).toBe(crc);
    found.set(name, data);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return found;
}

const letter = (text: string) =>
  new Document({
    title: 'Appeal',
    sections: [{ children: [new Paragraph({ children: [new TextRun(text)] })] }],
  });

/** A part's text with the package's times taken out (docx.js writes "now" into them). */
const timeless = (xml: string) => xml.replace(/(<dcterms:\w+[^>]*>)[^<]*/g, '$1');

describe('letters zipped by zlib', () => {
  it('packs from docx.js’s own compiler, not its slower zip', () => {
    expect(packedNatively).toBe(true);
  });

  it('holds the very parts docx.js would have zipped, in order, each whole', async () => {
    for (const text of ['Dear Medical Director,', 'A second letter, other words: ñ, é, 漢字.']) {
      const ours = entries(await packDocx(letter(text)));
      const theirs = unzipSync(await Packer.toBuffer(letter(text)));
      expect([...ours.keys()]).toEqual(Object.keys(theirs));
      for (const [name, data] of ours) {
        expect(timeless(data.toString('utf8')), name).toBe(timeless(strFromU8(theirs[name]!)));
      }
      expect(ours.get('word/document.xml')!.toString('utf8')).toContain(text);
    }
  });

  it('a style sheet shared by many documents is written once, and each package is still whole', async () => {
    const serif: IStylesOptions = { default: { document: { run: { font: 'Georgia', size: 24 } } } };
    const styled = (styles: IStylesOptions, text: string, listed: number) =>
      new Document({
        title: text,
        styles,
        numbering: NUMBERING,
        sections: [
          {
            children: [
              new Paragraph({ style: 'Heading2', children: [new TextRun(text)] }),
              ...Array.from(
                { length: listed },
                (_, i) =>
                  new Paragraph({
                    numbering: { reference: 'numbers', level: 0, instance: i % 2 },
                    children: [new TextRun(`${text}, point ${i + 1}`)],
                  }),
              ),
            ],
          },
        ],
      });
    // Two sheets under two names, taking turns, each with letters of other lengths and lists.
    for (const [text, listed] of [
      ['First', 0],
      ['Second', 3],
      ['Third', 1],
    ] as const) {
      for (const [name, styles] of [
        ['letter', STYLES],
        ['serif', serif],
      ] as const) {
        const ours = entries(await packDocx(styled(styles, `${name} ${text}`, listed), name));
        const theirs = unzipSync(await Packer.toBuffer(styled(styles, `${name} ${text}`, listed)));
        expect([...ours.keys()]).toEqual(Object.keys(theirs));
        for (const [part, data] of ours) {
          expect(timeless(data.toString('utf8')), `${name} ${text}: ${part}`).toBe(
            timeless(strFromU8(theirs[part]!)),
          );
        }
      }
    }
  });

  it('names and contents in any script survive, and a part seen before is packed the same', () => {
    const parts: [string, string | Uint8Array][] = [
      ['word/styles.xml', '<w:styles/>'],
      ['word/média/imagé-名前.bin', new Uint8Array([0, 1, 2, 250, 255])],
      ['word/document.xml', 'x'.repeat(50_000)],
    ];
    const first = entries(zipParts(parts));
    const again = entries(zipParts(parts));
    for (const [name, data] of parts) {
      const expected = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
      expect(first.get(name), name).toEqual(expected);
      expect(again.get(name), name).toEqual(expected);
    }
    // fflate, a reader of its own, agrees.
    expect(Object.keys(unzipSync(zipParts(parts)))).toEqual(parts.map(([name]) => name));
  });
});
