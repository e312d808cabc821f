// How a criteria set is named in lists: payer, policy and number, so two versions tell apart.
import type { CriteriaSetSummary } from '../../../../electron/contract/criteria';

export const setLabel = (s: Pick<CriteriaSetSummary, 'payer' | 'policyName' | 'policyNumber'>) =>
  `${s.payer}: ${s.policyName}${s.policyNumber ? ` (${s.policyNumber})` : ''}`;
