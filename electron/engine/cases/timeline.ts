// A case's timeline: one statement over each kind of event, newest first, a page at a time.
// Every part reads its table through its case index; a case has dozens of events, not thousands.
import type { EngineContext, HandlerSet } from '../context';
import type { TimelineEntry } from '../../contract/timeline';
import { CASE_STATUS, CHANNEL } from '../../contract/choices';
import { RESPONSE_OUTCOME, SENT_CHANNEL } from '../../contract/letter-journey';
import { AppError } from '../../contract/errors';
import { YES_NO } from '../../contract/benefits-check';
import { NETWORK_REQUEST_KIND, REQUEST_DECISION } from '../../contract/network-request';
import { PEER_OUTCOME } from '../../contract/peer-call';
import { fromRow } from '../db/table';

/** A stored value as the words people read (fixed labels, never input, so safe to inline). */
const labelOf = (
  column: string,
  { values, labels }: { values: readonly string[]; labels: Readonly<Record<string, string>> },
  lower = false,
) =>
  `CASE ${column} ${values
    .map((v) => {
      const label = lower ? labels[v]!.toLowerCase() : labels[v]!;
      return `WHEN '${v}' THEN '${label.replace(/'/g, "''")}'`;
    })
    .join(' ')} ELSE ${column} END`;

const STAGES = labelOf('s.to_stage', CASE_STATUS);

/** Each kind of event as (kind, on, what, record_id, tie), for one case. */
const EVENTS = `
  SELECT 'call' AS kind, occurred_on AS on_day, ${labelOf('channel', CHANNEL)} || coalesce(' with ' || person, '') || ': ' || summary AS what, id AS record_id, created_at AS tie
    FROM communications WHERE case_id = @caseId
  UNION ALL
  SELECT 'letter', substr(d.created_at, 1, 10), l.template_name, d.id, d.created_at
    FROM documents d JOIN letters l ON l.document_id = d.id WHERE d.case_id = @caseId
  UNION ALL
  SELECT 'sent', l.sent_on, l.template_name || ' sent by ' || ${labelOf('l.sent_channel', SENT_CHANNEL, true)} || coalesce(' (' || l.sent_reference || ')', ''), d.id, d.created_at
    FROM documents d JOIN letters l ON l.document_id = d.id WHERE d.case_id = @caseId AND l.sent_on IS NOT NULL
  UNION ALL
  SELECT 'answer', l.response_received_on, 'Answer to ' || l.template_name || ': ' || ${labelOf('l.response_outcome', RESPONSE_OUTCOME, true)}, d.id, d.created_at
    FROM documents d JOIN letters l ON l.document_id = d.id WHERE d.case_id = @caseId AND l.response_received_on IS NOT NULL
  UNION ALL
  SELECT 'document', substr(d.created_at, 1, 10), d.file_name, d.id, d.created_at
    FROM documents d WHERE d.case_id = @caseId AND d.origin <> 'generated'
  UNION ALL
  SELECT 'stage', s.moved_on, 'Moved to ' || ${STAGES} || coalesce(': ' || s.note, ''), s.id, s.created_at
    FROM stage_moves s WHERE s.case_id = @caseId
  UNION ALL
  SELECT 'denial', denied_on, 'Denied: ' || service || ' — ' || substr(reason, 1, 200), id, created_at
    FROM denials WHERE case_id = @caseId
  UNION ALL
  SELECT 'peer-call', occurred_on, 'Peer-to-peer' || coalesce(' with ' || reviewer_name, '') || coalesce(' (' || reviewer_credentials || ')', '') || ': ' || ${labelOf('outcome', PEER_OUTCOME, true)}, id, created_at
    FROM peerCalls WHERE case_id = @caseId
  UNION ALL
  SELECT 'benefits', checked_on, 'Benefits checked' || coalesce(' with ' || representative, '') || coalesce(' (ref. ' || reference_number || ')', '') || ': prior authorization ' || ${labelOf('prior_auth_required', YES_NO, true)}, id, created_at
    FROM benefitsChecks WHERE case_id = @caseId
  UNION ALL
  SELECT 'decision', decided_on, ${labelOf('kind', NETWORK_REQUEST_KIND)} || ' with ' || provider_name || ': ' || ${labelOf('decision', REQUEST_DECISION, true)}, id, created_at
    FROM networkRequests WHERE case_id = @caseId AND decided_on IS NOT NULL`;

export function timelineHandlers({ db }: EngineContext): HandlerSet<'cases.timeline'> {
  const page = db.prepare(
    `SELECT kind, on_day AS "on", what, record_id FROM (${EVENTS})
     ORDER BY on_day DESC, tie DESC, record_id DESC LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare(`SELECT count(*) FROM (${EVENTS})`).pluck();
  const exists = db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck();
  return {
    'cases.timeline': ({ caseId, limit, offset }) => {
      if (!exists.get(caseId))
        throw new AppError('not-found', `No case with id ${caseId}; it may have been deleted.`);
      return {
        total: count.get({ caseId }) as number,
        items: page.all({ caseId, limit, offset }).map((r) => fromRow<TimelineEntry>(r)),
      };
    },
  };
}
