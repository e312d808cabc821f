// The moving-computers archive: one zip holding the whole library. Each client is a file in the
// case exchange format (docs/case-exchange.md), extended with what a full copy needs: timestamps,
// each case's history, documents' previews, and each document's original bytes as a file of its
// own (documents/<sha256>) instead of base64.
import { z } from 'zod';
import { caseFields } from './case';
import { CASE_RECORDS } from './case-records';
import { clientInput } from './client';
import { contactInput } from './contact';
import { documentFields } from './document';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION } from './exchange';
import { profileInput } from './profile';

export const ARCHIVE_FORMAT = 'advocate-desk/archive';
export const ARCHIVE_VERSION = 1;

const stamp = z.iso.datetime({ offset: true });
const stamps = { createdAt: stamp, updatedAt: stamp };
const originalId = z.number().int().positive();

/** Where a document's bytes sit inside the archive. */
export const ARCHIVE_DOCUMENT_PATH = /^documents\/[0-9a-f]{64}$/;

const archiveRecord = <S extends z.ZodObject>(fields: S) =>
  fields.extend({
    ...stamps,
    originalId,
    /** Index, in this case's documents, of the document the fact was accepted from. */
    sourceDocument: z.number().int().min(0).nullable(),
  });

export const archiveDocument = documentFields.extend({
  ...stamps,
  originalId,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int().min(0),
  html: z.string().nullable(),
  warnings: z.array(z.string()),
  file: z.string().regex(ARCHIVE_DOCUMENT_PATH),
});

export const archiveHistoryEntry = z.object({
  tableName: z.string(),
  recordId: z.number().int(),
  action: z.enum(['create', 'update', 'delete']),
  field: z.string().nullable(),
  oldValue: z.union([z.string(), z.number()]).nullable(),
  newValue: z.union([z.string(), z.number()]).nullable(),
  changedAt: stamp,
  actor: z.string(),
});

export const archiveCase = caseFields.extend({
  ...stamps,
  originalId,
  diagnoses: z.array(archiveRecord(CASE_RECORDS.diagnoses)),
  treatments: z.array(archiveRecord(CASE_RECORDS.treatments)),
  assessments: z.array(archiveRecord(CASE_RECORDS.assessments)),
  communications: z.array(archiveRecord(CASE_RECORDS.communications)),
  deadlines: z.array(archiveRecord(CASE_RECORDS.deadlines)),
  documents: z.array(archiveDocument),
  history: z.array(archiveHistoryEntry),
});

/** One client file: the exchange format's envelope, with archive cases. */
export const archiveClientFile = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  version: z.literal(EXCHANGE_VERSION),
  client: clientInput.extend(stamps),
  cases: z.array(archiveCase),
});

export const archiveLibraryFile = z.object({
  profile: profileInput.extend(stamps).nullable(),
  contacts: z.array(contactInput.extend(stamps)),
});

export const archiveManifest = z.object({
  format: z.literal(ARCHIVE_FORMAT, { error: `must be "${ARCHIVE_FORMAT}"` }),
  version: z.literal(ARCHIVE_VERSION, {
    error: `must be ${ARCHIVE_VERSION}: this version of Advocate Desk reads version ${ARCHIVE_VERSION} archives`,
  }),
  createdAt: stamp,
  appVersion: z.string(),
  clients: z.array(z.string().regex(/^clients\/\d{6}\.json$/)),
});

export type ArchiveClientFile = z.output<typeof archiveClientFile>;
export type ArchiveCase = z.output<typeof archiveCase>;
export type ArchiveLibraryFile = z.output<typeof archiveLibraryFile>;
export type ArchiveManifest = z.output<typeof archiveManifest>;
