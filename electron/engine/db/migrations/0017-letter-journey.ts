// Each written letter's journey: when and how it was sent (with the proof), the response due by
// the rules (kept as a deadline row the letter owns, so it shows on the case, the dashboard and
// the calendar), and the response received. A version guards edits made from a stale copy.
import type { Migration } from '../migrate';

export const letterJourney: Migration = {
  version: 17,
  name: 'letter-journey',
  sql: `
ALTER TABLE letters ADD COLUMN journey_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE letters ADD COLUMN sent_on TEXT;
ALTER TABLE letters ADD COLUMN sent_channel TEXT;
ALTER TABLE letters ADD COLUMN sent_reference TEXT;
ALTER TABLE letters ADD COLUMN response_due_on TEXT;
ALTER TABLE letters ADD COLUMN response_rule TEXT;
ALTER TABLE letters ADD COLUMN response_deadline_id INTEGER REFERENCES deadlines(id) ON DELETE SET NULL;
ALTER TABLE letters ADD COLUMN response_received_on TEXT;
ALTER TABLE letters ADD COLUMN response_outcome TEXT;
ALTER TABLE letters ADD COLUMN response_note TEXT;
-- Letters sent and still unanswered, by the day the answer is due: the dashboard's late letters.
CREATE INDEX letters_awaiting ON letters(response_due_on, document_id)
  WHERE sent_on IS NOT NULL AND response_received_on IS NULL AND response_due_on IS NOT NULL;
-- A letter deleted takes its open response clock with it (an answered one stays as a record).
CREATE TRIGGER letters_journey_delete AFTER DELETE ON letters
WHEN old.response_deadline_id IS NOT NULL BEGIN
  DELETE FROM deadlines WHERE id = old.response_deadline_id AND completed_on IS NULL;
END;
`,
};
