// The advocate's app settings: whether the welcome is due, and default letter recipients.
import { AppError } from '../../contract/errors';
import type { AppSettings } from '../../contract/first-run';
import { LETTER_KIND } from '../../contract/letter';
import type { LetterKind } from '../../contract/letter';
import type { EngineContext, HandlerSet } from '../context';
import { changeLog, conflictError } from '../db/versions';
import { SETTING, deleteSetting, readSetting, writeSetting } from './queries';

/** The default recipients are one record without a table of their own: their versions live here. */
const RECIPIENTS = 'default_recipients';

/** Said on the Settings page as it works: see backups/schedule.ts. */
export const BACKUP_SCHEDULE =
  'A backup is taken when Advocate Desk starts if today has none yet, and the app checks again every hour while it is open. The newest 5 are kept, then one per day for a week, one per week for a month and one per month for a year.';

export function settingsHandlers({
  db,
}: EngineContext): HandlerSet<'settings.get' | 'settings.setDefaultRecipient' | 'welcome.finish'> {
  const profileName = db.prepare('SELECT name FROM profile WHERE id = 1').pluck();
  const anyClient = db.prepare('SELECT 1 FROM clients LIMIT 1');
  const contactExists = db.prepare('SELECT 1 FROM contacts WHERE id = ?');
  const log = changeLog(db);
  const recipientsVersion = () => Math.max(1, log.latest(RECIPIENTS, 1));

  const read = (): AppSettings => {
    const done = readSetting(db, SETTING.welcomeDone) === '1';
    const named = Boolean(profileName.get());
    const due = !done && !named && anyClient.get() === undefined;
    const defaultRecipients: AppSettings['defaultRecipients'] = {};
    for (const kind of LETTER_KIND.values) {
      const id = Number(readSetting(db, SETTING.defaultRecipient + kind));
      // A deleted contact simply stops being the default.
      if (id > 0 && contactExists.get(id)) defaultRecipients[kind] = id;
    }
    return {
      welcome: { done, due },
      defaultRecipients,
      defaultRecipientsVersion: recipientsVersion(),
      backupSchedule: BACKUP_SCHEDULE,
    };
  };

  return {
    'settings.get': read,
    'settings.setDefaultRecipient': ({ kind, contactId, version }) => {
      const key = SETTING.defaultRecipient + kind;
      if (contactId !== null && !contactExists.get(contactId)) {
        throw new AppError(
          'not-found',
          'That contact is no longer in the address book.',
          'contactId',
        );
      }
      const before = read();
      const current = recipientsVersion();
      if (version !== current) {
        // Refused only when this kind's default was changed since, to something else.
        const changed = version > current ? [kind] : log.changedSince(RECIPIENTS, 1, version);
        if (changed.includes(kind) && (before.defaultRecipients[kind] ?? null) !== contactId) {
          throw conflictError('default recipient', [kind], before.defaultRecipients, current, {
            subject: 'The default recipients were',
            name: (k) => `the default for “${LETTER_KIND.labels[k as LetterKind]}”`,
          });
        }
      }
      log.record(RECIPIENTS, 1, current + 1, [kind]);
      if (contactId === null) deleteSetting(db, key);
      else writeSetting(db, key, String(contactId));
      return read();
    },
    'welcome.finish': () => {
      writeSetting(db, SETTING.welcomeDone, '1');
      return read();
    },
  };
}
