// What a letter template can read: the case's facts, named for template authors. Every value is
// text ready to print (dates already written out as "March 15, 2021", "March 2019" or "2019", as
// precise as the record); a value the case lacks is a gap that the letter marks visibly and the
// checklist names, never a blank or "undefined".

/** A person or organization's postal block, one line per entry. */
export interface ContextAddress {
  lines: string[];
  /** The lines joined with ", " for a single-line mention. */
  oneLine: string;
}

export interface ContextTreatment {
  name: string;
  kind: string;
  /** SSRI, SNRI, atypical antipsychotic...; a gap for a medication whose class is unknown. */
  drugClass: string;
  dose: string;
  /** The highest dose reached, else the dose recorded. */
  highestDose: string;
  /** Weeks at a therapeutic dose. */
  therapeuticWeeks: number;
  started: string;
  ended: string;
  /**
   * "14 weeks" between two days, "about 8 months" between two months, "... so far" while ongoing,
   * with "(12 weeks at a therapeutic dose)" when recorded; a gap when the dates give only years.
   */
  duration: string;
  hasDuration: boolean;
  /** Whole weeks, only when both dates are days. */
  weeks: number | null;
  outcome: string;
  reasonStopped: string;
}

export interface ContextScore {
  instrument: string;
  score: string;
  date: string;
}

/** One instrument's scores over time: first, latest and every reading in order. */
export interface ContextScoreSeries {
  instrument: string;
  first: ContextScore;
  latest: ContextScore;
  count: number;
  /** "24 (January 5, 2026), 22 (March 2, 2026)". */
  series: string;
}

/** The fields every template may use; see docs/letter-templates.md for what each one holds. */
export interface LetterContext {
  today: string;
  advocate: {
    name: string;
    organisation: string;
    phone: string;
    email: string;
    address: ContextAddress;
    signatureBlock: string;
  };
  client: {
    /** In full, for reference lines: "Jordan A. Rivera Jr.". */
    name: string;
    /** How the prose refers to them: "Mr. Rivera", "Jordan Rivera" or "Jordan". */
    reference: string;
    firstName: string;
    middleName: string;
    lastName: string;
    suffix: string;
    /** The name they go by; the first name when none is recorded. */
    preferredName: string;
    /** Mr., Ms., Mrs., Mx. or Dr.; blank when not recorded. */
    title: string;
    dateOfBirth: string;
    phone: string;
    email: string;
    address: ContextAddress;
    state: string;
  };
  plan: {
    insurer: string;
    name: string;
    type: string;
    memberId: string;
    groupNumber: string;
    isErisa: boolean;
    isMedicare: boolean;
    isMedicaid: boolean;
  };
  provider: {
    name: string;
    npi: string;
    practice: string;
    phone: string;
    fax: string;
  };
  request: {
    treatment: string;
    codes: string;
    /** Frequency, number of sessions, duration, setting and monitoring. */
    plan: string;
  };
  clinical: {
    functionalImpact: string;
    prognosis: string;
  };
  diagnoses: { code: string; description: string; date: string }[];
  primaryDiagnosis: { code: string; description: string };
  treatments: ContextTreatment[];
  medications: ContextTreatment[];
  therapies: ContextTreatment[];
  procedures: ContextTreatment[];
  /** The distinct classes of medication tried, e.g. "SSRI, SNRI and NDRI". */
  medicationClasses: string;
  medicationClassCount: number;
  medicationCount: number;
  assessments: ContextScore[];
  scores: ContextScoreSeries[];
  hasDenial: boolean;
  /** "first", or "second" when the denial answered is of an internal appeal. */
  appealLevel: 'first' | 'second';
  denial: {
    date: string;
    referenceNumber: string;
    claimNumber: string;
    service: string;
    reason: string;
    claimType: string;
    decision: string;
    /** When the notice arrived; blank when not recorded. */
    received: string;
  };
  /** What an external-review request must get right (see docs/letter-templates.md). */
  externalReview: {
    /** A final internal denial is on record. */
    isFinal: boolean;
    /** Why external review may be asked for now; a gap when the record gives no basis. */
    basis: string;
    /** Which process hears it for this plan type, as a sentence. */
    process: string;
    /** The last day to ask, 4 months from the day the final denial arrived; blank until recorded. */
    deadline: string;
  };
  /** The specialist who should review: "a board-certified psychiatrist". */
  reviewer: string;
  /** What is on file to enclose, read from documents' types. */
  enclosed: {
    hasProviderLetter: boolean;
    /** "Letter of medical necessity from …" when the provider's signed letter is on file (a gap otherwise). */
    providerLetter: string;
    hasRecords: boolean;
    /** "Clinical records (2 documents)": clinical notes on file (a gap when there are none). */
    records: string;
  };
  /** The case's payer criteria set, answered one by one (see docs/letter-templates.md). */
  criteria: ContextCriteria;
  recipient: {
    name: string;
    title: string;
    organisation: string;
    address: ContextAddress;
    /** "Dr. Okafor", "Senator Reyes" or "Medical Director". */
    salutation: string;
  };
}

/** One criterion of the payer's set, against the case. */
export interface ContextCriterion {
  /** 1, 2, 3… in the policy's order. */
  number: number;
  key: string;
  /** The policy's words. */
  text: string;
  status: 'met' | 'not-met' | 'unknown';
  /** "Met", "Not met" or "Unknown". */
  statusLabel: string;
  met: boolean;
  /**
   * The records that meet it, joined with "; " ("Sertraline (SSRI), 200 mg daily, 12 weeks at a
   * therapeutic dose…"); a gap when the record does not meet it, so a letter never says it does.
   */
  evidence: string;
  evidenceList: string[];
  /** What to gather next; blank when met. */
  gather: string;
}

/** The case's payer criteria set: blank and empty when the case has none linked. */
export interface ContextCriteria {
  /** Whether the case is linked to a set with criteria. */
  applies: boolean;
  payer: string;
  policyName: string;
  policyNumber: string;
  /** "Aetna’s Transcranial Magnetic Stimulation… (CPB 0469)". */
  policy: string;
  effectiveDate: string;
  /** Where the policy is from. */
  source: string;
  /** A set shipped with the app as an example (to be checked against the current policy). */
  isExample: boolean;
  items: ContextCriterion[];
  /** The criteria the record meets, and the rest. */
  met: ContextCriterion[];
  open: ContextCriterion[];
  metCount: number;
  total: number;
  allMet: boolean;
}
