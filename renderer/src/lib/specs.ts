// Which fields each form shows, in reading order.
import {
  CASE_STATUS,
  CHANNEL,
  CONTACT_KIND,
  DEADLINE_KIND,
  PLAN_TYPE,
  TREATMENT_KIND,
} from '../../../electron/contract/choices';
import { COURTESY_TITLE, REFER_AS } from '../../../electron/contract/person-name';
import type { FieldSpec } from './form';
import { partialDateNote } from './partial-date-note';

/** A date as precise as the record: a day, a month or a year. */
const partialDate = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  type: 'partial-date',
  hint: 'A day, a month or a year: 2019-03-15, 03/2019 or 2019',
  describe: partialDateNote,
  ...extra,
});

const address: FieldSpec[] = [
  { name: 'addressLine1', wide: true },
  { name: 'addressLine2', wide: true },
  { name: 'city' },
  { name: 'state', hint: 'Two letters, e.g. CA' },
  { name: 'postalCode', hint: 'e.g. 62701 or 62701-1234' },
];

export const CASE_SPECS: FieldSpec[] = [
  { name: 'requestedTreatment', required: true, wide: true, group: 'Request' },
  { name: 'status', type: 'select', choices: CASE_STATUS },
  { name: 'openedOn', type: 'date' },
  { name: 'treatmentCodes', hint: 'e.g. 90867, J0585-59' },
  { name: 'providerName', group: 'Treating provider' },
  { name: 'providerNpi' },
  { name: 'providerPractice' },
  { name: 'providerPhone', type: 'tel' },
  { name: 'providerFax', type: 'tel' },
  { name: 'insurerName', group: 'Insurance plan' },
  { name: 'planName' },
  { name: 'planType', type: 'select', choices: PLAN_TYPE, optional: true },
  { name: 'memberId' },
  { name: 'groupNumber' },
  {
    name: 'functionalImpact',
    type: 'textarea',
    wide: true,
    group: 'What letters argue from',
    hint: 'Work, family, self-care, safety: what the condition stops the client doing.',
  },
  {
    name: 'prognosis',
    label: 'Prognosis without treatment',
    type: 'textarea',
    wide: true,
    hint: 'What the treating provider expects if the request is refused.',
  },
  {
    name: 'treatmentPlan',
    type: 'textarea',
    wide: true,
    hint: 'Frequency, number of sessions, duration, setting and monitoring.',
  },
  { name: 'notes', label: 'Case notes', type: 'textarea', wide: true, group: 'Notes' },
];

export const CLIENT_SPECS: FieldSpec[] = [
  { name: 'firstName', required: true },
  { name: 'middleName', hint: 'Or an initial, e.g. A.' },
  { name: 'lastName', required: true },
  { name: 'suffix', hint: 'Jr., Sr., III…' },
  { name: 'preferredName', hint: 'The name they go by, if not their first name' },
  { name: 'courtesyTitle', type: 'select', choices: COURTESY_TITLE, optional: true },
  {
    name: 'referAs',
    type: 'select',
    choices: REFER_AS,
    wide: true,
    hint: 'Letters give the full name in their reference lines, then refer to the client this way.',
  },
  { name: 'dateOfBirth', type: 'date' },
  { name: 'phone', type: 'tel' },
  { name: 'email', type: 'email' },
  ...address,
  { name: 'notes', type: 'textarea', wide: true },
];

export const CONTACT_SPECS: FieldSpec[] = [
  { name: 'kind', type: 'select', choices: CONTACT_KIND },
  { name: 'name', required: true },
  { name: 'title' },
  { name: 'organisation' },
  { name: 'department' },
  ...address,
  { name: 'phone', type: 'tel' },
  { name: 'fax', type: 'tel' },
  { name: 'email', type: 'email' },
  { name: 'npi' },
  { name: 'notes', type: 'textarea', wide: true },
];

export const PROFILE_SPECS: FieldSpec[] = [
  { name: 'name', label: 'Your name' },
  { name: 'organisation' },
  ...address,
  { name: 'phone', type: 'tel' },
  { name: 'email', type: 'email' },
  { name: 'signatureBlock', type: 'textarea', wide: true, hint: 'Printed under your letters.' },
];

export const DIAGNOSIS_SPECS: FieldSpec[] = [
  { name: 'icd10Code', required: true, hint: 'e.g. F33.2' },
  partialDate('diagnosedOn'),
  { name: 'description', wide: true, hint: 'Filled from the ICD-10-CM code set when left empty.' },
];

export const TREATMENT_SPECS: FieldSpec[] = [
  { name: 'kind', type: 'select', choices: TREATMENT_KIND },
  { name: 'name', required: true },
  {
    name: 'drugClass',
    hint: 'Filled from the drug list when left empty (e.g. SSRI); type your own to override.',
  },
  { name: 'dose', hint: 'e.g. 100 mg daily' },
  { name: 'maxDose', hint: 'If higher than the dose above' },
  {
    name: 'weeksAtTherapeuticDose',
    type: 'number',
    hint: 'What payers count as an adequate trial (often 6 or more)',
  },
  partialDate('startedOn'),
  partialDate('endedOn'),
  { name: 'outcome', type: 'textarea', wide: true },
  { name: 'reasonStopped', type: 'textarea', wide: true },
];

export const ASSESSMENT_SPECS: FieldSpec[] = [
  { name: 'instrument', required: true, hint: 'e.g. PHQ-9' },
  { name: 'score', type: 'number', required: true },
  partialDate('assessedOn', { required: true }),
  { name: 'notes', type: 'textarea', wide: true },
];

export const COMMUNICATION_SPECS: FieldSpec[] = [
  { name: 'occurredOn', type: 'date', required: true },
  { name: 'channel', type: 'select', choices: CHANNEL },
  { name: 'person' },
  { name: 'referenceNumber' },
  { name: 'summary', type: 'textarea', required: true, wide: true },
];

export const DEADLINE_SPECS: FieldSpec[] = [
  { name: 'kind', type: 'select', choices: DEADLINE_KIND },
  { name: 'title', required: true },
  { name: 'dueOn', type: 'date', required: true },
  { name: 'completedOn', type: 'date' },
  { name: 'notes', type: 'textarea', wide: true },
];
