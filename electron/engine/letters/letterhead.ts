// The advocate's own letterhead document: checked like any imported Word file, and accepted only
// with a {{letter}} placeholder to pour letters into, so generating never fails later.
import type { Database } from 'better-sqlite3';
import { patchDetector } from 'docx';
import { AppError } from '../../contract/errors';
import type { LetterheadInfo } from '../../contract/letter';
import type { EngineContext, HandlerSet } from '../context';
import { inspectFile } from '../imports/inspect-file';
import { LETTER_PLACEHOLDER } from './docx';

export function letterheadQueries(db: Database) {
  const info = db.prepare(
    `SELECT letterhead_name AS fileName, length(letterhead) AS sizeBytes
     FROM profile WHERE id = 1 AND letterhead IS NOT NULL`,
  );
  const bytes = db.prepare('SELECT letterhead FROM profile WHERE id = 1').pluck();
  const set = db.prepare(
    `INSERT INTO profile (id, letterhead_name, letterhead) VALUES (1, @fileName, @bytes)
     ON CONFLICT (id) DO UPDATE SET letterhead_name = excluded.letterhead_name,
       letterhead = excluded.letterhead, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  const clear = db.prepare(
    'UPDATE profile SET letterhead_name = NULL, letterhead = NULL WHERE id = 1',
  );
  return {
    info: () => (info.get() as LetterheadInfo | undefined) ?? null,
    bytes: () => (bytes.get() as Buffer | null | undefined) ?? null,
    set: (fileName: string, content: Buffer) => set.run({ fileName, bytes: content }),
    clear: () => clear.run(),
  };
}

export function letterheadHandlers({
  db,
}: EngineContext): HandlerSet<'letterhead.get' | 'letterhead.set' | 'letterhead.clear'> {
  const q = letterheadQueries(db);
  return {
    'letterhead.get': () => q.info(),
    // Self-transacted: the file is checked first (slow, reads a zip), then stored in one write.
    'letterhead.set': async ({ fileName, contentBase64 }) => {
      const bytes = Buffer.from(contentBase64, 'base64');
      const inspection = await inspectFile(bytes);
      if (!inspection.ok) {
        throw new AppError('invalid-input', `${fileName} cannot be used: ${inspection.problem}`);
      }
      // Kept as rebuilt from its measured contents: generating later unpacks only those.
      const verified = inspection.verified ?? bytes;
      let placeholders: readonly string[];
      try {
        placeholders = await patchDetector({ data: verified, trimPlaceholders: true });
      } catch {
        throw new AppError('invalid-input', `${fileName} cannot be read as a Word document.`);
      }
      if (!placeholders.includes(LETTER_PLACEHOLDER)) {
        throw new AppError(
          'invalid-input',
          `${fileName} has no {{letter}} placeholder. In Word, type {{letter}} on a line of its own where the letter should start, save, and choose the file again.`,
        );
      }
      db.transaction(() => q.set(fileName, verified)).immediate();
      return q.info()!;
    },
    'letterhead.clear': () => {
      q.clear();
      return null;
    },
  };
}
