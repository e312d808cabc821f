// Inflates a zip entry by entry while counting the bytes that really come out, so a zip whose
// headers lie about its sizes (a "zip bomb") is stopped at its limit instead of filling memory.
// The central directory is checked first (names, count, declared sizes and ratios), then every
// entry is inflated no further than the first limit it would pass (what it declared, or a limit).
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

export interface UnzipLimits {
  /** Most entries in the zip. */
  maxEntries: number;
  /** Largest size any one entry may inflate to. */
  maxEntryBytes: number;
  /** Largest total all entries may inflate to. */
  maxTotalBytes: number;
  /** Largest inflate ratio of an entry that declares more than `ratioFromBytes`. */
  maxRatio: number;
  ratioFromBytes: number;
}

/** Why a zip was refused; each caller words it for its own kind of file. */
export type UnzipRefusal =
  | { kind: 'damaged'; detail: string }
  | { kind: 'too-many-entries'; limit: number }
  | { kind: 'entry-too-large'; entry: string; limit: number }
  | { kind: 'total-too-large'; limit: number }
  | { kind: 'ratio'; entry: string; ratio: number }
  | { kind: 'lies'; entry: string; declared: number }
  | { kind: 'duplicate'; entry: string }
  | { kind: 'encrypted'; entry: string }
  | { kind: 'name'; entry: string };

export class UnzipRefused extends Error {
  constructor(readonly refusal: UnzipRefusal) {
    super(`zip refused: ${JSON.stringify(refusal)}`);
    this.name = 'UnzipRefused';
  }
}

export interface UnzipOptions {
  limits: UnzipLimits;
  /** Whether an entry's name is acceptable (asked from the central directory, before inflating). */
  accept?: (name: string) => boolean;
  /** Whether to keep an entry's bytes; the others are inflated, counted and dropped. */
  keep?: (name: string) => boolean;
}

export interface Unzipped {
  /** Kept entries' bytes, in the zip's order. */
  entries: Map<string, Buffer>;
  /** Every entry's name, in the zip's order. */
  names: string[];
  /** Bytes really inflated, all entries together. */
  inflatedBytes: number;
}

const YAUZL_OPTIONS = { lazyEntries: true, autoClose: false, validateEntrySizes: true } as const;

function openZip(source: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: ZipFile) =>
      error || !zip
        ? reject(new UnzipRefused({ kind: 'damaged', detail: error?.message ?? 'unreadable' }))
        : resolve(zip);
    yauzl.fromBuffer(source, YAUZL_OPTIONS, done);
  });
}

/** Every central-directory entry, checked against the limits before anything is inflated. */
function listEntries(zip: ZipFile, options: UnzipOptions): Promise<Entry[]> {
  const { limits, accept } = options;
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    const seen = new Set<string>();
    let declared = 0;
    const refuse = (refusal: UnzipRefusal) => {
      zip.removeAllListeners();
      reject(new UnzipRefused(refusal));
    };
    zip.on('error', (error: Error) => {
      // yauzl's own refusal of a name that would leave the folder it is unpacked into.
      const name =
        /^(?:invalid characters in fileName|absolute path|invalid relative path): (.*)$/s.exec(
          error.message,
        );
      refuse(name ? { kind: 'name', entry: name[1]! } : { kind: 'damaged', detail: error.message });
    });
    zip.on('entry', (entry: Entry) => {
      const name = entry.fileName;
      declared += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      // Names are compared as a file system that ignores case would: two that differ only in
      // case are as ambiguous as two that are the same.
      const key = name.normalize('NFC').toLowerCase();
      if (entries.length >= limits.maxEntries)
        return refuse({ kind: 'too-many-entries', limit: limits.maxEntries });
      if (seen.has(key)) return refuse({ kind: 'duplicate', entry: name });
      if (accept && !accept(name)) return refuse({ kind: 'name', entry: name });
      if (entry.isEncrypted()) return refuse({ kind: 'encrypted', entry: name });
      if (entry.uncompressedSize > limits.maxEntryBytes)
        return refuse({ kind: 'entry-too-large', entry: name, limit: limits.maxEntryBytes });
      if (declared > limits.maxTotalBytes)
        return refuse({ kind: 'total-too-large', limit: limits.maxTotalBytes });
      if (ratio > limits.maxRatio && entry.uncompressedSize > limits.ratioFromBytes)
        return refuse({ kind: 'ratio', entry: name, ratio: Math.round(ratio) });
      seen.add(key);
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => {
      zip.removeAllListeners();
      // Reading entries reports its problems through each stream; nothing left may throw.
      zip.on('error', () => undefined);
      resolve(entries);
    });
    zip.readEntry();
  });
}

/**
 * Inflates one entry, counting its bytes; stops the moment it passes a limit. yauzl reads the
 * raw entry and zlib inflates it in one native call capped at what the entry may hold
 * (`maxOutputLength` stops zlib as soon as more comes out): many times faster than a stream
 * per entry, and a lying entry never inflates past the size it declared.
 */
function inflateEntry(
  zip: ZipFile,
  entry: Entry,
  keep: boolean,
  budget: { left: number; limits: UnzipLimits },
): Promise<Buffer | null> {
  const name = entry.fileName;
  const damaged = (detail: string) => new UnzipRefused({ kind: 'damaged', detail });
  return new Promise((resolve, reject) => {
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      reject(damaged(`${name}: compression method ${entry.compressionMethod}`));
      return;
    }
    zip.openReadStream(entry, { decodeFileData: false }, (openError, stream) => {
      if (openError || !stream) {
        reject(damaged(openError?.message ?? name));
        return;
      }
      const raw: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => raw.push(chunk));
      stream.on('error', (error: Error) => reject(damaged(`${name}: ${error.message}`)));
      stream.on('end', () => {
        try {
          const bytes = inflateWithin(entry, Buffer.concat(raw), budget);
          budget.left -= bytes.length;
          resolve(keep ? bytes : null);
        } catch (error) {
          reject(error);
        }
      });
    });
  });
}

/** The entry's bytes, inflated no further than the first limit it would pass. */
function inflateWithin(
  entry: Entry,
  raw: Buffer,
  { left, limits }: { left: number; limits: UnzipLimits },
): Buffer {
  const name = entry.fileName;
  // The first limit an entry would pass, and what passing it means.
  const caps: [number, UnzipRefusal][] = [
    [entry.uncompressedSize, { kind: 'lies', entry: name, declared: entry.uncompressedSize }],
    [limits.maxEntryBytes, { kind: 'entry-too-large', entry: name, limit: limits.maxEntryBytes }],
    [left, { kind: 'total-too-large', limit: limits.maxTotalBytes }],
  ];
  const [cap, passed] = caps.reduce((a, b) => (b[0] < a[0] ? b : a));
  let bytes: Buffer;
  if (entry.compressionMethod === 0) bytes = raw;
  else {
    try {
      bytes = inflateRawSync(raw, { maxOutputLength: Math.max(cap, 0) + 1 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new UnzipRefused(passed);
      }
      throw new UnzipRefused({ kind: 'damaged', detail: `${name}: ${(error as Error).message}` });
    }
  }
  if (bytes.length > cap) throw new UnzipRefused(passed);
  // A stream that ends short of what the entry declared is damaged (or cut off).
  if (bytes.length !== entry.uncompressedSize) {
    throw new UnzipRefused({
      kind: 'damaged',
      detail: `${name}: ${bytes.length} of ${entry.uncompressedSize} bytes`,
    });
  }
  return bytes;
}

/** Reads a zip from its bytes within `limits`; throws UnzipRefused saying why. */
export async function boundedUnzip(source: Buffer, options: UnzipOptions): Promise<Unzipped> {
  const zip = await openZip(source);
  try {
    const list = await listEntries(zip, options);
    const budget = { left: options.limits.maxTotalBytes, limits: options.limits };
    const entries = new Map<string, Buffer>();
    for (const entry of list) {
      if (entry.fileName.endsWith('/')) continue;
      const keep = options.keep ? options.keep(entry.fileName) : true;
      const bytes = await inflateEntry(zip, entry, keep, budget);
      if (bytes) entries.set(entry.fileName, bytes);
    }
    return {
      entries,
      names: list.map((e) => e.fileName),
      inflatedBytes: options.limits.maxTotalBytes - budget.left,
    };
  } finally {
    zip.close();
  }
}
