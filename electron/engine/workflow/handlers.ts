// The appeal workflow's calls: stage moves, denials with computed appeal deadlines, the
// communication log's quick entry, the dashboard, readiness and the calendar export.
import type { ApiParsedArgs } from '../../contract/api';
import type { CaseStatus } from '../../contract/case';
import { CASE_STATUS } from '../../contract/choices';
import { AppError } from '../../contract/errors';
import type { CaseWorkflow, DecisionWait } from '../../contract/workflow';
import { WAITING_STAGES } from '../../contract/workflow';
import type { EngineContext, HandlerSet } from '../context';
import { touchCase } from '../cases/touch';
import { addDays, localTimeZone, longDate, todayIn } from '../deadlines/plain-date';
import { decisionDue } from '../deadlines/rules';
import { timeZoneForState } from '../deadlines/state-time-zones';
import { recordQueries } from '../records/queries';
import { deadlinesCalendar } from './calendar';
import { authorizationQueries } from '../authorizations/queries';
import { denialWriter } from './denial-writer';
import type { CaseFacts } from './queries';
import { denialQueries, stageQueries, workflowQueries } from './queries';
import { criteriaReadiness, readiness } from './readiness';
import { caseCriteriaReader } from '../criteria/case-criteria';
import { dashboardReader } from './dashboard';
import { syncDecisionDays } from './decision-days';

type WorkflowCalls =
  | 'stages.move'
  | 'stages.moveMany'
  | 'denials.preview'
  | 'denials.create'
  | 'denials.update'
  | 'denials.delete'
  | 'workflow.get'
  | 'communications.log'
  | 'dashboard.get'
  | 'calendar.export';

export function workflowHandlers({ db }: EngineContext): HandlerSet<WorkflowCalls> {
  const stages = stageQueries(db);
  const denials = denialQueries(db);
  const q = workflowQueries(db);
  const deadlines = recordQueries(db, 'deadlines');
  const auth = authorizationQueries(db);
  const communications = recordQueries(db, 'communications');
  const diagnoses = recordQueries(db, 'diagnoses');
  const treatments = recordQueries(db, 'treatments');
  const assessments = recordQueries(db, 'assessments');
  const touch = touchCase(db);
  const caseCriteria = caseCriteriaReader(db);

  const writer = denialWriter(db);
  const view = writer.view;

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

  syncDecisionDays(db);
  const dashboard = dashboardReader(db, describeWait);

  const move = ({ caseId, to, movedOn, note, claimType }: ApiParsedArgs<'stages.move'>) => {
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
  };

  return {
    'stages.move': (args) => move(args),

    // Each case from the stage the list showed it at, in a savepoint of its own: one that moved
    // on since, or cannot move, is reported and the others still move.
    'stages.moveMany': ({ cases, to, movedOn, note }) => {
      const moved: number[] = [];
      const refused: { caseId: number; reason: string }[] = [];
      for (const { caseId, from } of cases) {
        try {
          db.transaction(() => {
            const now = q.caseFacts(caseId).status;
            if (now !== from)
              throw new AppError(
                'conflict',
                `It was changed elsewhere: it is now at “${CASE_STATUS.labels[now]}”.`,
              );
            move({ caseId, to, movedOn, note, claimType: null });
          })();
          moved.push(caseId);
        } catch (error) {
          refused.push({ caseId, reason: error instanceof Error ? error.message : String(error) });
        }
      }
      return { moved, refused };
    },

    'denials.preview': ({ caseId, values, planType }) => {
      const stored = q.caseFacts(caseId);
      const facts = planType && !stored.planType ? { ...stored, planType } : stored;
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

    'denials.create': ({ caseId, values }) => writer.create(caseId, values),

    'denials.update': ({ id, version, values }) => writer.update(id, version, values),

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
        readiness:
          criteriaReadiness(caseCriteria(caseId)) ??
          readiness({
            caseNotes: facts.notes,
            diagnoses: diagnoses.forCase(caseId),
            treatments: treatments.forCase(caseId),
            assessments: assessments.forCase(caseId),
            documents: q.documentHits(caseId).map((d) => ({
              ...d,
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

    'calendar.export': ({ caseId, fullNames }) => {
      if (caseId !== undefined) q.caseFacts(caseId);
      const rows = q.openDeadlines('9999-12-31', caseId ?? null);
      // A case's calendar carries its client's authorizations, which every case of theirs uses.
      const clientId = caseId === undefined ? null : (auth.caseClient(caseId)?.client_id ?? null);
      const expiries = auth.forCalendar(clientId, addDays(todayIn(localTimeZone()), -30));
      return {
        fileName:
          caseId === undefined ? 'advocate-desk-deadlines.ics' : `case-${caseId}-deadlines.ics`,
        text: deadlinesCalendar(rows, !fullNames, expiries),
        events: rows.length + expiries.length,
      };
    },
  };
}
