// The whole API the UI may call: each call's name, the schema its arguments must pass, and its
// result type. The engine implements it; Electron IPC, the browser host and the CLI carry it.
import { z } from 'zod';
import { caseInput, caseListFilters, caseListQuery, caseUpdate } from './case';
import { caseLetters, letterResponse, letterSent } from './letter-journey';
import { packetGenerate, packetRequest } from './packet';
import type { GeneratedPacket, PacketPreview } from './packet';
import { caseTagsSet, savedViewCreate, savedViewRename } from './case-tags';
import { caseTimeline } from './timeline';
import type { CaseTimeline } from './timeline';
import type { SavedView, TagCount } from './case-tags';
import type { CaseLetterList, LetterJourney } from './letter-journey';
import type { Case, CaseDetail, CaseList, CaseSummary } from './case';
import { pageArgs } from './paging';
import type { Page } from './paging';
import { clientInput, clientUpdate } from './client';
import type { Client, ClientSummary } from './client';
import { CASE_RECORDS, recordCreate, recordUpdate } from './case-records';
import type { CaseRecordTypes } from './case-records';
import { contactInput, contactListQuery, contactUpdate, lawmakerImport } from './contact';
import type { Contact, LawmakerImportResult } from './contact';
import { documentImport, documentImportFile, documentUpdate } from './document';
import type { DocumentInfo, DocumentView, FileImportResult, ImportSummary } from './document';
import { exchangeFile } from './exchange';
import { factAccept, factAcceptAll, factCheck, factDecision, factReviewArgs } from './facts';
import type {
  DenialDraft,
  DuplicateCheck,
  FactAcceptAllResult,
  FactAcceptResult,
  FactReview,
  Proposal,
} from './facts';
import type { ExchangeFileValues, ExchangeImportResult } from './exchange';
import { id } from './fields';
import {
  caseAnswerSave,
  documentSave,
  letterBatch,
  letterGenerate,
  letterheadSet,
  letterPreview,
  templateSave,
} from './letter';
import type {
  BatchLetter,
  CaseQuestions,
  DocumentFile,
  Placeholder,
  GeneratedLetter,
  LetterheadInfo,
  LetterPreview,
  Template,
  TemplateSummary,
} from './letter';
import { casePick, citationFields, citationListQuery, citationUpdate } from './evidence';
import type { CaseCitations, Citation, CitationList } from './evidence';
import { profileUpdate } from './profile';
import type { Profile } from './profile';
import {
  calendarExport,
  communicationLog,
  dashboardQuery,
  denialFields,
  denialPreview,
  denialUpdate,
  stageMove,
  stageMoveMany,
} from './workflow';
import type {
  CalendarFile,
  CaseWorkflow,
  CommunicationLogResult,
  Dashboard,
  DenialView,
  StageMove,
  StageMoveMany,
} from './workflow';
import {
  archiveExport,
  archiveImport,
  backupCreate,
  backupFile,
  backupFolder,
  caseHistoryQuery,
  saveOriginalsArgs,
} from './safety';
import type {
  ArchiveImportResult,
  ArchiveSummary,
  BackupInfo,
  BackupList,
  BackupPreview,
  HistoryEntry,
  LibraryCheck,
  RestoreResult,
  SavedOriginals,
} from './safety';
import { defaultRecipientArgs } from './first-run';
import { customTreatment, customTreatmentRemove } from './vocabulary';
import type { CustomTreatment } from './vocabulary';
import {
  caseCriteriaAnswer,
  caseCriteriaLink,
  criteriaSetFields,
  criteriaSetUpdate,
} from './criteria';
import type { CaseCriteria, CriteriaSet, CriteriaSetSummary } from './criteria';
import type { AppSettings, SampleRemoval, SampleStatus } from './first-run';

import {
  authorizationCreate,
  authorizationList,
  authorizationUpdate,
  caseAuthorizationsQuery,
  expiringAuthorizationsQuery,
} from './authorization';
import type { AuthorizationView, ExpiringAuthorization } from './authorization';

const byId = z.object({ id });
const none = z.object({}).default({});
/** A list filtered by typed words, a page at a time. */
const pagedQuery = z
  .object({ query: z.string().trim().max(200).optional(), ...pageArgs(100) })
  .default({ limit: 100, offset: 0 });

const {
  diagnoses,
  treatments,
  assessments,
  communications,
  deadlines,
  accessAttempts,
  networkRequests,
  peerCalls,
  enrolments,
  benefitsChecks,
} = CASE_RECORDS;

/** Argument schemas, by call name. */
export const apiArgs = {
  'app.info': none,
  /** Moves the library file to another folder and carries on there. */
  'library.move': z.object({
    folder: z.string().trim().min(1, { error: 'is required' }).max(4096),
  }),
  /** A token that changes whenever the library does (here, in another tab, or from the CLI). */
  'library.revision': none,
  /** How the background check of the library file is going, and what it found. */
  'library.check': none,

  'profile.get': none,
  'profile.update': profileUpdate,

  'clients.list': pagedQuery,
  'clients.get': byId,
  'clients.create': clientInput,
  'clients.update': clientUpdate,
  'clients.delete': byId,

  'cases.list': caseListQuery,
  'cases.export': caseListFilters.default({}),
  'cases.choices': none,
  'cases.timeline': caseTimeline,
  'caseTags.set': caseTagsSet,
  'caseTags.list': none,
  'views.list': none,
  'views.create': savedViewCreate,
  'views.rename': savedViewRename,
  'views.delete': byId,
  'cases.get': byId,
  'cases.create': caseInput,
  'cases.update': caseUpdate,
  'cases.delete': byId,

  'diagnoses.create': recordCreate(diagnoses),
  'diagnoses.update': recordUpdate(diagnoses),
  'diagnoses.delete': byId,
  'treatments.create': recordCreate(treatments),
  'treatments.update': recordUpdate(treatments),
  'treatments.delete': byId,
  'assessments.create': recordCreate(assessments),
  'assessments.update': recordUpdate(assessments),
  'assessments.delete': byId,
  'communications.create': recordCreate(communications),
  'communications.update': recordUpdate(communications),
  'communications.delete': byId,
  'deadlines.create': recordCreate(deadlines),
  'deadlines.update': recordUpdate(deadlines),
  'deadlines.delete': byId,
  'accessAttempts.create': recordCreate(accessAttempts),
  'accessAttempts.update': recordUpdate(accessAttempts),
  'accessAttempts.delete': byId,
  'networkRequests.create': recordCreate(networkRequests),
  'networkRequests.update': recordUpdate(networkRequests),
  'networkRequests.delete': byId,
  'peerCalls.create': recordCreate(peerCalls),
  'peerCalls.update': recordUpdate(peerCalls),
  'peerCalls.delete': byId,
  'enrolments.create': recordCreate(enrolments),
  'enrolments.update': recordUpdate(enrolments),
  'enrolments.delete': byId,
  'benefitsChecks.create': recordCreate(benefitsChecks),
  'benefitsChecks.update': recordUpdate(benefitsChecks),
  'benefitsChecks.delete': byId,

  'contacts.list': contactListQuery,
  'contacts.get': byId,
  'contacts.create': contactInput,
  'contacts.update': contactUpdate,
  'contacts.delete': byId,
  'contacts.importLawmakers': lawmakerImport,

  'documents.get': byId,
  /** A case's documents a page at a time, oldest first. */
  'documents.list': z.object({ caseId: id, ...pageArgs(100) }),
  'documents.import': documentImport,
  'documents.importFile': documentImportFile,
  'documents.proposeFacts': byId,
  'documents.file': byId,
  'documents.saveTo': documentSave,
  'documents.open': byId,
  'documents.delete': byId,

  // Letters: templates users can change, the checklist and preview, and generated .docx files.
  'templates.list': none,
  'templates.get': byId,
  'templates.save': templateSave,
  'templates.duplicate': byId,
  'templates.reset': byId,
  'templates.delete': byId,
  'letters.preview': letterPreview,
  'letters.generate': letterGenerate,
  /** A letter for each of several cases (a batch from the CLI), committed a chunk at a time. */
  'letters.generateMany': letterBatch,
  'letters.list': caseLetters,
  'packets.preview': packetRequest,
  'packets.html': packetRequest,
  'packets.generate': packetGenerate,
  'letters.recordSent': letterSent,
  'letters.recordResponse': letterResponse,
  /** Every name a template can read, for the editor's picker. */
  'placeholders.list': none,
  /** The questions templates ask of a case, and its answers. */
  'caseAnswers.list': z.object({ caseId: id }),
  'caseAnswers.save': caseAnswerSave,
  'letterhead.get': none,
  'letterhead.set': letterheadSet,
  'letterhead.clear': none,

  /** The best matches only; `cases.list` with a query pages through them all with a count. */
  search: z.object({
    query: z.string().trim().min(1, { error: 'is required' }).max(200),
    ...pageArgs(50),
  }),

  'exchange.export': z.object({ caseId: id }),
  'exchange.import': exchangeFile,

  // The evidence library, and the citations each case's letters cite.
  'citations.list': citationListQuery,
  'citations.get': byId,
  'citations.create': citationFields,
  'citations.update': citationUpdate,
  'citations.delete': byId,
  'caseCitations.list': z.object({ caseId: id }),
  'caseCitations.pick': casePick,
  'caseCitations.unpick': casePick,

  // Appeal workflow: stages, denials and deadlines, quick log, dashboard, calendar.
  'stages.move': stageMove,
  'stages.moveMany': stageMoveMany,
  'denials.preview': denialPreview,
  'denials.create': z.object({ caseId: id, values: denialFields }),
  'denials.update': denialUpdate,
  'denials.delete': byId,
  'workflow.get': z.object({ caseId: id }),
  'communications.log': communicationLog,
  'dashboard.get': dashboardQuery,
  'calendar.export': calendarExport,
  // Keeping clients' data safe: backups, restore, the whole-library archive, history.
  'backups.list': none,
  'backups.create': backupCreate,
  'backups.setFolder': backupFolder,
  'backups.preview': backupFile,
  'backups.restore': backupFile,
  'archive.export': archiveExport,
  'archive.import': archiveImport,
  'cases.history': caseHistoryQuery,
  'documents.saveOriginals': saveOriginalsArgs,
  // First run and daily use: the welcome, the fictional sample case, app settings.
  'settings.get': none,
  'settings.setDefaultRecipient': defaultRecipientArgs,
  'welcome.finish': none,
  'sample.status': none,
  'sample.create': none,
  'sample.remove': none,
  // Each proposal matched against the case, accepted in one transaction, rejections kept;
  // documents filed by type.
  'facts.review': factReviewArgs,
  'facts.accept': factAccept,
  'facts.acceptAll': factAcceptAll,
  'facts.reject': factDecision,
  'facts.restore': factDecision,
  'facts.check': factCheck,
  'facts.denialDraft': z.object({ caseId: id }),
  'documents.update': documentUpdate,
  // Treatments the advocate adds to the drug vocabulary.
  'vocabulary.customTreatments': none,
  'vocabulary.addTreatment': customTreatment,
  'vocabulary.removeTreatment': customTreatmentRemove,
  // Payer criteria: sets the advocate keeps, and each case measured against its set.
  'criteria.list': none,
  'criteria.get': byId,
  'criteria.create': criteriaSetFields,
  'criteria.update': criteriaSetUpdate,
  'criteria.copy': byId,
  'criteria.delete': byId,
  'caseCriteria.get': z.object({ caseId: id }),
  'caseCriteria.link': caseCriteriaLink,
  'caseCriteria.answer': caseCriteriaAnswer,
  // Authorizations each client signs, kept per client; those expiring; those a case can enclose.
  'authorizations.list': authorizationList,
  'authorizations.get': byId,
  'authorizations.create': authorizationCreate,
  'authorizations.update': authorizationUpdate,
  'authorizations.delete': byId,
  'expiringAuthorizations.list': expiringAuthorizationsQuery,
  'caseAuthorizations.list': caseAuthorizationsQuery,
  'contacts.fromCase': z.object({ caseId: id, kind: z.enum(['insurer', 'provider']) }),
} as const;

export interface AppInfo {
  version: string;
  databasePath: string;
  schemaVersion: number;
}

type RecordResults = {
  [K in keyof CaseRecordTypes as `${K}.create` | `${K}.update`]: CaseRecordTypes[K];
} & { [K in keyof CaseRecordTypes as `${K}.delete`]: null };

/** Result types, by call name. */
export type ApiResults = RecordResults & {
  'app.info': AppInfo;
  'library.move': { databasePath: string; previous: string };
  'library.revision': { revision: string };
  'library.check': LibraryCheck;
  'profile.get': Profile;
  'profile.update': Profile;
  'clients.list': Page<ClientSummary>;
  'clients.get': Client;
  'clients.create': Client;
  'clients.update': Client;
  'clients.delete': null;
  'cases.list': CaseList;
  'cases.export': { fileName: string; text: string; rows: number };
  'cases.choices': { insurers: string[]; treatments: string[] };
  'cases.timeline': CaseTimeline;
  'caseTags.set': string[];
  'caseTags.list': TagCount[];
  'views.list': SavedView[];
  'views.create': SavedView;
  'views.rename': SavedView;
  'views.delete': null;
  'cases.get': CaseDetail;
  'cases.create': Case;
  'cases.update': Case;
  'cases.delete': null;
  'contacts.list': Page<Contact>;
  'contacts.get': Contact;
  'contacts.create': Contact;
  'contacts.update': Contact;
  'contacts.delete': null;
  'contacts.importLawmakers': LawmakerImportResult;
  'documents.get': DocumentView;
  'documents.list': Page<DocumentInfo>;
  'documents.import': ImportSummary;
  'documents.importFile': FileImportResult;
  'documents.proposeFacts': Proposal[];
  'documents.file': DocumentFile;
  'documents.saveTo': { path: string };
  'documents.open': { path: string };
  'documents.delete': null;
  'templates.list': TemplateSummary[];
  'templates.get': Template;
  'templates.save': Template;
  'templates.duplicate': Template;
  'templates.reset': Template;
  'templates.delete': null;
  'letters.preview': LetterPreview;
  'letters.generate': GeneratedLetter;
  'letters.generateMany': { letters: BatchLetter[] };
  'packets.preview': PacketPreview;
  'packets.html': { title: string; html: string };
  'packets.generate': GeneratedPacket;
  'letters.list': CaseLetterList;
  'letters.recordSent': LetterJourney;
  'letters.recordResponse': LetterJourney;
  'letterhead.get': LetterheadInfo | null;
  'letterhead.set': LetterheadInfo;
  'letterhead.clear': null;
  search: CaseSummary[];
  'exchange.export': ExchangeFileValues;
  'exchange.import': ExchangeImportResult;
  // Appeal workflow.
  'stages.move': StageMove;
  'stages.moveMany': StageMoveMany;
  'placeholders.list': Placeholder[];
  'caseAnswers.list': CaseQuestions;
  'caseAnswers.save': CaseQuestions;
  'citations.list': CitationList;
  'citations.get': Citation;
  'citations.create': Citation;
  'citations.update': Citation;
  'citations.delete': null;
  'caseCitations.list': CaseCitations;
  'caseCitations.pick': CaseCitations;
  'caseCitations.unpick': CaseCitations;
  'denials.preview': DenialView;
  'denials.create': DenialView;
  'denials.update': DenialView;
  'denials.delete': null;
  'workflow.get': CaseWorkflow;
  'communications.log': CommunicationLogResult;
  'dashboard.get': Dashboard;
  'calendar.export': CalendarFile;

  // Keeping clients' data safe.
  'backups.list': BackupList;
  'backups.create': BackupInfo;
  'backups.setFolder': BackupList;
  'backups.preview': BackupPreview;
  'backups.restore': RestoreResult;
  'archive.export': ArchiveSummary;
  'archive.import': ArchiveImportResult;
  'cases.history': HistoryEntry[];
  'documents.saveOriginals': SavedOriginals;

  // First run and daily use.
  'settings.get': AppSettings;
  'settings.setDefaultRecipient': AppSettings;
  'welcome.finish': AppSettings;
  'sample.status': SampleStatus;
  'sample.create': SampleStatus;
  'sample.remove': SampleRemoval;

  'facts.review': FactReview;
  'facts.accept': FactAcceptResult;
  'facts.acceptAll': FactAcceptAllResult;
  'facts.reject': FactReview;
  'facts.restore': FactReview;
  'facts.check': DuplicateCheck;
  'facts.denialDraft': DenialDraft | null;
  'documents.update': DocumentInfo;
  'vocabulary.customTreatments': CustomTreatment[];
  'vocabulary.addTreatment': CustomTreatment[];
  'vocabulary.removeTreatment': CustomTreatment[];
  'criteria.list': CriteriaSetSummary[];
  'criteria.get': CriteriaSet;
  'criteria.create': CriteriaSet;
  'criteria.update': CriteriaSet;
  'criteria.copy': CriteriaSet;
  'criteria.delete': null;
  'caseCriteria.get': CaseCriteria;
  'caseCriteria.link': CaseCriteria;
  'caseCriteria.answer': CaseCriteria;
  'authorizations.list': AuthorizationView[];
  'authorizations.get': AuthorizationView;
  'authorizations.create': AuthorizationView;
  'authorizations.update': AuthorizationView;
  'authorizations.delete': null;
  'expiringAuthorizations.list': Page<ExpiringAuthorization>;
  'caseAuthorizations.list': AuthorizationView[];
  'contacts.fromCase': Contact;
};

export type ApiName = keyof typeof apiArgs;
/** What a caller passes (before defaults and trimming). */
export type ApiArgs<N extends ApiName> = z.input<(typeof apiArgs)[N]>;
/** What a handler receives (validated and normalized). */
export type ApiParsedArgs<N extends ApiName> = z.output<(typeof apiArgs)[N]>;
export type ApiResult<N extends ApiName> = ApiResults[N];

/** The one function every front door exposes. */
export type ApiCall = <N extends ApiName>(name: N, args: ApiArgs<N>) => Promise<ApiResult<N>>;

/** Whether a string names a call of the API. */
export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.hasOwn(apiArgs, name);
}

// Compile-time check that every call has both an argument schema and a result type.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Exact<ApiName, keyof ApiResults> = true;
void namesMatch;
