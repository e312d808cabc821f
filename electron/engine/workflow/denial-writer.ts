// Recording and changing a denial, whichever door asks ("Record denial", a fact accepted from an
// imported notice): the appeal deadline computed by rule, the deadline row that carries the date
// in force, and the case moved to "Denied". One path, so both make the same record.
import type { Database } from 'better-sqlite3';
import type { CaseStatus } from '../../contract/case';
import type { Denial, DenialValues, DenialView } from '../../contract/workflow';
import { WAITING_STAGES, denialFields } from '../../contract/workflow';
import { proposeDenialCategory } from '../../contract/denial-category';
import { touchCase } from '../cases/touch';
import { longDate } from '../deadlines/plain-date';
import { appealDeadline } from '../deadlines/rules';
import { derivedDeadlines } from '../deadlines/derived-deadline';
import type { CaseFacts } from './queries';
import { denialQueries, stageQueries, workflowQueries } from './queries';

/** Stages from which recording a denial moves the case to "Denied". */
const BEFORE_DENIAL: readonly CaseStatus[] = ['intake', 'gathering-records', ...WAITING_STAGES];

export function denialWriter(db: Database) {
  const stages = stageQueries(db);
  const denials = denialQueries(db);
  const q = workflowQueries(db);
  const derived = derivedDeadlines(db);
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
    const from =
      v.effectiveFrom === 'override'
        ? 'Date chosen over the rule (e.g. printed on the letter).'
        : v.effectiveFrom === 'letter'
          ? 'Date printed on the letter.'
          : 'Computed by rule.';
    return derived.sync(
      denial.deadlineId,
      v.effectiveOn
        ? {
            caseId: denial.caseId,
            title: `File: ${v.computation.nextStep}`,
            dueOn: v.effectiveOn,
            notes: `${from} ${v.computation.rule}`,
          }
        : null,
    );
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
      // A denial always has a kind to argue: what its reason reads as, until the advocate says.
      category: values.category ?? proposeDenialCategory(values.reason),
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

  return {
    view,
    /** Records a denial: its deadline, and the case moved to "Denied" when it was before that. */
    create(caseId: number, values: DenialValues): DenialView {
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
    /** A person's change, made from `version`: refused when another edit changed those fields. */
    update(id: number, version: number, changes: Partial<DenialValues>): DenialView {
      const { current, merged } = denials.rebase(
        id,
        { version, changes, at: 'values' },
        denialFields,
      );
      return save(q.caseFacts(current.caseId), merged as DenialValues, id, current.version);
    },
  };
}
