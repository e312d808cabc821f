// Small app settings kept in the library itself (the backup folder, when it was last fully checked).
import type { Database } from 'better-sqlite3';

export const SETTING = {
  backupFolder: 'backup.folder',
  lastFullCheck: 'integrity.lastFullCheck',
  /** When a page-by-page check (quick or full) last found the file sound. */
  lastCheck: 'integrity.lastCheck',
  lastBackupFailure: 'backup.lastFailure',
  /** The welcome was finished or skipped ("1"). */
  welcomeDone: 'welcome.done',
  /** The sample's client, case and contact ids (JSON), so removal touches nothing else. */
  sample: 'sample.ids',
  /** Prefix of the default recipient per letter kind: `letters.defaultRecipient.appeal` = contact id. */
  defaultRecipient: 'letters.defaultRecipient.',
} as const;

function hasSettingsTable(db: Database): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'").get() !==
    undefined
  );
}

/** A setting's value, or undefined; safe on a file not yet migrated to the settings table. */
export function readSetting(db: Database, key: string): string | undefined {
  if (!hasSettingsTable(db)) return undefined;
  return db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as
    string | undefined;
}

/** Stores a setting (the caller provides the transaction when it needs one). */
export function writeSetting(db: Database, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** Removes a setting. */
export function deleteSetting(db: Database, key: string): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(key);
}
