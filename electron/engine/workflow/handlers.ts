// The appeal workflow's calls: stage moves, denials with computed appeal deadlines, the
// communication log's quick entry, the dashboard, readiness and the calendar export.
import type { CaseStatus } from '../../contract/case';
import { CASE_STATUS } from '../../contract/choices';
import type { Deadline } from '../../contract/case-records';
import { AppError } from '../../contract/errors';
import type {
  CaseWorkflow,
  DecisionWait,
  Denial,
  DenialValues,
  DenialView,
} from '../../contract/workflow';
import { WAITING_STAGES, denialFields } from '../../contract/workflow';
import type { EngineContext, HandlerSet } from '../context';
import { touchCase } from '../cases/touch';
import { longDate, todayIn } from '../deadlines/plain-date';
import { appealDeadline, decisionDue } from '../deadlines/rules';
import { timeZoneForState } from '../deadlines/state-time-zones';
import { recordQueries } from '../records/queries';
import { deadlinesCalendar } from './calendar';
import type { CaseFacts } from './queries';
import { denialQueries, stageQueries, workflowQueries } from './queries';
import { readiness } from './readiness';
import { dashboardReader } from './dashboard';

type WorkflowCalls =
  | 'stages.move'
  | 'denials.preview'
  | 'denials.create'
  | 'denials.update'
  | 'denials.delete'
  | 'workflow.get'
  | 'communications.log'
  | 'dashboard.get'
  | 'calendar.export';

/** Stages from which recording a denial moves the case to "Denied". */
const BEFORE_DENIAL: readonly CaseStatus[] = ['intake', 'gathering-records', ...WAITING_STAGES];

export function workflowHandlers({ db }: EngineContext): HandlerSet<WorkflowCalls> {
  const stages = stageQueries(db);
  const denials = denialQueries(db);
  const q = workflowQueries(db);
  const deadlines = recordQueries(db, 'deadlines');
  const communications = recordQueries(db, 'communications');
  const diagnoses = recordQueries(db, 'diagnoses');
  const treatments = recordQueries(db, 'treatments');
  const assessments = recordQueries(db, 'assessments');
  const touch = touchCase(db);

  const compute = (facts: CaseFacts, values: DenialValues) =>
    appealDeadline({ ...values, planType: facts.planType });

  const view = (facts: CaseFacts, denial: Denial): DenialView => {
    const computation = compute(facts, denial);
    const effectiveFrom = denial.overrideOn
      ? 'override'
      : computation.dueOn
        ? 'rule'
        : denial.letterDeadlineOn
          ? 'letter'
          : null;
    const effectiveOn = denial.overrideOn ?? computation.dueOn ?? denial.letterDeadlineOn ?? null;
    const warnings = [...computation.warnings];
    if (
      denial.letterDeadlineOn &&
      computation.dueOn &&
      denial.letterDeadlineOn !== computation.dueOn
    ) {
      warnings.unshift(
        `The letter states ${longDate(denial.letterDeadlineOn)}; the rule gives ${longDate(computation.dueOn)}. ${denial.letterDeadlineOn < computation.dueOn ? 'The letter’s date is earlier: filing by it is the safe choice.' : 'Filing by the earlier date is the safe choice.'}`,
      );
    }
    return { ...denial, computation: { ...computation, warnings }, effectiveOn, effectiveFrom };
  };

  /** Creates, moves or removes the deadline row that carries a denial's effective date. */
  const syncDeadline = (denial: Denial, v: DenialView): number | null => {
    const existing: Deadline | undefined =
      denial.deadlineId === null ? undefined : deadlines.find(denial.deadlineId);
    if (!v.effectiveOn) {
      if (existing && !existing.completedOn) deadlines.remove(existing.id);
      return existing?.completedOn ? existing.id : null;
    }
    const from =
      v.effectiveFrom === 'override'
        ? 'Date chosen over the rule (e.g. printed on the letter).'
        : v.effectiveFrom === 'letter'
          ? 'Date printed on the letter.'
          : 'Computed by rule.';
    const values = {
      caseId: denial.caseId,
      kind: 'deadline' as const,
      title: `File: ${v.computation.nextStep}`,
      dueOn: v.effectiveOn,
      completedOn: existing?.completedOn ?? null,
      notes: `${from} ${v.computation.rule}`.slice(0, 2000),
      sourceDocumentId: existing?.sourceDocumentId ?? null,
    };
    return existing ? deadlines.update(existing.id, values).id : deadlines.insert(values).id;
  };

  /** Saves a denial (new when `id` is null; an edit only if still at `expectedVersion`). */
  const save = (
    facts: CaseFacts,
    values: DenialValues,
    id: number | null,
    expectedVersion?: number,
  ): DenialView => {
    const computation = compute(facts, values);
    const stored = {
      ...values,
      caseId: facts.id,
      computedOn: computation.dueOn,
      rule: computation.rule,
    };
    let denial =
      id === null
        ? denials.insert({ ...stored, deadlineId: null })
        : denials.update(
            id,
            { ...stored, deadlineId: denials.get(id).deadlineId },
            expectedVersion,
          );
    const deadlineId = syncDeadline(denial, view(facts, denial));
    if (deadlineId !== denial.deadlineId)
      denial = denials.update(denial.id, { ...denial, deadlineId });
    touch(facts.id);
    return view(facts, denial);
  };

  const waitFor = (facts: CaseFacts): DecisionWait | null => {
    if (!WAITING_STAGES.includes(facts.status)) return null;
    const row = q.waitingCase(facts.id);
    if (!row) return null;
    return describeWait(row);
  };

  const describeWait = (row: {
    status: CaseStatus;
    planType: CaseFacts['planType'];
    submittedOn: string;
    claimType: DecisionWait['claimType'] | null;
    denialClaimType: DecisionWait['claimType'] | null;
  }): DecisionWait => {
    const claimType = row.claimType ?? row.denialClaimType ?? 'pre-service';
    const rule = decisionDue({
      planType: row.planType,
      stage: row.status,
      claimType,
      submittedOn: row.submittedOn,
    });
    return {
      stage: row.status,
      submittedOn: row.submittedOn,
      claimType,
      decisionDueOn: rule?.dueOn ?? null,
      rule:
        rule?.rule ??
        'No decision time is encoded for this plan type and stage: add a follow-up task to chase the decision.',
      source: rule?.source ?? '—',
    };
  };

  const dashboard = dashboardReader(db, describeWait);

  return {
    'stages.move': ({ caseId, to, movedOn, note, claimType }) => {
      const facts = q.caseFacts(caseId);
      if (facts.status === to) {
        throw new AppError('conflict', `The case is already at "${CASE_STATUS.labels[to]}".`, 'to');
      }
      const last = stages.last(caseId);
      if (last && movedOn < last.movedOn) {
        throw new AppError(
          'invalid-input',
          `Date must be on or after ${longDate(last.movedOn)}, the date of the last stage move.`,
          'movedOn',
        );
      }
      stages.setStatus(caseId, to);
      return stages.record({
        caseId,
        fromStage: facts.status,
        toStage: to,
        movedOn,
        note,
        claimType,
      });
    },

    'denials.preview': ({ caseId, values }) => {
      const facts = q.caseFacts(caseId);
      const now = new Date().toISOString();
      return view(facts, {
        ...values,
        id: 0,
        caseId,
        version: 0,
        computedOn: null,
        rule: '',
        deadlineId: null,
        createdAt: now,
        updatedAt: now,
      });
    },

    'denials.create': ({ caseId, values }) => {
      const facts = q.caseFacts(caseId);
      const saved = save(facts, values, null);
      if (BEFORE_DENIAL.includes(facts.status)) {
        // History stays in date order: a denial older than the last move (a case taken on after
        // the denial) moves the case on the day of that last move.
        const last = stages.last(caseId);
        const movedOn = last && last.movedOn > values.deniedOn ? last.movedOn : values.deniedOn;
        stages.setStatus(caseId, 'denied');
        stages.record({
          caseId,
          fromStage: facts.status,
          toStage: 'denied',
          movedOn,
          note: `Denial of ${longDate(values.deniedOn)} recorded${values.referenceNumber ? ` (reference ${values.referenceNumber})` : ''}: ${values.service}`,
          claimType: values.claimType,
        });
      }
      return saved;
    },

    'denials.update': ({ id, version, values }) => {
      const { current, merged } = denials.rebase(
        id,
        { version, changes: values, at: 'values' },
        denialFields,
      );
      return save(q.caseFacts(current.caseId), merged as DenialValues, id, current.version);
    },

    'denials.delete': ({ id }) => {
      const denial = denials.get(id);
      denials.remove(id);
      if (denial.deadlineId !== null) {
        const row = deadlines.find(denial.deadlineId);
        if (row && !row.completedOn) deadlines.remove(row.id);
      }
      touch(denial.caseId);
      return null;
    },

    'workflow.get': ({ caseId }): CaseWorkflow => {
      const facts = q.caseFacts(caseId);
      const timeZone = timeZoneForState(facts.state);
      return {
        caseId,
        status: facts.status,
        today: todayIn(timeZone),
        timeZone,
        stages: stages.forCase(caseId),
        denials: denials.forCase(caseId).map((d) => view(facts, d)),
        waiting: waitFor(facts),
        readiness: readiness({
          caseNotes: facts.notes,
          diagnoses: diagnoses.forCase(caseId),
          treatments: treatments.forCase(caseId),
          assessments: assessments.forCase(caseId),
          documents: q.documentHits(caseId).map((d) => ({
            ...d,
            providerLetter: d.providerLetter === 1,
            functional: d.functional === 1,
          })),
        }),
      };
    },

    'communications.log': ({ caseId, values, followUpOn }) => {
      touch(caseId);
      const communication = communications.insert({ ...values, caseId });
      const about = values.person ? `${values.channel} with ${values.person}` : values.summary;
      const followUp = followUpOn
        ? deadlines.insert({
            caseId,
            kind: 'task',
            title: `Follow up: ${about}`.slice(0, 200),
            dueOn: followUpOn,
            completedOn: null,
            notes: values.referenceNumber ? `Reference ${values.referenceNumber}` : null,
            sourceDocumentId: null,
          })
        : null;
      return { communication, followUp };
    },

    'dashboard.get': ({ today, rows }) => dashboard(today, rows),

    'calendar.export': ({ caseId, initialsOnly }) => {
      if (caseId !== undefined) q.caseFacts(caseId);
      const rows = q.openDeadlines('9999-12-31', caseId ?? null);
      return {
        fileName:
          caseId === undefined ? 'advocate-desk-deadlines.ics' : `case-${caseId}-deadlines.ics`,
        text: deadlinesCalendar(rows, initialsOnly),
        events: rows.length,
      };
    },
  };
}
