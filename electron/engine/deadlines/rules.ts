// The deadline rules: when an appeal must be filed, and when the insurer must decide. Pure
// functions of plain dates; each rule cites its source and carries the words the UI shows.
// docs/deadline-rules.md lists them all. Weekends: most federal windows count calendar days and
// say nothing about weekends, so a rule moves a date only when its source says to (the ACA
// external-review window); otherwise the date stands and a warning names the business day before.
import type { CaseStatus, PlanType } from '../../contract/case';
import type { ClaimType, DeadlineComputation, DecisionLevel } from '../../contract/workflow';
import {
  addDays,
  addMonthsOrFirstOfNext,
  longDate,
  nextBusinessDay,
  nonBusinessReason,
  previousBusinessDay,
} from './plain-date';

export interface AppealInput {
  planType: PlanType | null;
  level: DecisionLevel;
  claimType: ClaimType;
  /** The date printed on the notice. */
  deniedOn: string;
  /** When the notice arrived, if known. */
  receivedOn: string | null;
  /** Medicaid: the state's window in days, as the user entered it. */
  stateWindowDays: number | null;
}

export const COMMERCIAL: readonly PlanType[] = [
  'employer-self-funded',
  'fully-insured',
  'aca-marketplace',
];

const ERISA_APPEAL = '29 CFR 2560.503-1(h)(3)(i); 45 CFR 147.136(b)';
const ACA_EXTERNAL =
  '29 CFR 2590.715-2719(d)(2)(i); 45 CFR 147.136(d)(2)(i); DOL Technical Release 2010-01';

/** A warning when a calendar-day deadline lands on a weekend or federal holiday. */
export function weekendWarning(dueOn: string): string | null {
  const reason = nonBusinessReason(dueOn);
  if (!reason) return null;
  return `${longDate(dueOn)} is a ${reason === 'Saturday' || reason === 'Sunday' ? reason : `federal holiday (${reason})`}. This rule counts calendar days and does not move the date: make sure the filing arrives by ${longDate(previousBusinessDay(dueOn))}.`;
}

function result(
  dueOn: string | null,
  fields: Omit<DeadlineComputation, 'dueOn' | 'warnings' | 'needs'> & {
    warnings?: (string | null)[];
    needs?: DeadlineComputation['needs'];
  },
): DeadlineComputation {
  const warnings = [...(dueOn ? [weekendWarning(dueOn)] : []), ...(fields.warnings ?? [])];
  return {
    dueOn,
    rule: fields.rule,
    source: fields.source,
    nextStep: fields.nextStep,
    nextStage: fields.nextStage,
    warnings: warnings.filter((w): w is string => Boolean(w)),
    needs: fields.needs ?? null,
  };
}

const fromReceipt = (input: AppealInput) =>
  input.receivedOn
    ? `counted from ${longDate(input.receivedOn)}, when the notice arrived`
    : `counted from ${longDate(input.deniedOn)}, the date on the notice (the rule counts from receipt; add the date it arrived if later)`;

/** ERISA / ACA internal appeal: at least 180 days after receipt of the denial notice. */
export function internalAppeal(input: AppealInput): DeadlineComputation {
  const start = input.receivedOn ?? input.deniedOn;
  return result(addDays(start, 180), {
    rule: `ERISA 29 CFR 2560.503-1(h)(3)(i) (ACA plans: 45 CFR 147.136(b)): 180 days from the notice, ${fromReceipt(input)}.`,
    source: ERISA_APPEAL,
    nextStep: 'Internal appeal (level 1)',
    nextStage: 'internal-appeal-1',
    warnings: [
      input.claimType === 'urgent'
        ? 'Urgent claim: ask for an expedited appeal, decided within 72 hours (29 CFR 2560.503-1(i)(2)(i)); an expedited external review may run at the same time (29 CFR 2590.715-2719(d)(3)).'
        : null,
    ],
  });
}

/**
 * ACA external review: 4 months after receipt of the final internal denial; without a matching
 * day, the first day of the fifth month; a weekend or federal holiday moves to the next business
 * day (DOL Technical Release 2010-01 says both).
 */
export function externalReview(input: AppealInput): DeadlineComputation {
  const start = input.receivedOn ?? input.deniedOn;
  const raw = addMonthsOrFirstOfNext(start, 4);
  const due = nextBusinessDay(raw);
  const moved =
    due === raw
      ? null
      : `The 4 months end on ${longDate(raw)} (${nonBusinessReason(raw)}); the rule moves the deadline to the next business day, ${longDate(due)}.`;
  return {
    dueOn: due,
    rule: `ACA external review, 29 CFR 2590.715-2719(d)(2)(i) / 45 CFR 147.136(d)(2)(i): 4 months from the final internal denial (no matching day: the first of the fifth month; a weekend or federal holiday moves to the next business day), ${fromReceipt(input)}.`,
    source: ACA_EXTERNAL,
    nextStep: 'External review',
    nextStage: 'external-review',
    warnings: [
      moved,
      'A fully insured plan may use the state external-review process, whose window can differ (California and Georgia allow 6 months); a healthcare.gov page says 60 days. The federal 4 months is used here: check the letter and file early if in doubt.',
      input.claimType === 'urgent'
        ? 'Urgent: ask for an expedited external review, decided within 72 hours (29 CFR 2590.715-2719(d)(3)).'
        : null,
    ].filter((w): w is string => Boolean(w)),
    needs: null,
  };
}

interface MedicareStep {
  days: number;
  nextStep: string;
  nextStage: CaseStatus | null;
  source: string;
  note?: string;
}

const AMOUNT_IN_CONTROVERSY =
  'This level requires a minimum amount in controversy, which CMS changes every year: check the current figure.';

/** Original Medicare's levels (42 CFR 405 subpart I), keyed by the decision being appealed. */
const ORIGINAL_MEDICARE: Partial<Record<DecisionLevel, MedicareStep>> = {
  initial: {
    days: 120,
    nextStep: 'Medicare redetermination (level 1)',
    nextStage: 'internal-appeal-1',
    source: '42 CFR 405.942(a)',
  },
  'medicare-redetermination': {
    days: 180,
    nextStep: 'Reconsideration by a Qualified Independent Contractor (level 2)',
    nextStage: 'external-review',
    source: '42 CFR 405.962(a)',
  },
  'medicare-reconsideration': {
    days: 60,
    nextStep: 'ALJ hearing (level 3)',
    nextStage: null,
    source: '42 CFR 405.1014(b)',
    note: AMOUNT_IN_CONTROVERSY,
  },
  'medicare-alj': {
    days: 60,
    nextStep: 'Medicare Appeals Council review (level 4)',
    nextStage: null,
    source: '42 CFR 405.1102(a)',
  },
  'medicare-council': {
    days: 60,
    nextStep: 'Federal district court (level 5)',
    nextStage: null,
    source: '42 CFR 405.1130; 405.1136',
    note: AMOUNT_IN_CONTROVERSY,
  },
};

/**
 * Original Medicare: each level's window runs from receipt of the last decision, and receipt is
 * presumed 5 days after the notice's date unless shown otherwise (42 CFR 405.942(a)(1) and the
 * matching paragraph at each level).
 */
export function originalMedicare(input: AppealInput): DeadlineComputation {
  const step = ORIGINAL_MEDICARE[input.level];
  if (!step) return needsLetter('Original Medicare', input.level);
  const start = input.receivedOn ?? addDays(input.deniedOn, 5);
  const counted = input.receivedOn
    ? `counted from ${longDate(input.receivedOn)}, when the notice arrived`
    : `counted from ${longDate(start)}: receipt is presumed 5 days after the notice's date`;
  return result(addDays(start, step.days), {
    rule: `Original Medicare, ${step.source}: ${step.days} days from receipt of the decision, ${counted}.`,
    source: step.source,
    nextStep: step.nextStep,
    nextStage: step.nextStage,
    warnings: [step.note ?? null],
  });
}

/** Medicare Advantage (42 CFR 422 subpart M), keyed by the decision being appealed. */
const MEDICARE_ADVANTAGE: Partial<Record<DecisionLevel, MedicareStep & { fromNotice: boolean }>> = {
  initial: {
    days: 60,
    nextStep: 'Plan reconsideration (level 1)',
    nextStage: 'internal-appeal-1',
    source: '42 CFR 422.582(b)',
    fromNotice: true,
    note: 'Sources differ: the regulation says 60 days from the notice; a newer CMS page says 65. The earlier date is used here.',
  },
  'medicare-reconsideration': {
    days: 60,
    nextStep: 'ALJ hearing (level 3)',
    nextStage: null,
    source: '42 CFR 422.602(b)',
    fromNotice: false,
    note: AMOUNT_IN_CONTROVERSY,
  },
  'medicare-alj': {
    days: 60,
    nextStep: 'Medicare Appeals Council review (level 4)',
    nextStage: null,
    source: '42 CFR 422.608; 405.1102(a)',
    fromNotice: false,
  },
  'medicare-council': {
    days: 60,
    nextStep: 'Federal district court (level 5)',
    nextStage: null,
    source: '42 CFR 422.612',
    fromNotice: false,
    note: AMOUNT_IN_CONTROVERSY,
  },
};

/** Medicare Advantage: the plan's reconsideration, then the same ALJ, Council and court levels. */
export function medicareAdvantage(input: AppealInput): DeadlineComputation {
  const step = MEDICARE_ADVANTAGE[input.level];
  if (!step) {
    return needsLetter(
      'Medicare Advantage',
      input.level,
      'A plan reconsideration that goes against the member is sent to the Independent Review Entity automatically (42 CFR 422.592); record the IRE decision as "Medicare reconsideration (QIC or IRE) denied".',
    );
  }
  // Counting from the notice's date (not receipt) is never later than the rule allows.
  const start = step.fromNotice ? input.deniedOn : (input.receivedOn ?? input.deniedOn);
  return result(addDays(start, step.days), {
    rule: `Medicare Advantage, ${step.source}: ${step.days} days from ${step.fromNotice ? 'the date of the notice' : 'receipt of the decision'}, counted from ${longDate(start)}.`,
    source: step.source,
    nextStep: step.nextStep,
    nextStage: step.nextStage,
    warnings: [
      step.note ?? null,
      input.claimType === 'urgent' && input.level === 'initial'
        ? 'Urgent: ask for an expedited reconsideration, decided within 72 hours (42 CFR 422.590(e)).'
        : null,
    ],
  });
}

const MEDICAID_WINDOWS =
  'fee-for-service: the state allows up to 90 days from the notice (42 CFR 431.221(d)); managed care: 60 days to appeal to the plan (42 CFR 438.402(c)(2)(ii)), then up to 120 days after the plan decides for a state fair hearing (42 CFR 438.408(f)(2))';

/** Medicaid: the window is the state's; Advocate Desk asks for it and never guesses. */
export function medicaid(input: AppealInput): DeadlineComputation {
  const days = input.stateWindowDays;
  if (days === null) {
    return result(null, {
      rule: `Medicaid: the window to appeal is set by the state (${MEDICAID_WINDOWS}). Enter the number of days the notice gives.`,
      source: '42 CFR 431.221(d); 438.402(c); 438.408(f)',
      nextStep: 'Medicaid plan appeal or state fair hearing',
      nextStage: 'state-complaint',
      needs: 'state-window',
    });
  }
  return result(addDays(input.deniedOn, days), {
    rule: `Medicaid: ${days} days from the date of the notice, the state's window as entered (42 CFR 431.221(d); 438.402(c); 438.408(f)).`,
    source: '42 CFR 431.221(d); 438.402(c); 438.408(f)',
    nextStep: 'Medicaid plan appeal or state fair hearing',
    nextStage: 'state-complaint',
    warnings: [
      days > 120
        ? `${days} days is longer than the federal limits (${MEDICAID_WINDOWS}): check the notice.`
        : null,
    ],
  });
}

function needsLetter(plan: string, level: DecisionLevel, extra?: string): DeadlineComputation {
  return result(null, {
    rule: `Advocate Desk has no rule for this decision under ${plan}: enter the deadline printed on the letter.${extra ? ` ${extra}` : ''}`,
    source: 'The letter',
    nextStep: 'Next appeal level (see the letter)',
    nextStage: null,
    needs: 'letter-date',
  });
}

/** The appeal deadline for a denial, by plan type and the decision being appealed. */
export function appealDeadline(input: AppealInput): DeadlineComputation {
  const { planType, level } = input;
  if (planType === null) {
    return result(null, {
      rule: 'Set the plan type on the case (employer, marketplace, Medicare, Medicaid…) to compute the appeal deadline, or enter the date printed on the letter.',
      source: '—',
      nextStep: 'Appeal',
      nextStage: null,
      needs: 'plan-type',
    });
  }
  if (COMMERCIAL.includes(planType)) {
    if (level === 'initial') return internalAppeal(input);
    if (level === 'final-internal') return externalReview(input);
    if (level === 'internal-appeal') {
      return {
        ...needsLetter(
          'the plan',
          level,
          'The window for a second internal level is set by the plan (29 CFR 2560.503-1 allows at most two levels).',
        ),
        nextStep: 'Internal appeal (level 2)',
        nextStage: 'internal-appeal-2',
      };
    }
    if (level === 'external-review') {
      return {
        ...needsLetter(
          'federal law',
          level,
          'After external review the options are a state insurance complaint or, for ERISA plans, a lawsuit; their time limits depend on the state and the plan.',
        ),
        nextStep: 'State complaint or lawsuit',
        nextStage: 'state-complaint',
      };
    }
    return needsLetter('an employer or marketplace plan', level);
  }
  if (planType === 'medicare') return originalMedicare(input);
  if (planType === 'medicare-advantage') return medicareAdvantage(input);
  if (planType === 'medicaid') return medicaid(input);
  return needsLetter('this plan type', level);
}

export interface DecisionInput {
  planType: PlanType | null;
  stage: CaseStatus;
  claimType: ClaimType;
  /** The day the request or appeal reached the insurer. */
  submittedOn: string;
}

export interface DecisionRule {
  dueOn: string;
  rule: string;
  source: string;
}

/** "72 hours" as a calendar date: the third day after the request, at the latest. */
const HOURS_72 = 3;

function decision(input: DecisionInput, days: number, rule: string, source: string): DecisionRule {
  return {
    dueOn: addDays(input.submittedOn, days),
    rule: `${rule} (from ${longDate(input.submittedOn)}).`,
    source,
  };
}

/** How long the insurer (or reviewer) has to decide while a case waits in `stage`. */
export function decisionDue(input: DecisionInput): DecisionRule | null {
  const { planType, stage, claimType } = input;
  const urgent = claimType === 'urgent';
  const post = claimType === 'post-service';
  if (planType && COMMERCIAL.includes(planType)) {
    if (stage === 'prior-auth-submitted') {
      if (urgent)
        return decision(
          input,
          HOURS_72,
          'Urgent claim: 72 hours, 29 CFR 2560.503-1(f)(2)(i)',
          '29 CFR 2560.503-1(f)(2)(i)',
        );
      if (post)
        return decision(
          input,
          30,
          'Post-service claim: 30 days (one 15-day extension with notice), 29 CFR 2560.503-1(f)(2)(iii)(B)',
          '29 CFR 2560.503-1(f)(2)(iii)(B)',
        );
      return decision(
        input,
        15,
        'Pre-service claim: 15 days (one 15-day extension with notice), 29 CFR 2560.503-1(f)(2)(iii)(A)',
        '29 CFR 2560.503-1(f)(2)(iii)(A)',
      );
    }
    if (stage === 'internal-appeal-1') {
      if (urgent)
        return decision(
          input,
          HOURS_72,
          'Urgent appeal: 72 hours, 29 CFR 2560.503-1(i)(2)(i)',
          '29 CFR 2560.503-1(i)(2)(i)',
        );
      if (post)
        return decision(
          input,
          60,
          'Post-service appeal: 60 days (30 per level if the plan has two), 29 CFR 2560.503-1(i)(2)(iii)',
          '29 CFR 2560.503-1(i)(2)(iii)',
        );
      return decision(
        input,
        30,
        'Pre-service appeal: 30 days (15 per level if the plan has two), 29 CFR 2560.503-1(i)(2)(ii)',
        '29 CFR 2560.503-1(i)(2)(ii)',
      );
    }
    if (stage === 'internal-appeal-2') {
      if (urgent)
        return decision(
          input,
          HOURS_72,
          'Urgent appeal: 72 hours, 29 CFR 2560.503-1(i)(2)(i)',
          '29 CFR 2560.503-1(i)(2)(i)',
        );
      if (post)
        return decision(
          input,
          30,
          'Second of two post-service appeal levels: 30 days, 29 CFR 2560.503-1(i)(2)(iii)',
          '29 CFR 2560.503-1(i)(2)(iii)',
        );
      return decision(
        input,
        15,
        'Second of two pre-service appeal levels: 15 days, 29 CFR 2560.503-1(i)(2)(ii)',
        '29 CFR 2560.503-1(i)(2)(ii)',
      );
    }
    if (stage === 'external-review') {
      if (urgent)
        return decision(
          input,
          HOURS_72,
          'Expedited external review: 72 hours, 29 CFR 2590.715-2719(d)(3); 45 CFR 147.136(d)(3)',
          '29 CFR 2590.715-2719(d)(3)',
        );
      return decision(
        input,
        45,
        'Standard external review: 45 days after the reviewer receives the request, 29 CFR 2590.715-2719(d)(2); 45 CFR 147.136(d)(2)',
        '29 CFR 2590.715-2719(d)(2)',
      );
    }
    return null;
  }
  if (planType === 'medicare') {
    if (stage === 'internal-appeal-1')
      return decision(
        input,
        60,
        'Medicare redetermination: 60 days, 42 CFR 405.950(a)',
        '42 CFR 405.950(a)',
      );
    if (stage === 'internal-appeal-2' || stage === 'external-review') {
      return decision(
        input,
        60,
        'Medicare QIC reconsideration: 60 days, 42 CFR 405.970(a)',
        '42 CFR 405.970(a)',
      );
    }
    return null;
  }
  if (planType === 'medicare-advantage') {
    if (stage === 'prior-auth-submitted') {
      if (urgent)
        return decision(
          input,
          HOURS_72,
          'Expedited organization determination: 72 hours, 42 CFR 422.572(a)',
          '42 CFR 422.572(a)',
        );
      // CMS-0057-F shortened standard prior-authorization decisions to 7 days from 2026.
      if (input.submittedOn >= '2026-01-01') {
        return decision(
          input,
          7,
          'Standard organization determination: 7 days from 2026, 42 CFR 422.568(b) as amended by CMS-0057-F',
          '42 CFR 422.568(b); CMS-0057-F',
        );
      }
      return decision(
        input,
        14,
        'Standard organization determination: 14 days, 42 CFR 422.568(b)',
        '42 CFR 422.568(b)',
      );
    }
    if (stage === 'internal-appeal-1') {
      if (urgent)
        return decision(
          input,
          HOURS_72,
          'Expedited reconsideration: 72 hours, 42 CFR 422.590(e)',
          '42 CFR 422.590(e)',
        );
      if (post)
        return decision(
          input,
          60,
          'Payment reconsideration: 60 days, 42 CFR 422.590(b)',
          '42 CFR 422.590(b)',
        );
      return decision(
        input,
        30,
        'Standard service reconsideration: 30 days (Part B drugs: 7), 42 CFR 422.590(a)',
        '42 CFR 422.590(a)',
      );
    }
    return null;
  }
  if (planType === 'medicaid' && stage === 'internal-appeal-1') {
    if (urgent)
      return decision(
        input,
        HOURS_72,
        'Medicaid managed care expedited appeal: 72 hours, 42 CFR 438.408(b)(3)',
        '42 CFR 438.408(b)(3)',
      );
    return decision(
      input,
      30,
      'Medicaid managed care appeal: 30 days, 42 CFR 438.408(b)(2)',
      '42 CFR 438.408(b)(2)',
    );
  }
  return null;
}
