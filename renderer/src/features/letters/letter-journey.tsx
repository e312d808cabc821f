// The letters written for a case and how far each has gone: a draft until recorded as sent
// (when, how, the fax confirmation or certified-mail number), then the answer due by the rule
// for its kind, then the answer. Each change names the record it was made from.
import { PacketDialog } from '../packets/packet-dialog';
import { useState } from 'react';
import { RESPONSE_OUTCOME, SENT_CHANNEL } from '../../../../electron/contract/letter-journey';
import type { LetterJourney } from '../../../../electron/contract/letter-journey';
import { call } from '../../api';
import { DataTable } from '../../components/data-table';
import { EntityForm } from '../../components/entity-form';
import { ErrorBanner } from '../../components/error-banner';
import { Modal } from '../../components/modal';
import { ShowMore, usePageSize } from '../../components/show-more';
import type { FieldSpec } from '../../lib/form';
import { formatDate } from '../../lib/format';
import { localDate } from '../../lib/local-date';
import { useLoad } from '../../lib/use-load';
import './letter-journey.css';
import { daysFrom, dueText } from '../workflow/due-badge';

const SENT_SPECS: FieldSpec[] = [
  { name: 'sentOn', label: 'Sent on', type: 'date', autoFocus: true },
  { name: 'channel', label: 'Sent by', type: 'select', choices: SENT_CHANNEL },
  {
    name: 'reference',
    label: 'Proof of sending',
    hint: 'The fax confirmation, certified-mail number or portal reference.',
  },
];

const RESPONSE_SPECS: FieldSpec[] = [
  { name: 'receivedOn', label: 'Answer received on', type: 'date', autoFocus: true },
  { name: 'outcome', label: 'Outcome', type: 'select', choices: RESPONSE_OUTCOME },
  { name: 'note', label: 'Note', type: 'textarea' },
];

/** Where the letter stands, a line per step it has reached. */
export function JourneyState({ j, today }: { j: LetterJourney; today: string }) {
  if (!j.sentOn) return <span>Draft: not sent yet</span>;
  return (
    <span className="journey-state">
      <span>
        Sent {formatDate(j.sentOn)} by {SENT_CHANNEL.labels[j.sentChannel!].toLowerCase()}
      </span>
      {j.sentReference && (
        <span>
          Proof: <span className="identifier">{j.sentReference}</span>
        </span>
      )}
      {j.responseReceivedOn ? (
        <span>
          Answered {formatDate(j.responseReceivedOn)}: {RESPONSE_OUTCOME.labels[j.responseOutcome!]}
        </span>
      ) : j.responseDueOn ? (
        <span title={j.responseRule ?? undefined}>
          Answer due {formatDate(j.responseDueOn)} (
          {dueText(daysFrom(today, j.responseDueOn), 'late')})
        </span>
      ) : (
        <span title={j.responseRule ?? undefined}>No answer time</span>
      )}
    </span>
  );
}

const PAGE = 20;

export function LetterJourneyList({ caseId, version }: { caseId: number; version: string }) {
  const [limit, more] = usePageSize(PAGE, String(caseId));
  const { data, error, reload } = useLoad(
    () => call('letters.list', { caseId, limit }),
    [caseId, limit, version],
  );
  const [sending, setSending] = useState<LetterJourney | null>(null);
  const [answering, setAnswering] = useState<LetterJourney | null>(null);
  const [packing, setPacking] = useState<LetterJourney | null>(null);
  const today = localDate();
  if (!data) return <ErrorBanner error={error} />;
  if (data.total === 0) return null;
  return (
    <div className="letter-journey">
      <h3>Letters written</h3>
      <DataTable
        caption="Letters written"
        rows={data.items.map((j) => ({ ...j, id: j.documentId }))}
        columns={[
          { header: 'Letter', render: (j) => j.templateName },
          { header: 'To', render: (j) => j.recipientName ?? '—' },
          { header: 'Written', render: (j) => formatDate(j.createdAt) },
          {
            header: 'Where it stands',
            render: (j) => <JourneyState j={j} today={today} />,
          },
        ]}
        actionsLabel="Record"
        actions={(j) => (
          <>
            <button
              type="button"
              className="button button-small"
              onClick={() => setPacking(j)}
              aria-label={`Make a packet with ${j.templateName}`}
            >
              Packet…
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => setSending(j)}
              aria-label={`${j.sentOn ? 'Correct sending of' : 'Record as sent:'} ${j.templateName}`}
            >
              {j.sentOn ? 'Correct sending' : 'Record as sent'}
            </button>
            {j.sentOn && (
              <button
                type="button"
                className="button button-small"
                onClick={() => setAnswering(j)}
                aria-label={`Record the answer to ${j.templateName}`}
              >
                Record answer
              </button>
            )}
          </>
        )}
      />
      <ShowMore
        shown={data.items.length}
        total={data.total}
        step={PAGE}
        noun={['letter', 'letters']}
        onMore={more}
      />
      {sending && (
        <Modal title={`Sent: ${sending.templateName}`} onClose={() => setSending(null)}>
          <EntityForm
            formId="letter-sent"
            specs={SENT_SPECS}
            initial={{
              sentOn: sending.sentOn ?? today,
              channel: sending.sentChannel ?? 'fax',
              reference: sending.sentReference ?? '',
            }}
            submitLabel="Record as sent"
            onCancel={() => setSending(null)}
            onSubmit={async (values) => {
              await call('letters.recordSent', {
                documentId: sending.documentId,
                expectedVersion: sending.journeyVersion,
                ...(values as { sentOn: string; channel: 'fax' }),
              });
              setSending(null);
              reload();
            }}
          />
        </Modal>
      )}
      {packing && (
        <PacketDialog
          caseId={caseId}
          letter={packing}
          onClose={() => {
            setPacking(null);
            reload();
          }}
          onRecordSent={() => {
            setSending(packing);
            setPacking(null);
          }}
        />
      )}
      {answering && (
        <Modal title={`Answer to: ${answering.templateName}`} onClose={() => setAnswering(null)}>
          <EntityForm
            formId="letter-answer"
            specs={RESPONSE_SPECS}
            initial={{
              receivedOn: answering.responseReceivedOn ?? today,
              outcome: answering.responseOutcome ?? 'approved',
              note: answering.responseNote ?? '',
            }}
            submitLabel="Record answer"
            onCancel={() => setAnswering(null)}
            onSubmit={async (values) => {
              await call('letters.recordResponse', {
                documentId: answering.documentId,
                expectedVersion: answering.journeyVersion,
                ...(values as { receivedOn: string; outcome: 'approved' }),
              });
              setAnswering(null);
              reload();
            }}
          />
        </Modal>
      )}
    </div>
  );
}
