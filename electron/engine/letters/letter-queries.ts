// SQL for generated letters' origins: which template and which case data made each document.
import type { Database } from 'better-sqlite3';

export interface LetterOrigin {
  documentId: number;
  templateId: number | null;
  templateName: string;
  kind: string;
  templateSource: string;
  dataJson: string;
  recipientContactId: number | null;
  gaps: number;
}

export function letterQueries(db: Database) {
  const insert = db.prepare(
    `INSERT INTO letters (document_id, template_id, template_name, kind, template_source, data_json, recipient_contact_id, gaps)
     VALUES (@documentId, @templateId, @templateName, @kind, @templateSource, @dataJson, @recipientContactId, @gaps)`,
  );
  return { insert: (origin: LetterOrigin) => insert.run(origin) };
}
