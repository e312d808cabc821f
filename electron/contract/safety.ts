// Keeping the library safe: backups, restore, the moving-computers archive and each case's history.
import { z } from 'zod';
import { id } from './fields';

const filePath = z
  .string()
  .trim()
  .min(1, { error: 'is required' })
  .max(4096)
  .refine((p) => !p.includes('\0'), { error: 'is not a valid path' });

export const backupCreate = z.object({}).default({});
export const backupFile = z.object({ file: filePath });
export const backupFolder = z.object({ folder: filePath });
export const archiveExport = z.object({ out: filePath });
export const archiveImport = z.object({ file: filePath });
export const caseHistoryQuery = z.object({ caseId: id });
export const saveOriginalsArgs = z.object({ caseId: id, folder: filePath });

/** Why a backup was taken; part of its file name. */
export type BackupReason = 'daily' | 'manual' | 'pre-migration' | 'pre-restore' | 'damaged';

/** How many of each thing a library holds. */
export interface LibraryCounts {
  clients: number;
  cases: number;
  documents: number;
  contacts: number;
}

/** One backup file, as the Backups page lists it. */
export interface BackupInfo {
  file: string;
  fileName: string;
  takenAt: string;
  reason: BackupReason;
  sizeBytes: number;
  /** What it holds (read without a full check); null when it cannot be read. */
  counts?: LibraryCounts | null;
}

/**
 * The page-by-page check of the open library, run in the background after it opens: `checking`
 * until it ends `ok`, `damaged` (every call but restoring a backup is refused), `failed` (it
 * could not run) or `stopped` (the library closed first).
 */
export interface LibraryCheck {
  state: 'checking' | 'ok' | 'damaged' | 'failed' | 'stopped';
  /** quick_check, or the weekly full integrity_check. */
  kind: 'quick' | 'full';
  startedAt: string;
  finishedAt: string | null;
  /** What is wrong and what to do, for a person. */
  message: string | null;
  /** The newest backup that passed its own check, offered when the library is damaged. */
  newestBackup: BackupInfo | null;
}

/** What a backup holds, shown before restoring it. */
export interface BackupPreview extends BackupInfo {
  schemaVersion: number;
  counts: LibraryCounts;
  /** The newest change to a case in it, if any. */
  lastChangeAt: string | null;
}

export interface BackupList {
  folder: string;
  backups: BackupInfo[];
  /** The last automatic backup that failed (a drive unplugged), until one succeeds again. */
  lastFailure: { at: string; message: string } | null;
}

export interface RestoreResult {
  restored: BackupPreview;
  /** The backup of the library as it was just before the restore. */
  previous: BackupInfo;
}

export interface ArchiveSummary {
  file: string;
  sizeBytes: number;
  counts: LibraryCounts;
}

export interface ArchiveImportResult {
  counts: LibraryCounts;
  clientIds: number[];
}

/** One change to a case or one of its records. */
export interface HistoryEntry {
  id: number;
  tableName: string;
  recordId: number;
  action: 'create' | 'update' | 'delete';
  field: string | null;
  oldValue: string | number | null;
  newValue: string | number | null;
  changedAt: string;
  actor: string;
}

export interface SavedOriginals {
  folder: string;
  /** Where each document was written, in the case's order. */
  files: string[];
}
