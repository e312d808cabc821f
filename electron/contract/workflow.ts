// The appeal workflow: stage moves, denials and their appeal deadlines, the dashboard, readiness.
import { z } from 'zod';
import type { CaseStatus } from './case';
import { CASE_STATUS, PLAN_TYPE, choices } from './choices';
import { communicationFields } from './case-records';
import type { Communication, Deadline } from './case-records';
import { id, optionalDate, optionalText, requiredDate, requiredText } from './fields';
import { patchOf, version } from './versions';
import { MAX_PAGE } from './paging';
import { DENIAL_CATEGORY } from './denial-category';
import type { Page } from './paging';

/** What kind of claim a request or a denial is: it decides the insurer's decision time. */
export const CLAIM_TYPE = choices({
  'pre-service': 'Pre-service (prior authorization)',
  'post-service': 'Post-service (care already given)',
  urgent: 'Urgent (expedited)',
});

/** Which decision a denial letter announces: it decides the next step and its window. */
export const DECISION_LEVEL = choices({
  initial: 'Initial denial (prior authorization or claim)',
  'internal-appeal': 'Internal appeal denied; another internal level remains',
  'final-internal': 'Final internal appeal denied',
  'external-review': 'External review upheld the denial',
  'medicare-redetermination': 'Medicare redetermination denied',
  'medicare-reconsideration': 'Medicare reconsideration (QIC or IRE) denied',
  'medicare-alj': 'Medicare ALJ hearing decision unfavorable',
  'medicare-council': 'Medicare Appeals Council decision unfavorable',
});

export type ClaimType = (typeof CLAIM_TYPE.values)[number];
export type DecisionLevel = (typeof DECISION_LEVEL.values)[number];

/** Stages in which the case waits for the insurer (or reviewer) to decide. */
export const WAITING_STAGES: readonly CaseStatus[] = [
  'prior-auth-submitted',
  'internal-appeal-1',
  'internal-appeal-2',
  'external-review',
];

/** Stages after which nothing is pending. */
export const CLOSED_STAGES: readonly CaseStatus[] = [
  'closed-won',
  'closed-lost',
  'closed-withdrawn',
];

export const stageMove = z.object({
  caseId: id,
  to: z.enum(CASE_STATUS.values, { error: 'is not a known case stage' }),
  movedOn: requiredDate,
  note: optionalText(2000),
  /** For a move into a waiting stage: decides the insurer's decision time. */
  claimType: z
    .enum(CLAIM_TYPE.values)
    .nullish()
    .transform((v) => v ?? null),
});

/** Several cases moved to one stage at once, each from the stage the list showed it at. */
export const stageMoveMany = z.object({
  cases: z
    .array(z.object({ caseId: id, from: z.enum(CASE_STATUS.values) }))
    .min(1, { error: 'needs at least one case' })
    .max(500, { error: 'takes at most 500 cases at a time' }),
  to: z.enum(CASE_STATUS.values, { error: 'is not a known case stage' }),
  movedOn: requiredDate,
  note: optionalText(2000),
});

export interface StageMoveMany {
  moved: number[];
  /** Cases left where they are, and why (changed since the list was read, already there…). */
  refused: { caseId: number; reason: string }[];
}

/** One dated move of a case from one stage to another. */
export interface StageMove {
  id: number;
  caseId: number;
  fromStage: CaseStatus | null;
  toStage: CaseStatus;
  movedOn: string;
  note: string | null;
  claimType: ClaimType | null;
  createdAt: string;
}

export const denialFields = z
  .object({
    /** The date printed on the notice. */
    deniedOn: requiredDate,
    /** When the notice arrived, if known: the federal rules count from receipt. */
    receivedOn: optionalDate,
    referenceNumber: optionalText(100),
    /** The claim the denial is about, when the notice gives one: appeals quote it. */
    claimNumber: optionalText(100),
    /** The insurer's reason, quoted word for word. */
    reason: requiredText(10000),
    service: requiredText(300),
    claimType: z
      .enum(CLAIM_TYPE.values, { error: 'is not a known claim type' })
      .default('pre-service'),
    level: z.enum(DECISION_LEVEL.values, { error: 'is not a known decision' }).default('initial'),
    /** The appeal deadline the letter itself states. */
    letterDeadlineOn: optionalDate,
    /** The deadline the advocate chose over the computed one (usually the letter's). */
    overrideOn: optionalDate,
    /** Medicaid: the state's fair-hearing window in days, from the notice or the state's rules. */
    stateWindowDays: z
      .number({ error: 'must be a number of days' })
      .int({ error: 'must be a whole number of days' })
      .min(1, { error: 'must be at least 1 day' })
      .max(365, { error: 'must be at most 365 days' })
      .nullish()
      .transform((v) => v ?? null),
    /** Where the insurer says appeals go (postal address), as the notice prints it. */
    appealAddress: optionalText(500),
    /** The insurer's fax number for appeals, as the notice prints it. */
    appealFax: optionalText(40),
    /** The imported notice the denial was recorded from: the case keeps it, the log does not. */
    sourceDocumentId: id.nullish().transform((v) => v ?? null),
    /** What kind of denial it is (proposed from the reason): decides what the appeal argues. */
    category: z
      .enum(DENIAL_CATEGORY.values, { error: 'is not a known kind of denial' })
      .nullish()
      .transform((v) => v ?? null),
    /** The plan's own words the appeal quotes back (its definition of experimental, its policy). */
    planLanguage: optionalText(5000),
    /** The state's step-therapy exception law the appeal invokes, as the advocate cites it. */
    stepTherapyLaw: optionalText(500),
  })
  .refine((d) => !d.receivedOn || d.receivedOn >= d.deniedOn, {
    error: 'cannot be before the date on the notice',
    path: ['receivedOn'],
  });

/** A change to a denial: the fields changed, and the version they were changed from. */
export const denialUpdate = z.object({ id, version, values: patchOf(denialFields.shape) });

export type DenialValues = z.output<typeof denialFields>;
export type DenialInput = z.input<typeof denialFields>;

/** What a deadline rule says about one denial. */
export interface DeadlineComputation {
  /** The last day to file, or null when the rule needs something only the user knows. */
  dueOn: string | null;
  /** The rule in words, with its source: shown beside the date. */
  rule: string;
  /** The regulation or manual the rule comes from. */
  source: string;
  /** The step this deadline is for, in words ("Internal appeal"). */
  nextStep: string;
  /** The stage the case moves to when that step is filed, when there is one. */
  nextStage: CaseStatus | null;
  /** Things the advocate should know: weekends, conflicting sources, expedited options. */
  warnings: string[];
  /** What the user must supply when `dueOn` is null. */
  needs: 'plan-type' | 'state-window' | 'letter-date' | null;
}

/** A stored denial with the deadline it produced. */
export interface Denial extends DenialValues {
  id: number;
  caseId: number;
  version: number;
  /** The computed date and the rule, as they were when the denial was last saved. */
  computedOn: string | null;
  rule: string;
  /** The deadline row that carries the effective date (on the case page, dashboard, calendar). */
  deadlineId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A denial as the case page shows it: stored values, today's computation, and the date in force. */
export interface DenialView extends Denial {
  computation: DeadlineComputation;
  /** The date in force: the override, else the computed date, else the letter's. */
  effectiveOn: string | null;
  effectiveFrom: 'override' | 'rule' | 'letter' | null;
}

export const denialPreview = z.object({
  caseId: id,
  values: denialFields,
  /** Count as if the case had this plan type (one a notice suggests, not yet saved). */
  planType: z
    .enum(PLAN_TYPE.values)
    .nullish()
    .transform((v) => v ?? null),
});

/** The insurer's decision time for a case waiting in a stage. */
export interface DecisionWait {
  stage: CaseStatus;
  submittedOn: string;
  claimType: ClaimType;
  decisionDueOn: string | null;
  rule: string;
  source: string;
}

/** One item of the readiness meter. */
export interface ReadinessItem {
  /** The general list's keys, or "criterion:<key>" for a criterion of the case's payer set. */
  key:
    | 'diagnosis'
    | 'failed-treatments'
    | 'scores'
    | 'functional-impact'
    | 'provider-letter'
    | 'records'
    | `criterion:${string}`;
  label: string;
  done: boolean;
  /** What was found, or what to gather next. */
  detail: string;
  /** A payer criterion the records cannot decide yet (neither met nor shown to fall short). */
  unknown?: boolean;
}

export interface Readiness {
  items: ReadinessItem[];
  done: number;
  total: number;
  /** The payer's criteria set the items come from; null for the general list. */
  criteriaSet: { id: number; payer: string; policyName: string } | null;
}

/** The case page's workflow panel. */
export interface CaseWorkflow {
  caseId: number;
  status: CaseStatus;
  /** Today in the client's state (the calendar deadlines are counted in). */
  today: string;
  timeZone: string;
  stages: StageMove[];
  denials: DenialView[];
  waiting: DecisionWait | null;
  readiness: Readiness;
}

export const communicationLog = z.object({
  caseId: id,
  values: communicationFields,
  /** Optional follow-up: a task due that day. */
  followUpOn: optionalDate,
});

export interface CommunicationLogResult {
  communication: Communication;
  followUp: Deadline | null;
}

/** The dashboard's lists, each sent a page at a time with its count. */
export const DASHBOARD_LISTS = [
  'overdue',
  'dueThisWeek',
  'dueThisMonth',
  'dueThisQuarter',
  'dueLater',
  'lateLetters',
  'waiting',
  'idle',
] as const;
export type DashboardList = (typeof DASHBOARD_LISTS)[number];
/** How many rows of each list the dashboard sends unless asked for more. */
export const DASHBOARD_ROWS = 20;

const listRows = z.number().int().min(1).max(MAX_PAGE).default(DASHBOARD_ROWS);

export const dashboardQuery = z
  .object({
    /** Count from this date instead of today in each client's state (tests, what-if). */
    today: optionalDate,
    /** How many rows of each list to send ("Show more" asks for more of one). */
    rows: z
      .object({
        overdue: listRows,
        dueThisWeek: listRows,
        dueThisMonth: listRows,
        dueThisQuarter: listRows,
        dueLater: listRows,
        lateLetters: listRows,
        waiting: listRows,
        idle: listRows,
      })
      .partial()
      .default({}),
  })
  .default({ today: null, rows: {} });

export interface DashboardDeadline {
  id: number;
  caseId: number;
  clientName: string;
  requestedTreatment: string;
  insurerName: string | null;
  kind: Deadline['kind'];
  title: string;
  dueOn: string;
  /** Negative when overdue. */
  daysLeft: number;
  notes: string | null;
}

export interface WaitingCase extends DecisionWait {
  caseId: number;
  clientName: string;
  requestedTreatment: string;
  insurerName: string | null;
  daysOverdue: number;
}

export interface IdleCase {
  caseId: number;
  clientName: string;
  requestedTreatment: string;
  status: CaseStatus;
  lastActivityOn: string;
  daysIdle: number;
}

export interface OutcomeCount {
  label: string;
  won: number;
  lost: number;
}

/** A letter sent and not answered by the day its rule gives the insurer. */
export interface LateLetter {
  documentId: number;
  caseId: number;
  clientName: string;
  insurerName: string | null;
  templateName: string;
  /** The letter's kind, which says what to write when its answer does not come. */
  kind: string;
  sentOn: string;
  responseDueOn: string;
  daysLate: number;
}

export interface Dashboard {
  today: string;
  /** Oldest first. */
  overdue: Page<DashboardDeadline>;
  /** Due today up to 7 days from now, the seventh day included; soonest first. */
  dueThisWeek: Page<DashboardDeadline>;
  /** Due in 8 to 30 days. */
  dueThisMonth: Page<DashboardDeadline>;
  /** Due in 31 to 90 days. */
  dueThisQuarter: Page<DashboardDeadline>;
  /** Due more than 90 days from now: nothing open is left off the dashboard. */
  dueLater: Page<DashboardDeadline>;
  /** Letters sent whose answer is past due and not recorded, longest overdue first. */
  lateLetters: Page<LateLetter>;
  /** Latest decision first. */
  waiting: Page<WaitingCase>;
  /** Quiet longest first. */
  idle: Page<IdleCase>;
  byStage: { status: CaseStatus; count: number }[];
  outcomesByInsurer: OutcomeCount[];
  outcomesByTreatment: OutcomeCount[];
}

export const calendarExport = z
  .object({
    caseId: id.optional(),
    /**
     * Put clients' full names, treatments and insurers in the calendar. Off unless chosen: a
     * calendar often syncs to an online service, so by default it carries initials only.
     */
    fullNames: z.boolean().default(false),
  })
  .default({ fullNames: false });

export interface CalendarFile {
  fileName: string;
  text: string;
  events: number;
}
