// Which fields the coverage forms show, in reading order.
import { ACCESS_RESULT } from '../../../../electron/contract/access-log';
import {
  CHECK_SOURCE,
  NETWORK_SIDES,
  NETWORK_STATUS,
  YES_NO,
} from '../../../../electron/contract/benefits-check';
import { CHANNEL } from '../../../../electron/contract/choices';
import { ASSISTANCE_KIND, ENROLMENT_STATUS } from '../../../../electron/contract/enrolment';
import {
  NETWORK_REQUEST_KIND,
  REQUEST_DECISION,
} from '../../../../electron/contract/network-request';
import { PEER_OUTCOME } from '../../../../electron/contract/peer-call';
import type { FieldSpec } from '../../lib/form';

const money = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  type: 'number',
  ...extra,
});

export const ACCESS_ATTEMPT_SPECS: FieldSpec[] = [
  { name: 'providerTried', required: true, autoFocus: true },
  { name: 'npi', hint: '10 digits, from the plan’s directory' },
  { name: 'attemptedOn', type: 'date', required: true },
  { name: 'channel', type: 'select', choices: CHANNEL },
  { name: 'result', type: 'select', choices: ACCESS_RESULT },
  { name: 'waitOfferedDays', type: 'number', hint: 'Days to the first appointment offered' },
  { name: 'distanceMiles', type: 'number', hint: 'From the client’s home' },
  { name: 'notes', type: 'textarea', wide: true, hint: 'Who you spoke to, what they said' },
];

export const NETWORK_REQUEST_SPECS: FieldSpec[] = [
  { name: 'kind', type: 'select', choices: NETWORK_REQUEST_KIND },
  {
    name: 'providerName',
    label: 'Out-of-network provider',
    required: true,
    hint: 'Usually the treating provider',
  },
  {
    name: 'rationale',
    type: 'textarea',
    wide: true,
    hint: 'The clinician’s reasons no in-network provider can give this care; the request letter quotes it.',
  },
  { name: 'requestedOn', type: 'date' },
  { name: 'decision', type: 'select', choices: REQUEST_DECISION, group: 'Decision' },
  { name: 'decidedOn', type: 'date' },
  { name: 'referenceNumber' },
  money('approvedRate'),
  { name: 'approvedSessions', type: 'number' },
  { name: 'approvedFrom', type: 'date' },
  {
    name: 'approvedUntil',
    type: 'date',
    hint: 'Shown as a deadline so it can be extended in time',
  },
  { name: 'terms', type: 'textarea', wide: true, hint: 'Codes covered, cost sharing, renewal' },
];

export const PEER_CALL_SPECS: FieldSpec[] = [
  { name: 'occurredOn', type: 'date', required: true },
  { name: 'reviewerName' },
  { name: 'reviewerCredentials', hint: 'e.g. MD, board-certified in psychiatry' },
  { name: 'askedFor', type: 'textarea', wide: true, required: true },
  { name: 'outcome', type: 'select', choices: PEER_OUTCOME },
  { name: 'referenceNumber' },
  { name: 'notes', type: 'textarea', wide: true },
];

export const ENROLMENT_SPECS: FieldSpec[] = [
  { name: 'kind', type: 'select', choices: ASSISTANCE_KIND },
  { name: 'program', required: true, hint: 'e.g. the manufacturer’s support program' },
  { name: 'status', type: 'select', choices: ENROLMENT_STATUS },
  { name: 'appliedOn', type: 'date' },
  { name: 'enrolledOn', type: 'date' },
  money('amount'),
  { name: 'amountBasis', hint: 'per session, per month, per year, total' },
  money('cap', { hint: 'The most it pays in its term' }),
  { name: 'renewsOn', type: 'date', hint: 'Shown as a deadline while applied or enrolled' },
  { name: 'referenceNumber' },
  { name: 'contact', hint: 'Phone or website to apply or renew' },
  { name: 'notes', type: 'textarea', wide: true },
];

const sideSpecs = (p: (typeof NETWORK_SIDES)[number], group: string): FieldSpec[] => [
  money(`${p}Deductible`, { group }),
  money(`${p}DeductibleMet`),
  money(`${p}OutOfPocketMax`),
  money(`${p}OutOfPocketMet`),
  money(`${p}Copay`),
  { name: `${p}CoinsurancePercent`, type: 'number' },
  money(`${p}AllowedAmount`),
];

export const BENEFITS_CHECK_SPECS: FieldSpec[] = [
  { name: 'checkedOn', type: 'date', required: true },
  { name: 'source', type: 'select', choices: CHECK_SOURCE },
  { name: 'representative' },
  { name: 'referenceNumber', hint: 'The call’s reference number' },
  { name: 'service', wide: true, hint: 'What was asked about, e.g. TMS, CPT 90867–90869' },
  { name: 'networkStatus', type: 'select', choices: NETWORK_STATUS, group: 'Coverage' },
  { name: 'tier' },
  { name: 'priorAuthRequired', type: 'select', choices: YES_NO },
  { name: 'referralRequired', type: 'select', choices: YES_NO },
  { name: 'visitLimit' },
  { name: 'plannedSessions', type: 'number', hint: 'The course of treatment to price' },
  ...sideSpecs('in', 'In network'),
  ...sideSpecs('out', 'Out of network'),
  { name: 'notes', type: 'textarea', wide: true, group: 'Notes' },
];
