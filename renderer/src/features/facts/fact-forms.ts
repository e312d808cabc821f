// The form a proposed fact is edited in before it is accepted, named as the proposal's values are.
import { DENIAL_CATEGORY } from '../../../../electron/contract/denial-category';
import type { FactKind, ReviewedFact } from '../../../../electron/contract/facts';
import { fieldLabel } from '../../../../electron/contract/labels';
import { CLAIM_TYPE, DECISION_LEVEL } from '../../../../electron/contract/workflow';
import type { FieldSpec } from '../../lib/form';
import { ASSESSMENT_SPECS, DIAGNOSIS_SPECS, TREATMENT_SPECS } from '../../lib/specs';

/** Section titles, in the order the review lists them. */
export const KIND_TITLES: Record<FactKind, string> = {
  denial: 'Denial',
  client: 'Client',
  request: 'Requested treatment',
  provider: 'Treating provider',
  identifier: 'Plan & reference numbers',
  'procedure-code': 'Procedure codes',
  diagnosis: 'Diagnoses',
  treatment: 'Treatments tried',
  assessment: 'Assessments',
};
export const KIND_ORDER = Object.keys(KIND_TITLES) as FactKind[];

const DENIAL_SPECS: FieldSpec[] = [
  { name: 'deniedOn', label: 'Date on the notice', type: 'date', required: true },
  { name: 'receivedOn', label: 'Date received', type: 'date' },
  { name: 'referenceNumber' },
  { name: 'claimNumber' },
  { name: 'service', label: 'Service denied', wide: true },
  { name: 'level', label: 'Decision', type: 'select', choices: DECISION_LEVEL },
  { name: 'claimType', type: 'select', choices: CLAIM_TYPE },
  { name: 'reason', label: 'Reason, word for word', type: 'textarea', required: true, wide: true },
  {
    name: 'category',
    label: 'Kind of denial',
    type: 'select',
    choices: DENIAL_CATEGORY,
    optional: true,
    hint: 'Read from the reason; the appeal argues this kind.',
  },
  { name: 'letterDeadlineOn', label: 'Deadline stated on the letter', type: 'date' },
  { name: 'appealFax' },
  { name: 'appealAddress', wide: true },
];

/** The fields to edit a fact in, before it is saved to the case. */
export function specsFor(fact: ReviewedFact): FieldSpec[] {
  const v = fact.values;
  switch (fact.kind) {
    case 'diagnosis':
      return DIAGNOSIS_SPECS;
    case 'treatment':
      return TREATMENT_SPECS;
    case 'assessment':
      return ASSESSMENT_SPECS;
    case 'identifier':
      return [{ name: 'value', label: fieldLabel(String(v.field ?? '')), required: true }];
    case 'client':
      return v.dateOfBirth !== undefined && v.dateOfBirth !== null
        ? [{ name: 'dateOfBirth', type: 'date', required: true }]
        : [
            {
              name: 'name',
              label: 'Name',
              required: true,
              hint: 'As written: first, middle and last name, e.g. Jordan A. Rivera',
            },
          ];
    case 'request':
      return [{ name: 'requestedTreatment', required: true, wide: true }];
    case 'provider':
      return [
        { name: 'name', label: 'Treating provider' },
        { name: 'npi', label: 'NPI' },
      ];
    case 'procedure-code':
      return [{ name: 'code', label: `${String(v.system ?? '')} code`, required: true }];
    case 'denial':
      return DENIAL_SPECS;
  }
}
