// Moving a case to another stage: the date it happened and why, kept in the case's history.
import { CASE_STATUS } from '../../../../electron/contract/choices';
import type { CaseStatus } from '../../../../electron/contract/case';
import { CLAIM_TYPE, WAITING_STAGES } from '../../../../electron/contract/workflow';
import { call } from '../../api';
import { EntityForm } from '../../components/entity-form';
import { Modal } from '../../components/modal';
import type { FieldSpec } from '../../lib/form';

interface StageDialogProps {
  caseId: number;
  current: CaseStatus;
  /** The stage to offer first, e.g. the next step a denial points to. */
  suggested?: CaseStatus | null;
  today: string;
  onClose: () => void;
  onSaved: () => void;
}

export function StageDialog(props: StageDialogProps) {
  const { caseId, current, suggested, today, onClose, onSaved } = props;
  const others = {
    values: CASE_STATUS.values.filter((v) => v !== current),
    labels: CASE_STATUS.labels,
  };
  const specs: FieldSpec[] = [
    { name: 'to', label: 'New stage', type: 'select', choices: others, autoFocus: true },
    { name: 'movedOn', label: 'Date', type: 'date', required: true },
    {
      name: 'claimType',
      label: 'Claim type',
      type: 'select',
      choices: CLAIM_TYPE,
      hint: `Sets the insurer's decision time while the case waits (${WAITING_STAGES.map((s) => CASE_STATUS.labels[s]).join(', ')}).`,
    },
    { name: 'note', type: 'textarea', wide: true },
  ];
  return (
    <Modal title={`Move from "${CASE_STATUS.labels[current]}"`} onClose={onClose}>
      <EntityForm
        formId="stage"
        specs={specs}
        initial={{
          to: suggested && suggested !== current ? suggested : others.values[0],
          movedOn: today,
        }}
        submitLabel="Move case"
        onCancel={onClose}
        onSubmit={async (values) => {
          const to = values.to as CaseStatus;
          await call('stages.move', {
            caseId,
            to,
            movedOn: values.movedOn as string,
            note: values.note as string,
            claimType: WAITING_STAGES.includes(to) ? (values.claimType as never) : null,
          });
          onClose();
          onSaved();
        }}
      />
    </Modal>
  );
}
