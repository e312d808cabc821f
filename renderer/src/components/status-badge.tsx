// A case's status as a colored pill; the color groups open, won and lost stages.
import { CASE_STATUS } from '../../../electron/contract/choices';
import type { CaseStatus } from '../../../electron/contract/case';

function tone(status: CaseStatus): string {
  if (status === 'approved' || status === 'closed-won') return 'good';
  if (status === 'denied' || status === 'closed-lost') return 'bad';
  if (status.startsWith('closed')) return 'muted';
  if (status.includes('appeal') || status === 'external-review' || status === 'state-complaint') {
    return 'warn';
  }
  return 'info';
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`badge badge-${tone(status)}`}>{CASE_STATUS.labels[status]}</span>;
}
