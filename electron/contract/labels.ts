// The words people see for each field: form labels and error messages use the same ones.

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  addressLine1: 'Address',
  addressLine2: 'Address line 2',
  postalCode: 'ZIP code',
  requestedTreatment: 'Requested treatment',
  treatmentCodes: 'CPT/HCPCS codes',
  openedOn: 'Opened on',
  providerName: 'Treating provider',
  providerNpi: 'Provider NPI',
  providerPractice: 'Practice',
  providerPhone: 'Provider phone',
  providerFax: 'Provider fax',
  insurerName: 'Insurer',
  planName: 'Plan name',
  planType: 'Plan type',
  memberId: 'Member ID',
  groupNumber: 'Group number',
  icd10Code: 'ICD-10 code',
  diagnosedOn: 'Diagnosed on',
  startedOn: 'Started',
  endedOn: 'Ended',
  reasonStopped: 'Reason stopped',
  assessedOn: 'Date',
  occurredOn: 'Date',
  referenceNumber: 'Reference number',
  person: 'Person spoken to',
  dueOn: 'Due on',
  completedOn: 'Completed on',
  npi: 'NPI',
  signatureBlock: 'Signature block',
  organisation: 'Organisation',
  functionalImpact: 'Functional impact',
  prognosis: 'Prognosis without treatment',
  treatmentPlan: 'Treatment plan',
  deniedOn: 'Date of the denial',
  claimNumber: 'Claim number',
  claimType: 'Kind of claim',
  appealDueOn: 'Appeal deadline on the letter',
  appealAddress: 'Appeal address',
  appealFax: 'Appeal fax',
  category: 'Kind of denial',
  planLanguage: 'The plan’s own words',
  stepTherapyLaw: 'State step-therapy exception law',
  documentType: 'Document type',
};

/** The label for a field: from the table above, or its name in words ("groupNumber" → "Group number"). */
export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  const words = field.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
