// Inflates a zip entry by entry while counting the bytes that really come out, so a zip whose
// headers lie about its sizes (a "zip bomb") is stopped at its limit instead of filling memory.
// The central directory is checked first (names, count, declared sizes and ratios), then every
// entry is inflated as a stream and stopped the moment it passes what it declared or a limit.
import { Inflate } from 'fflate';
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

/** Compressed bytes handed to the inflater at a time: at most ~1 MB can come out of one push. */
const PUSH_BYTES = 1024;

/**
 * Inflates one entry, counting its bytes; stops the moment it passes a limit. yauzl reads the
 * raw entry and fflate inflates it in this thread, a few kilobytes at a time: many times
 * faster than a zlib stream per entry, and the count is checked after every piece.
 */
function inflateEntry(
  zip: ZipFile,
  entry: Entry,
  keep: boolean,
  budget: { left: number; limits: UnzipLimits },
): Promise<Buffer | null> {
  const name = entry.fileName;
  return new Promise((resolve, reject) => {
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      reject(
        new UnzipRefused({
          kind: 'damaged',
          detail: `${name}: compression method ${entry.compressionMethod}`,
        }),
      );
      return;
    }
    zip.openReadStream(entry, { decodeFileData: false }, (openError, stream) => {
      if (openError || !stream) {
        reject(new UnzipRefused({ kind: 'damaged', detail: openError?.message ?? name }));
        return;
      }
      const chunks: Uint8Array[] = [];
      let got = 0;
      let settled = false;
      const fail = (refusal: UnzipRefusal) => {
        if (settled) return;
        settled = true;
        stream.destroy();
        reject(new UnzipRefused(refusal));
      };
      /** Counts what came out; throws UnzipRefused the moment a limit is passed. */
      const take = (data: Uint8Array) => {
        got += data.length;
        budget.left -= data.length;
        if (got > entry.uncompressedSize)
          throw new UnzipRefused({ kind: 'lies', entry: name, declared: entry.uncompressedSize });
        if (got > budget.limits.maxEntryBytes)
          throw new UnzipRefused({
            kind: 'entry-too-large',
            entry: name,
            limit: budget.limits.maxEntryBytes,
          });
        if (budget.left < 0)
          throw new UnzipRefused({ kind: 'total-too-large', limit: budget.limits.maxTotalBytes });
        if (keep) chunks.push(data);
      };
      const inflater = entry.compressionMethod === 8 ? new Inflate(take) : null;
      const push = (raw: Uint8Array, final: boolean) => {
        if (!inflater) return take(raw);
        if (raw.length === 0) return inflater.push(raw, final);
        for (let at = 0; at < raw.length; at += PUSH_BYTES) {
          const end = Math.min(at + PUSH_BYTES, raw.length);
          inflater.push(raw.subarray(at, end), final && end === raw.length);
        }
      };
      const guarded = (work: () => void) => {
        // A destroyed stream may still hand over what it had read: none of it is inflated.
        if (settled) return;
        try {
          work();
        } catch (error) {
          fail(
            error instanceof UnzipRefused
              ? error.refusal
              : { kind: 'damaged', detail: `${name}: ${(error as Error).message}` },
          );
        }
      };
      stream.on('data', (raw: Buffer) => guarded(() => push(raw, false)));
      stream.on('error', (error: Error) =>
        fail({ kind: 'damaged', detail: `${name}: ${error.message}` }),
      );
      stream.on('end', () => {
        guarded(() => push(new Uint8Array(0), true));
        if (settled) return;
        // A stream that ends short of what the entry declared is damaged (or cut off).
        if (got !== entry.uncompressedSize) {
          fail({ kind: 'damaged', detail: `${name}: ${got} of ${entry.uncompressedSize} bytes` });
          return;
        }
        settled = true;
        resolve(keep ? Buffer.concat(chunks, got) : null);
      });
    });
  });
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
