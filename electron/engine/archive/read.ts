// Reads a whole-library archive and checks all of it before anything is written: the zip is
// unpacked by bounded-unzip (sizes that lie are stopped, names that repeat are refused), then
// every entry's schema, every document's checksum, and that nothing in it is left unaccounted for.
import { createHash } from 'node:crypto';
import { closeSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import {
  ARCHIVE_DOCUMENT_PATH,
  archiveClientFile,
  archiveLibraryFile,
  archiveManifest,
} from '../../contract/archive';
import type { ArchiveClientFile, ArchiveLibraryFile } from '../../contract/archive';
import { AppError } from '../../contract/errors';
import { openRegularFile } from '../../security/regular-file';
import { boundedUnzip, UnzipRefused } from '../imports/bounded-unzip';
import type { UnzipLimits, UnzipRefusal } from '../imports/bounded-unzip';
import { RECORD_KINDS } from './export';

const MB = 1024 * 1024;
/** Largest archive read (it is held in memory while it is checked). */
export const MAX_ARCHIVE_BYTES = 2 * 1024 ** 3;
const ENTRY_NAME = /^(manifest\.json|library\.json|clients\/\d{6}\.json|documents\/[0-9a-f]{64})$/;

/** A checked archive, ready to write. */
export interface ReadArchive {
  library: ArchiveLibraryFile;
  clients: ArchiveClientFile[];
  documents: Map<string, Uint8Array>;
}

/** What every archived record carries besides its own fields. */
export type ArchivedRecord = Record<string, unknown> & {
  originalId: number;
  sourceDocument: number | null;
  createdAt: string;
  updatedAt: string;
};
export const recordsOf = (
  kase: ArchiveClientFile['cases'][number],
  kind: (typeof RECORD_KINDS)[number],
) => kase[kind] as unknown as ArchivedRecord[];

export const bad = (file: string, why: string) =>
  new AppError('invalid-input', `${file} is not a usable Advocate Desk archive: ${why}`, 'file');

/**
 * Documents are stored uncompressed and the JSON deflates about tenfold, so a real archive
 * unpacks to a few times its size; fifty times (and at least 256 MB) leaves room and stops a bomb.
 */
export function archiveLimits(archiveBytes: number): UnzipLimits {
  return {
    maxEntries: 200_000,
    maxEntryBytes: 1024 * MB,
    maxTotalBytes: Math.min(2 * MAX_ARCHIVE_BYTES, Math.max(256 * MB, 50 * archiveBytes)),
    maxRatio: 200,
    ratioFromBytes: 16 * MB,
  };
}

function refusalWords(r: UnzipRefusal): string {
  switch (r.kind) {
    case 'name':
      return `it holds entries the app never writes (${r.entry}).`;
    case 'duplicate':
      return `it holds ${r.entry} twice, so which copy is meant is ambiguous.`;
    case 'too-many-entries':
      return `it holds more than ${r.limit} entries.`;
    case 'entry-too-large':
      return `${r.entry} would unpack to more than ${r.limit / MB} MB.`;
    case 'total-too-large':
      return `it would unpack to more than ${Math.round(r.limit / MB)} MB, far more than an archive of its size holds (a "zip bomb"); unpacking was stopped.`;
    case 'ratio':
      return `${r.entry} inflates ${r.ratio} times (a "zip bomb").`;
    case 'lies':
      return `${r.entry} unpacks to more than the ${r.declared} bytes it declares (a "zip bomb"); unpacking was stopped.`;
    case 'encrypted':
      return `${r.entry} is encrypted.`;
    case 'damaged':
      return `it is not a readable zip file (${r.detail}).`;
  }
}

function parseEntry<S extends z.ZodType>(
  file: string,
  entries: Map<string, Uint8Array>,
  name: string,
  schema: S,
): z.output<S> {
  const bytes = entries.get(name);
  if (!bytes) throw bad(file, `${name} is missing.`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw bad(file, `${name} is not valid JSON.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw bad(file, `${name}: ${issue.path.join('.') || '(top)'} ${issue.message}.`);
  }
  return parsed.data;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Unpacks the archive within its limits; every entry's bytes, by name. */
async function unpack(file: string): Promise<Map<string, Uint8Array>> {
  const opened = openRegularFile(file);
  if (!opened.ok) throw bad(file, opened.problem);
  try {
    if (opened.size > MAX_ARCHIVE_BYTES) throw bad(file, 'it is larger than 2 GB.');
    const bytes = readFileSync(opened.fd);
    closeSync(opened.fd);
    opened.fd = -1;
    const unzipped = await boundedUnzip(bytes, {
      limits: archiveLimits(opened.size),
      // From the central directory, before inflating: only our own names, so no entry can point
      // outside the archive ("../", absolute paths) or be something we never write.
      accept: (name) => ENTRY_NAME.test(name),
    });
    return unzipped.entries;
  } catch (error) {
    if (error instanceof UnzipRefused) throw bad(file, refusalWords(error.refusal));
    throw error;
  } finally {
    if (opened.fd >= 0) closeSync(opened.fd);
  }
}

/** Reads and checks the whole archive; throws, naming the file and the problem, before any write. */
export async function readArchive(file: string): Promise<ReadArchive> {
  const entries = await unpack(file);
  const manifest = parseEntry(file, entries, 'manifest.json', archiveManifest);
  const library = parseEntry(file, entries, 'library.json', archiveLibraryFile);
  // Everything in the archive must be accounted for: an entry nothing refers to would be
  // silently left behind, and one referred to twice would be written twice.
  const listed = new Set<string>();
  for (const name of manifest.clients) {
    if (listed.has(name)) throw bad(file, `its manifest lists ${name} twice.`);
    listed.add(name);
  }
  for (const name of entries.keys()) {
    if (name.startsWith('clients/') && !listed.has(name)) {
      throw bad(file, `${name} is not in its manifest, so it would be left out.`);
    }
  }
  const builtIns = new Set<string>();
  for (const t of library.letterTemplates) {
    if (t.builtinKey && builtIns.has(t.builtinKey)) {
      throw bad(file, `it holds the built-in template "${t.builtinKey}" twice.`);
    }
    if (t.builtinKey) builtIns.add(t.builtinKey);
  }
  const clients = manifest.clients.map((name) =>
    parseEntry(file, entries, name, archiveClientFile),
  );

  const documents = new Map<string, Uint8Array>();
  const letterhead = library.profile?.letterhead;
  if (letterhead) {
    const bytes = entries.get(letterhead);
    if (!bytes || `documents/${sha256(bytes)}` !== letterhead) {
      throw bad(file, 'the letterhead document is missing or damaged.');
    }
    documents.set(letterhead, bytes);
  }
  for (const [c, client] of clients.entries()) {
    for (const kase of client.cases) {
      for (const doc of kase.documents) {
        const bytes = entries.get(doc.file);
        if (!ARCHIVE_DOCUMENT_PATH.test(doc.file) || !bytes) {
          throw bad(file, `${manifest.clients[c]}: the bytes of ${doc.fileName} are missing.`);
        }
        const sha = sha256(bytes);
        if (sha !== doc.sha256 || `documents/${sha}` !== doc.file) {
          throw bad(file, `${doc.fileName} does not match its checksum: the archive is damaged.`);
        }
        documents.set(doc.file, bytes);
      }
      for (const kind of RECORD_KINDS) {
        for (const r of recordsOf(kase, kind)) {
          if (r.sourceDocument !== null && r.sourceDocument >= kase.documents.length) {
            throw bad(file, `${manifest.clients[c]}: a ${kind} record names a missing document.`);
          }
        }
      }
    }
  }
  for (const name of entries.keys()) {
    if (name.startsWith('documents/') && !documents.has(name)) {
      throw bad(file, `${name} belongs to no record, so it would be left out.`);
    }
  }
  return { library, clients, documents };
}
