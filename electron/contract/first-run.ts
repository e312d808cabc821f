// First run and daily use: the welcome, the sample case and the advocate's settings.
import { z } from 'zod';
import { LETTER_KIND } from './letter';
import type { LetterKind } from './letter';
import { id } from './fields';
import { version } from './versions';

/** What the app keeps about itself beyond the backups' own settings. */
export interface AppSettings {
  welcome: {
    /** The advocate finished (or skipped) the welcome. */
    done: boolean;
    /** A new library: no profile name, no clients, and the welcome never finished. */
    due: boolean;
  };
  /** The contact preselected as a letter's recipient, per letter kind (only contacts that exist). */
  defaultRecipients: Partial<Record<LetterKind, number>>;
  /** The version of the default recipients as a whole: a change says which it was made from. */
  defaultRecipientsVersion: number;
  /** The automatic backup schedule, as it works today (not a setting). */
  backupSchedule: string;
}

export const defaultRecipientArgs = z.object({
  kind: z.enum(LETTER_KIND.values, { error: 'is not a known letter kind' }),
  /** null clears the default. */
  contactId: id.nullable(),
  /** The `defaultRecipientsVersion` the change was made from. */
  version,
});

/** Where the sample client and case are, when the library holds them. */
export interface SampleStatus {
  present: boolean;
  clientId: number | null;
  caseId: number | null;
  contactIds: number[];
}

/** What removing the sample deleted. */
export interface SampleRemoval extends SampleStatus {
  removed: { cases: number; clients: number; contacts: number };
}
