// The moving-computers archive: one zip holding the whole library. Each client is a file in the
// case exchange format (docs/case-exchange.md), extended with what a full copy needs: timestamps,
// each case's history, documents' previews, and each document's original bytes as a file of its
// own (documents/<sha256>) instead of base64.
import { RESPONSE_OUTCOME, SENT_CHANNEL } from './letter-journey';
import { tagText } from './case-tags';
import { z } from 'zod';
import { caseFields } from './case';
import { CASE_RECORDS } from './case-records';
import { clientInput } from './client';
import { contactInput } from './contact';
import { documentFields } from './document';
import { factDecisions } from './facts';
import {
  importedCaseFields,
  importedClientFields,
  importedContactFields,
  importedProfileFields,
} from './imported-fields';
import { EXCHANGE_FORMAT, exchangeVersion } from './exchange';
import { LETTER_KIND } from './letter';
import { profileInput } from './profile';
import { CLAIM_TYPE, denialFields } from './workflow';
import { CASE_STATUS } from './choices';
import { citationFields } from './evidence';
import { criteriaSetFields, criterionAnswer } from './criteria';
import { authorizationShape } from './authorization';

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

/** A record that keeps a deadline row: the row's `originalId`, relinked on import. */
const ownerRecord = <S extends z.ZodObject>(fields: S) =>
  archiveRecord(fields).extend({ deadline: originalId.nullable().default(null) });

/** A generated letter's origin: the template text and case data it was made from. */
export const archiveLetter = z.object({
  templateName: z.string(),
  kind: z.enum(LETTER_KIND.values),
  templateSource: z.string(),
  dataJson: z.string(),
  gaps: z.number().int().min(0),
  /** The template's and recipient's ids in the old library (`originalId` in library.json). */
  template: originalId.nullable(),
  recipient: originalId.nullable(),
  // Its journey once written (older archives: none): sent, the answer due, the answer.
  sentOn: z.string().nullable().default(null),
  sentChannel: z.enum(SENT_CHANNEL.values).nullable().default(null),
  sentReference: z.string().max(100).nullable().default(null),
  responseDueOn: z.string().nullable().default(null),
  responseRule: z.string().max(2000).nullable().default(null),
  /** The deadline row that carries the answer's due date, by its `originalId`. */
  responseDeadline: originalId.nullable().default(null),
  responseReceivedOn: z.string().nullable().default(null),
  responseOutcome: z.enum(RESPONSE_OUTCOME.values).nullable().default(null),
  responseNote: z.string().max(2000).nullable().default(null),
});

export const archiveDocument = documentFields.extend({
  ...stamps,
  originalId,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int().min(0),
  html: z.string().nullable(),
  warnings: z.array(z.string()),
  file: z.string().regex(ARCHIVE_DOCUMENT_PATH),
  letter: archiveLetter.nullable().default(null),
  /**
   * The facts rejected from it, and each accepted one with the record it became, named by that
   * record's `originalId` ("diagnoses:12"); older archives have none.
   */
  factDecisions: factDecisions.default({ rejected: [], accepted: {} }),
});

export const archiveStageMove = z.object({
  fromStage: z.enum(CASE_STATUS.values).nullable(),
  toStage: z.enum(CASE_STATUS.values),
  movedOn: z.string(),
  note: z.string().nullable(),
  claimType: z.enum(CLAIM_TYPE.values).nullable(),
  createdAt: stamp,
});

export const archiveDenial = z.object({
  ...denialFields.shape,
  ...stamps,
  originalId,
  computedOn: z.string().nullable(),
  rule: z.string(),
  /** The `originalId` of the deadline that carries its date, among this case's deadlines. */
  deadline: originalId.nullable(),
  /** Index, in this case's documents, of the notice it was recorded from (older archives: none). */
  sourceDocument: z.number().int().min(0).nullable().default(null),
});

export const archiveTemplate = z.object({
  ...stamps,
  originalId,
  builtinKey: z.string().nullable(),
  name: z.string(),
  kind: z.enum(LETTER_KIND.values),
  description: z.string(),
  source: z.string(),
});

/** A payer criteria set; a shipped example keeps its key. */
export const archiveCriteriaSet = criteriaSetFields.extend({
  ...stamps,
  originalId,
  starterKey: z.string().nullable(),
});

/** A case's link to its criteria set (the set's `originalId`) and the advocate's answers. */
export const archiveCaseCriteria = z.object({
  set: originalId.nullable(),
  answers: z.record(z.string(), criterionAnswer),
  ...stamps,
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
  ...importedCaseFields,
  ...stamps,
  originalId,
  diagnoses: z.array(archiveRecord(CASE_RECORDS.diagnoses)),
  treatments: z.array(archiveRecord(CASE_RECORDS.treatments)),
  assessments: z.array(archiveRecord(CASE_RECORDS.assessments)),
  communications: z.array(archiveRecord(CASE_RECORDS.communications)),
  deadlines: z.array(archiveRecord(CASE_RECORDS.deadlines)),
  // Older archives have none of these.
  accessAttempts: z.array(archiveRecord(CASE_RECORDS.accessAttempts)).default([]),
  networkRequests: z.array(ownerRecord(CASE_RECORDS.networkRequests)).default([]),
  peerCalls: z.array(archiveRecord(CASE_RECORDS.peerCalls)).default([]),
  enrolments: z.array(ownerRecord(CASE_RECORDS.enrolments)).default([]),
  benefitsChecks: z.array(archiveRecord(CASE_RECORDS.benefitsChecks)).default([]),
  documents: z.array(archiveDocument),
  history: z.array(archiveHistoryEntry),
  stageMoves: z.array(archiveStageMove).default([]),
  denials: z.array(archiveDenial).default([]),
  /** The `originalId`s of the library citations the case cites, in order (older archives: none). */
  citations: z.array(originalId).default([]),
  /** Answers to templates' own questions, by question (older archives: none). */
  answers: z.record(z.string().max(200), z.string().max(10000)).default({}),
  /** Older archives have none. */
  criteria: archiveCaseCriteria.nullable().default(null),
  /** The case's tags (older archives: none). */
  tags: z.array(tagText).default([]),
});

/** One client file: the exchange format's envelope, with archive cases. */
/** A client's authorization, its attached file named by the document's `originalId`. */
const archiveAuthorization = z.object({
  ...authorizationShape,
  documentId: z.null().default(null),
  document: originalId.nullable().default(null),
  ...stamps,
});

export const archiveClientFile = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  version: exchangeVersion,
  client: clientInput.safeExtend({ ...importedClientFields, ...stamps }),
  cases: z.array(archiveCase),
  /** Older archives: none. */
  authorizations: z.array(archiveAuthorization).default([]),
});

export const archiveLibraryFile = z.object({
  profile: profileInput
    .extend({
      ...importedProfileFields,
      ...stamps,
      letterheadName: z.string().nullable().default(null),
      /** The advocate's own letterhead .docx, stored like a document's bytes. */
      letterhead: z.string().regex(ARCHIVE_DOCUMENT_PATH).nullable().default(null),
    })
    .nullable(),
  contacts: z.array(
    contactInput.extend({
      ...importedContactFields,
      ...stamps,
      originalId: originalId.optional(),
    }),
  ),
  letterTemplates: z.array(archiveTemplate).default([]),
  /** The evidence library (older archives: none; this library's shipped ones stay). */
  citations: z
    .array(
      citationFields.extend({ ...stamps, originalId, sourceKey: z.string().max(200).nullable() }),
    )
    .default([]),
  criteriaSets: z.array(archiveCriteriaSet).default([]),
  /** The case list's saved views (older archives: none). */
  savedViews: z
    .array(
      z.object({ name: z.string().min(1).max(80), query: z.string().max(2000), createdAt: stamp }),
    )
    .default([]),
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
