// Recording what happens to a letter after it is written: sent (the response clock starts, as a
// deadline row the letter owns), and answered (the clock is done). Each change names the journey
// version it was made from, so a stale copy never overwrites a newer record.
import type { Database } from 'better-sqlite3';
import type { HandlerSet, EngineContext } from '../context';
import { AppError } from '../../contract/errors';
import { LETTER_KIND } from '../../contract/letter';
import { SENT_CHANNEL } from '../../contract/letter-journey';
import type { LetterJourney } from '../../contract/letter-journey';
import { derivedDeadlines } from '../deadlines/derived-deadline';
import { fromRow } from '../db/table';
import { touchCase } from '../cases/touch';
import { denialQueries, workflowQueries } from '../workflow/queries';
import { responseDue } from './response-due';

type JourneyCalls = 'letters.list' | 'letters.recordSent' | 'letters.recordResponse';

const JOURNEY_SQL = `
  SELECT l.document_id, d.case_id, d.file_name, l.template_name, l.kind, d.created_at,
         c.name AS recipient_name, l.journey_version, l.sent_on, l.sent_channel, l.sent_reference,
         l.response_due_on, l.response_rule, l.response_deadline_id, l.response_received_on,
         l.response_outcome, l.response_note
  FROM letters l JOIN documents d ON d.id = l.document_id
  LEFT JOIN contacts c ON c.id = l.recipient_contact_id`;

type Row = LetterJourney & { caseId: number; responseDeadlineId: number | null };

function journeyQueries(db: Database) {
  const one = db.prepare(`${JOURNEY_SQL} WHERE l.document_id = ?`);
  const page = db.prepare(
    `${JOURNEY_SQL} WHERE d.case_id = @caseId ORDER BY d.id DESC LIMIT @limit OFFSET @offset`,
  );
  const count = db
    .prepare(
      'SELECT count(*) FROM letters l JOIN documents d ON d.id = l.document_id WHERE d.case_id = ?',
    )
    .pluck();
  const sent = db.prepare(`
    UPDATE letters SET journey_version = journey_version + 1, sent_on = @sentOn,
      sent_channel = @channel, sent_reference = @reference, response_due_on = @dueOn,
      response_rule = @rule, response_deadline_id = @deadlineId
    WHERE document_id = @documentId`);
  const answered = db.prepare(`
    UPDATE letters SET journey_version = journey_version + 1, response_received_on = @receivedOn,
      response_outcome = @outcome, response_note = @note
    WHERE document_id = @documentId`);
  return {
    get(documentId: number): Row {
      const row = one.get(documentId);
      if (!row)
        throw new AppError(
          'not-found',
          `No letter with document id ${documentId}; it may have been deleted.`,
        );
      return fromRow<Row>(row);
    },
    page: (caseId: number, limit: number, offset: number) =>
      page.all({ caseId, limit, offset }).map((r) => fromRow<Row>(r)),
    count: (caseId: number) => count.get(caseId) as number,
    sent,
    answered,
  };
}

/** The journey as the UI reads it (without the row ids it keeps for itself). */
const view = ({ caseId: _c, responseDeadlineId: _d, ...j }: Row): LetterJourney => j;

export function letterJourneyHandlers({ db }: EngineContext): HandlerSet<JourneyCalls> {
  const q = journeyQueries(db);
  const workflow = workflowQueries(db);
  const denials = denialQueries(db);
  const deadlines = derivedDeadlines(db);
  const touch = touchCase(db);

  /** The letter, refused when it has moved on since the copy the change was made from. */
  const current = (documentId: number, expectedVersion: number): Row => {
    const row = q.get(documentId);
    if (row.journeyVersion !== expectedVersion)
      throw new AppError(
        'conflict',
        'This letter’s record was changed somewhere else since you opened it. Reload to see the newer record, then make your change again.',
      );
    return row;
  };
  const title = (row: Row) =>
    LETTER_KIND.labels[row.kind as keyof typeof LETTER_KIND.labels] ?? row.templateName;

  return {
    'letters.list': ({ caseId, limit, offset }) => {
      workflow.caseFacts(caseId);
      return { total: q.count(caseId), items: q.page(caseId, limit, offset).map(view) };
    },
    'letters.recordSent': ({ documentId, expectedVersion, sentOn, channel, reference }) => {
      const row = current(documentId, expectedVersion);
      const facts = workflow.caseFacts(row.caseId);
      const due = responseDue({
        kind: row.kind,
        sentOn,
        planType: facts.planType,
        status: facts.status,
        claimType: denials.latestClaimType(row.caseId),
      });
      // By mail the insurer's clock starts when the letter arrives; counted from sending, the
      // date to follow up comes no later than the rule's.
      const rule =
        channel === 'mail' || channel === 'certified-mail'
          ? `${due.rule} Counted from the day it was sent; the rule counts from the day it arrives.`
          : due.rule;
      const deadlineId = deadlines.sync(
        row.responseDeadlineId,
        due.dueOn && !row.responseReceivedOn
          ? {
              caseId: row.caseId,
              title: `Response due: ${title(row)}`,
              dueOn: due.dueOn,
              notes: `Sent by ${SENT_CHANNEL.labels[channel].toLowerCase()} on ${sentOn}. ${rule}`,
            }
          : null,
      );
      q.sent.run({
        documentId,
        sentOn,
        channel,
        reference,
        dueOn: due.dueOn,
        rule,
        deadlineId,
      });
      touch(row.caseId);
      return view(q.get(documentId));
    },
    'letters.recordResponse': ({ documentId, expectedVersion, receivedOn, outcome, note }) => {
      const row = current(documentId, expectedVersion);
      if (!row.sentOn)
        throw new AppError(
          'invalid-input',
          'Record the letter as sent before recording the answer to it.',
          'receivedOn',
        );
      if (receivedOn < row.sentOn)
        throw new AppError(
          'invalid-input',
          `The answer cannot come before the letter was sent (${row.sentOn}).`,
          'receivedOn',
        );
      deadlines.complete(row.responseDeadlineId, receivedOn);
      q.answered.run({ documentId, receivedOn, outcome, note });
      touch(row.caseId);
      return view(q.get(documentId));
    },
  };
}
