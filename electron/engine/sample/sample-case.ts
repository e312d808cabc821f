// The fictional sample client and case: every screen has something to show before real data goes
// in. Dates are counted back from today, so the denial's deadline is always ahead.
import type { ApiArgs } from '../../contract/api';

/** Marks every name the sample writes, so a list, a letter or a search result says it is fictional. */
export const SAMPLE_MARK = '(sample)';

/** A plain YYYY-MM-DD `days` before `today` (UTC arithmetic on a date, no time zone involved). */
export function daysBefore(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export const sampleClient: ApiArgs<'clients.create'> = {
  firstName: 'Jamie',
  lastName: `Rivera ${SAMPLE_MARK}`,
  dateOfBirth: '1988-04-17',
  phone: '555-0142',
  email: 'jamie.rivera@example.org',
  addressLine1: '48 Sample Lane',
  city: 'Springfield',
  state: 'IL',
  postalCode: '62704',
  notes:
    'A fictional client created by the welcome so every screen can be explored. Remove it from the welcome, the dashboard or the case list when you are ready.',
};

export function sampleCase(clientId: number, today: string): ApiArgs<'cases.create'> {
  return {
    clientId,
    requestedTreatment: 'Transcranial magnetic stimulation (TMS), 36 sessions',
    treatmentCodes: '90867, 90868',
    status: 'gathering-records',
    openedOn: daysBefore(today, 60),
    providerName: 'Dr. Priya Natarajan (sample)',
    providerPractice: 'Lakeside Neuromodulation Clinic (fictional)',
    providerPhone: '555-0190',
    providerFax: '555-0191',
    insurerName: 'Prairie Mutual Health (sample insurer)',
    planName: 'Prairie Gold PPO',
    planType: 'employer-self-funded',
    memberId: 'SAMPLE-000123',
    groupNumber: 'G-4410',
    functionalImpact:
      'Jamie has been unable to work full time for eight months, stopped driving after a near miss and needs help from family with shopping and meals.',
    prognosis:
      'Without TMS the treating psychiatrist expects continued severe symptoms and a high risk of hospitalisation, given four failed antidepressant trials.',
    treatmentPlan:
      'Five sessions a week for six weeks (30 sessions), then a six-session taper; PHQ-9 at baseline, weekly and at the end.',
    notes: 'Fictional sample case.',
  };
}

type RecordArgs<
  K extends
    | 'diagnoses.create'
    | 'treatments.create'
    | 'assessments.create'
    | 'communications.create'
    | 'deadlines.create',
> = ApiArgs<K>['values'];

export function sampleRecords(today: string) {
  const ago = (days: number) => daysBefore(today, days);
  const diagnoses: RecordArgs<'diagnoses.create'>[] = [
    {
      icd10Code: 'F33.2',
      description: 'Major depressive disorder, recurrent, severe without psychotic features',
      diagnosedOn: ago(900),
    },
    { icd10Code: 'F41.1', description: 'Generalized anxiety disorder', diagnosedOn: ago(900) },
  ];
  const treatments: RecordArgs<'treatments.create'>[] = [
    {
      kind: 'medication',
      name: 'Sertraline',
      drugClass: 'SSRI',
      dose: '200 mg daily',
      startedOn: ago(820),
      endedOn: ago(700),
      outcome: 'No meaningful response after 16 weeks at the maximum dose.',
      reasonStopped: 'Inadequate response',
    },
    {
      kind: 'medication',
      name: 'Venlafaxine XR',
      drugClass: 'SNRI',
      dose: '225 mg daily',
      startedOn: ago(690),
      endedOn: ago(560),
      outcome: 'Partial response, then relapse; nausea and raised blood pressure.',
      reasonStopped: 'Side effects and relapse',
    },
    {
      kind: 'medication',
      name: 'Bupropion XL',
      drugClass: 'NDRI',
      dose: '450 mg daily',
      startedOn: ago(550),
      endedOn: ago(430),
      outcome: 'No response after 12 weeks.',
      reasonStopped: 'Inadequate response',
    },
    {
      kind: 'medication',
      name: 'Aripiprazole',
      drugClass: 'atypical antipsychotic',
      dose: '5 mg daily, added to escitalopram',
      startedOn: ago(420),
      endedOn: ago(300),
      outcome: 'Augmentation without benefit; akathisia.',
      reasonStopped: 'Side effects',
    },
    {
      kind: 'therapy',
      name: 'Cognitive behavioral therapy',
      dose: 'Weekly, 20 sessions',
      startedOn: ago(800),
      endedOn: ago(640),
      outcome: 'Helpful skills, depression persisted.',
    },
  ];
  const assessments: RecordArgs<'assessments.create'>[] = [
    { instrument: 'PHQ-9', score: 22, assessedOn: ago(820), notes: 'Before sertraline.' },
    { instrument: 'PHQ-9', score: 20, assessedOn: ago(560) },
    { instrument: 'PHQ-9', score: 21, assessedOn: ago(300) },
    { instrument: 'PHQ-9', score: 23, assessedOn: ago(45), notes: 'At the TMS evaluation.' },
  ];
  const communications: RecordArgs<'communications.create'>[] = [
    {
      occurredOn: ago(25),
      channel: 'phone',
      person: 'Utilization review line (sample)',
      referenceNumber: 'CALL-7781',
      summary:
        'Asked why TMS was denied; told the reviewer counted only three antidepressant trials. Requested the claim file and the criteria used.',
    },
  ];
  const deadlines: RecordArgs<'deadlines.create'>[] = [
    {
      kind: 'task',
      title: 'Ask Dr. Natarajan for a letter of medical necessity',
      dueOn: daysBefore(today, -4),
      notes: 'Sample task.',
    },
  ];
  const denial: ApiArgs<'denials.create'>['values'] = {
    deniedOn: ago(30),
    receivedOn: ago(27),
    referenceNumber: 'UM-SAMPLE-4471',
    reason:
      'The member has not tried and failed at least four antidepressant medications from two or more classes. TMS is not medically necessary.',
    service: 'Transcranial magnetic stimulation (CPT 90867, 90868)',
    claimType: 'pre-service',
    level: 'initial',
  };
  return { diagnoses, treatments, assessments, communications, deadlines, denial };
}

export const sampleContacts: ApiArgs<'contacts.create'>[] = [
  {
    kind: 'insurer',
    name: 'Dr. Morgan Ellis (sample)',
    title: 'Medical Director, Appeals',
    organisation: 'Prairie Mutual Health (sample insurer)',
    department: 'Appeals and Grievances',
    addressLine1: 'PO Box 1000',
    city: 'Springfield',
    state: 'IL',
    postalCode: '62701',
    fax: '555-0111',
  },
  {
    kind: 'lawmaker',
    name: 'Sen. Casey Blake (sample)',
    title: 'State Senator',
    organisation: 'Illinois State Senate (fictional office)',
    addressLine1: '200 Capitol Avenue',
    city: 'Springfield',
    state: 'IL',
    postalCode: '62706',
  },
];
