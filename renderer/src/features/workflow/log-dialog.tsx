// The communication log's quick entry: today's date filled in, focus in the first field, and an
// optional follow-up that becomes a task. Opened from the case page by the L key.
import { call } from '../../api';
import { EntityForm } from '../../components/entity-form';
import { Modal } from '../../components/modal';
import type { FieldSpec } from '../../lib/form';
import { COMMUNICATION_SPECS } from '../../lib/specs';

const LOG_SPECS: FieldSpec[] = [
  ...COMMUNICATION_SPECS.map((s, i) => (i === 0 ? { ...s, autoFocus: true } : s)),
  {
    name: 'followUpOn',
    label: 'Follow up on',
    type: 'date',
    hint: 'Optional: adds a task due that day.',
  },
];

interface LogDialogProps {
  caseId: number;
  today: string;
  onClose: () => void;
  onSaved: () => void;
}

export function LogDialog({ caseId, today, onClose, onSaved }: LogDialogProps) {
  return (
    <Modal title="Log a call or letter" onClose={onClose}>
      <EntityForm
        formId="log"
        specs={LOG_SPECS}
        initial={{ occurredOn: today, channel: 'phone' }}
        submitLabel="Add to log"
        onCancel={onClose}
        onSubmit={async ({ followUpOn, ...values }) => {
          await call('communications.log', {
            caseId,
            values: values as never,
            followUpOn: followUpOn as string,
          });
          onClose();
          onSaved();
        }}
      />
    </Modal>
  );
}
