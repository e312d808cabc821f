// The fixed vocabularies of the case library, each value with the label people read.

/** A fixed vocabulary: its values in order and the label people read for each. */
export function choices<const T extends Record<string, string>>(labels: T) {
  const values = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return { values, labels } as const;
}

/** Where a case stands, in the order coverage is won. */
export const CASE_STATUS = choices({
  intake: 'Intake',
  'gathering-records': 'Gathering records',
  'prior-auth-submitted': 'Prior authorization submitted',
  approved: 'Approved',
  denied: 'Denied',
  'internal-appeal-1': 'Internal appeal, level 1',
  'internal-appeal-2': 'Internal appeal, level 2',
  'external-review': 'External review',
  'state-complaint': 'State complaint / fair hearing',
  'closed-won': 'Closed — won',
  'closed-lost': 'Closed — lost',
  'closed-withdrawn': 'Closed — withdrawn',
});

/** The kind of plan decides which appeal rules apply (ERISA, ACA, Medicare, Medicaid...). */
export const PLAN_TYPE = choices({
  'employer-self-funded': 'Employer self-funded (ERISA)',
  'fully-insured': 'Fully insured (employer or individual)',
  'aca-marketplace': 'ACA marketplace',
  medicaid: 'Medicaid',
  medicare: 'Medicare',
  'medicare-advantage': 'Medicare Advantage',
  other: 'Other',
});

export const TREATMENT_KIND = choices({
  medication: 'Medication',
  therapy: 'Therapy',
  procedure: 'Procedure',
});

export const CHANNEL = choices({
  phone: 'Phone',
  fax: 'Fax',
  email: 'Email',
  letter: 'Letter',
  portal: 'Online portal',
  'in-person': 'In person',
  other: 'Other',
});

export const CONTACT_KIND = choices({
  insurer: 'Insurer',
  provider: 'Provider',
  lawmaker: 'Lawmaker',
  agency: 'Agency',
  other: 'Other',
});

export const DEADLINE_KIND = choices({
  deadline: 'Deadline',
  task: 'Task',
});

export const DOCUMENT_ORIGIN = choices({
  imported: 'Imported',
  generated: 'Generated',
});

/**
 * Score ranges of the instruments advocates meet most, so a mistyped score is caught.
 * Other instruments are accepted with any non-negative score.
 */
export const INSTRUMENT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  'PHQ-9': [0, 27],
  'GAD-7': [0, 21],
  'PCL-5': [0, 80],
  MADRS: [0, 60],
  'HAM-D': [0, 52],
  'QIDS-SR': [0, 27],
  'BDI-II': [0, 63],
  'C-SSRS': [0, 6],
};
