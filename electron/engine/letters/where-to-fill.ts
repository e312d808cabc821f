// Where in the app each fact a letter reads is filled in, so the checklist can send the advocate
// straight to the field. Routes are the renderer's; `focus` names the element to move to.
import type { ChecklistItem } from '../../contract/letter';

type Place = 'case' | 'client' | 'profile' | 'recipient' | 'section';

interface FieldPlace {
  label: string;
  place: Place;
  /** The form field's name, or the case page section's record kind. */
  target: string;
}

const caseField = (label: string, target: string): FieldPlace => ({ label, place: 'case', target });
const section = (label: string, target: string): FieldPlace => ({
  label,
  place: 'section',
  target,
});

/** The facts letters read, by template field. Lists are named by the list itself. */
export const LETTER_FIELDS: Readonly<Record<string, FieldPlace>> = {
  'advocate.name': { label: 'your name', place: 'profile', target: 'name' },
  'advocate.organisation': { label: 'your organisation', place: 'profile', target: 'organisation' },
  'advocate.phone': { label: 'your phone number', place: 'profile', target: 'phone' },
  'advocate.email': { label: 'your email', place: 'profile', target: 'email' },
  'advocate.address': { label: 'your address', place: 'profile', target: 'addressLine1' },
  'advocate.signatureBlock': {
    label: 'your signature block',
    place: 'profile',
    target: 'signatureBlock',
  },
  'client.dateOfBirth': { label: "client's date of birth", place: 'client', target: 'dateOfBirth' },
  'client.phone': { label: "client's phone", place: 'client', target: 'phone' },
  'client.email': { label: "client's email", place: 'client', target: 'email' },
  'client.address': { label: "client's address", place: 'client', target: 'addressLine1' },
  'client.state': { label: "client's state", place: 'client', target: 'state' },
  'plan.insurer': caseField('insurer', 'insurerName'),
  'plan.name': caseField('plan name', 'planName'),
  'plan.type': caseField('plan type', 'planType'),
  'plan.memberId': caseField('member ID', 'memberId'),
  'plan.groupNumber': caseField('group number', 'groupNumber'),
  'provider.name': caseField('treating provider', 'providerName'),
  'provider.npi': caseField("provider's NPI", 'providerNpi'),
  'provider.practice': caseField("provider's practice", 'providerPractice'),
  'provider.phone': caseField("provider's phone", 'providerPhone'),
  'provider.fax': caseField("provider's fax", 'providerFax'),
  'request.codes': caseField('CPT/HCPCS codes', 'treatmentCodes'),
  'request.plan': caseField('treatment plan (frequency, sessions, duration)', 'treatmentPlan'),
  'clinical.functionalImpact': caseField('functional impact', 'functionalImpact'),
  'clinical.prognosis': caseField('prognosis without treatment', 'prognosis'),
  diagnoses: section('a diagnosis', 'diagnoses'),
  primaryDiagnosis: section('a diagnosis', 'diagnoses'),
  treatments: section('treatment history', 'treatments'),
  medications: section('medication trials', 'treatments'),
  therapies: section('therapy history', 'treatments'),
  procedures: section('procedures tried', 'treatments'),
  drugClass: section('drug class of a medication', 'treatments'),
  assessments: section('assessment scores', 'assessments'),
  scores: section('assessment scores', 'assessments'),
  denial: section('the denial (date, reference, reason)', 'denials'),
  'externalReview.basis': section(
    'the denial’s decision level (a final internal denial)',
    'denials',
  ),
  'enclosed.providerLetter': section(
    'the provider’s signed letter of medical necessity',
    'documents',
  ),
  'enclosed.records': section('clinical records', 'documents'),
  recipient: { label: 'a recipient', place: 'recipient', target: '' },
  citations: section('citations from the evidence library', 'evidence'),
  answers: section('an answer to the letters’ questions', 'questions'),
  criteria: section('evidence for the payer’s criteria', 'criteria'),
  authorization: { label: 'an authorization', place: 'client', target: 'authorizations' },
  accessAttempts: section('in-network providers tried', 'accessAttempts'),
  networkRequests: section('the network-gap request', 'networkRequests'),
  // A parity request is recorded as sent from the case's letters.
  parity: section('the parity request, recorded as sent', 'letters'),
};

/** The checklist entry for a missing template field (its first one or two names decide where). */
export function checklistItem(
  field: string,
  label: string,
  ids: { caseId: number; clientId: number },
): ChecklistItem {
  const [head, second] = field.split('.');
  const place =
    LETTER_FIELDS[`${head}.${second}`] ?? LETTER_FIELDS[head ?? ''] ?? section(label, '');
  switch (place.place) {
    case 'profile':
      return {
        field,
        label,
        where: 'your profile',
        link: `/profile?focus=profile-${place.target}`,
      };
    case 'client':
      return {
        field,
        label,
        where: "the client's details",
        link: `/clients/${ids.clientId}?focus=client-${place.target}`,
      };
    case 'recipient':
      return { field, label, where: 'the recipient list above', link: '/contacts' };
    case 'case':
      return {
        field,
        label,
        where: 'the case details',
        link: `/cases/${ids.caseId}?focus=case-${place.target}`,
      };
    case 'section':
      return {
        field,
        label,
        where: 'the case page',
        link: `/cases/${ids.caseId}?focus=section-${place.target || 'details'}`,
      };
  }
}
