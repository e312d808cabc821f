// Each criterion of a payer's set measured against the case's own records: met (with the records
// that meet it), not met, or unknown (the records cannot say), and what to gather next. Nothing is
// met on a guess: a date known only to the month or year counts only as far as it is known.
import type { Assessment, Diagnosis, Treatment } from '../../contract/case-records';
import type {
  Criterion,
  CriterionAnswer,
  CriterionResult,
  CriterionStatus,
} from '../../contract/criteria';
import { dateRange, shortDate } from '../../contract/partial-date';

const dateIn = (facts: CriteriaFacts, date: string) => (facts.writeDate ?? shortDate)(date);
import { vocabulary } from '../facts/vocabulary';
import { classOf } from '../records/drug-classes';

export interface CriteriaFacts {
  /** Today, in the client's calendar (YYYY-MM-DD). */
  today: string;
  dateOfBirth: string | null;
  providerName: string | null;
  providerPractice: string | null;
  treatmentPlan: string | null;
  notes: string | null;
  diagnoses: Diagnosis[];
  treatments: Treatment[];
  assessments: Assessment[];
  /** Document file names by id: where each record came from. */
  documentNames: ReadonlyMap<number, string>;
  /** How dates are written: "Mar 2019" on screen (the default), "March 2019" in letters. */
  writeDate?: (date: string) => string;
}

type Judged = Omit<CriterionResult, 'key' | 'text' | 'kind' | 'answer' | 'answerable'>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Where a record came from, for the evidence line. */
const from = (facts: CriteriaFacts, r: { sourceDocumentId: number | null }) => {
  const name = r.sourceDocumentId === null ? null : facts.documentNames.get(r.sourceDocumentId);
  return name ? ` (from ${name})` : '';
};

const tried = (t: Treatment) => Boolean(t.endedOn || t.reasonStopped || t.outcome);

/** The role the drug vocabulary gives a class ("antidepressant", "augmenting agent"), if known. */
function roleOf(drugClass: string): string | undefined {
  const lower = drugClass.toLowerCase();
  for (const [name, c] of Object.entries(vocabulary().classes)) {
    if (name.toLowerCase() === lower) return c.role;
  }
  return undefined;
}

/** How a trial reads as evidence: "sertraline (SSRI), 200 mg, 12 weeks at dose, 2019-03 to 2019-06: …". */
function trialLine(facts: CriteriaFacts, t: Treatment): string {
  const cls = t.kind === 'medication' ? classOf(t) : null;
  const parts = [`${t.name}${cls ? ` (${cls})` : ''}`];
  const dose = t.maxDose ?? t.dose;
  if (dose) parts.push(dose);
  if (t.weeksAtTherapeuticDose !== null)
    parts.push(`${plural(t.weeksAtTherapeuticDose, 'week')} at a therapeutic dose`);
  if (t.startedOn || t.endedOn)
    parts.push(
      `${t.startedOn ? dateIn(facts, t.startedOn) : 'start not recorded'} to ${t.endedOn ? dateIn(facts, t.endedOn) : 'end not recorded'}`,
    );
  const why = t.reasonStopped ?? t.outcome;
  return `${parts.join(', ')}${why ? `: ${why}` : ''}${from(facts, t)}`;
}

/**
 * The most weeks a trial can have lasted, from its dates as precisely as they are known, or null
 * when an end is missing (it may still be going on, or the dates were never written).
 */
function mostWeeks(t: Treatment): number | null {
  if (!t.startedOn || !t.endedOn) return null;
  const first = dateRange(t.startedOn)[0];
  const last = dateRange(t.endedOn)[1];
  return Math.floor((Date.parse(last) - Date.parse(first)) / (7 * 86_400_000));
}

/** Medication trials: antidepressant (or unclassed, which may be one) trials tried and stopped. */
function medicationTrials(facts: CriteriaFacts) {
  const meds = facts.treatments.filter((t) => t.kind === 'medication' && tried(t));
  const antidepressants: Treatment[] = [];
  const unclassed: Treatment[] = [];
  const augmenting: Treatment[] = [];
  for (const t of meds) {
    const cls = classOf(t);
    if (!cls) unclassed.push(t);
    else {
      const role = roleOf(cls);
      // A class the vocabulary does not know was typed by the advocate, who knows what it is.
      if (role === undefined || role === 'antidepressant') antidepressants.push(t);
      else if (role === 'augmenting agent' || role === 'mood stabiliser') augmenting.push(t);
    }
  }
  return { meds, antidepressants, unclassed, augmenting };
}

/** Met when enough are known to qualify; not met when even the undecided could not make up the count. */
function tally(known: number, undecided: number, needed: number): CriterionStatus {
  if (known >= needed) return 'met';
  if (known + undecided < needed) return 'not-met';
  return 'unknown';
}

function age(c: Criterion, facts: CriteriaFacts): Judged {
  const min = c.min ?? 0;
  const max = c.max;
  if (!facts.dateOfBirth) {
    return {
      status: 'unknown',
      evidence: [],
      gather: 'Record the client’s date of birth.',
    };
  }
  const years = (birth: string) => {
    const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
    const [ty, tm, td] = facts.today.split('-').map(Number) as [number, number, number];
    return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  };
  const age = years(facts.dateOfBirth);
  const fits = age >= min && (max === null || age <= max);
  return {
    status: fits ? 'met' : 'not-met',
    evidence: fits ? [`Age ${age} (born ${dateIn(facts, facts.dateOfBirth)})`] : [],
    gather: fits
      ? null
      : `The client is ${age}; the policy asks for ${max === null ? `${min} or older` : `${min} to ${max}`}.`,
  };
}

/** "F33" covers "F33.2"; "F32.0-F33.9" covers the codes between, as written. */
function codeMatches(code: string, pattern: string): boolean {
  const c = code.toUpperCase();
  const p = pattern.toUpperCase().trim();
  const range = /^([A-Z0-9.]+)\s*-\s*([A-Z0-9.]+)$/.exec(p);
  if (range) return c >= range[1]! && (c <= range[2]! || c.startsWith(range[2]!));
  return c.startsWith(p);
}

function diagnosis(c: Criterion, facts: CriteriaFacts): Judged {
  const codes = c.codes ?? [];
  const excluded = c.excludeCodes ?? [];
  if (!facts.diagnoses.length) {
    return {
      status: 'unknown',
      evidence: [],
      gather: `Add the diagnosis with its ICD-10-CM code${codes.length ? ` (the policy covers ${codes.join(', ')})` : ''}.`,
    };
  }
  const line = (d: Diagnosis) =>
    `${d.icd10Code}${d.description ? ` ${d.description}` : ''}${d.diagnosedOn ? `, diagnosed ${dateIn(facts, d.diagnosedOn)}` : ''}${from(facts, d)}`;
  const barred = facts.diagnoses.filter((d) => excluded.some((p) => codeMatches(d.icd10Code, p)));
  if (barred.length) {
    return {
      status: 'not-met',
      evidence: [],
      gather: `The policy excludes ${barred.map((d) => d.icd10Code).join(', ')}: check the diagnosis with the provider.`,
    };
  }
  const matching = codes.length
    ? facts.diagnoses.filter((d) => codes.some((p) => codeMatches(d.icd10Code, p)))
    : facts.diagnoses;
  return matching.length
    ? { status: 'met', evidence: matching.map(line), gather: null }
    : {
        status: 'not-met',
        evidence: [],
        gather: `No diagnosis on file is one the policy covers (${codes.join(', ')}); the case has ${facts.diagnoses.map((d) => d.icd10Code).join(', ')}.`,
      };
}

function failedTrials(c: Criterion, facts: CriteriaFacts): Judged {
  const needed = c.count ?? 2;
  const { antidepressants, unclassed } = medicationTrials(facts);
  const minWeeks = c.minWeeks;
  const longEnough = (t: Treatment): boolean | null => {
    if (!minWeeks) return true;
    if (t.weeksAtTherapeuticDose !== null) return t.weeksAtTherapeuticDose >= minWeeks;
    const most = mostWeeks(t);
    return most !== null && most < minWeeks ? false : null;
  };
  const qualifying = antidepressants.filter((t) => longEnough(t) === true);
  const undecided = [
    ...antidepressants.filter((t) => longEnough(t) === null),
    ...unclassed.filter((t) => longEnough(t) !== false),
  ];
  const status = tally(qualifying.length, undecided.length, needed);
  let gather: string | null = null;
  if (status !== 'met') {
    const parts: string[] = [];
    if (unclassed.length)
      parts.push(`record the drug class of ${unclassed.map((t) => t.name).join(', ')}`);
    const noWeeks = antidepressants.filter((t) => longEnough(t) === null);
    if (noWeeks.length)
      parts.push(
        `record the weeks at a therapeutic dose for ${noWeeks.map((t) => t.name).join(', ')}`,
      );
    if (!parts.length)
      parts.push(
        `add the antidepressant trials tried before (${plural(qualifying.length, 'qualifying trial')} on file, the policy asks for ${needed}${minWeeks ? `, each ${minWeeks}+ weeks` : ''})`,
      );
    gather = `${parts.join('; ')}.`.replace(/^./, (m) => m.toUpperCase());
  }
  return { status, evidence: qualifying.map((t) => trialLine(facts, t)), gather };
}

function distinctClassCount(c: Criterion, facts: CriteriaFacts): Judged {
  const needed = c.count ?? 2;
  const { antidepressants, unclassed } = medicationTrials(facts);
  const byClass = new Map<string, Treatment[]>();
  for (const t of antidepressants) {
    const cls = classOf(t)!;
    const key = cls.toLowerCase();
    byClass.set(key, [...(byClass.get(key) ?? []), t]);
  }
  const status = tally(byClass.size, unclassed.length, needed);
  return {
    status,
    evidence: [...byClass.values()].map((ts) => {
      const cls = classOf(ts[0]!)!;
      return `${cls}: ${ts.map((t) => `${t.name}${from(facts, t)}`).join(', ')}`;
    }),
    gather:
      status === 'met'
        ? null
        : unclassed.length
          ? `Record the drug class of ${unclassed.map((t) => t.name).join(', ')}.`
          : `Trials in ${plural(byClass.size, 'antidepressant class', 'antidepressant classes')} on file; the policy asks for ${needed}.`,
  };
}

function weeksAtDose(c: Criterion, facts: CriteriaFacts): Judged {
  const needed = c.count ?? 2;
  const minWeeks = c.minWeeks ?? 6;
  const { antidepressants, unclassed } = medicationTrials(facts);
  const trials = [...antidepressants, ...unclassed];
  const qualifying = antidepressants.filter(
    (t) => t.weeksAtTherapeuticDose !== null && t.weeksAtTherapeuticDose >= minWeeks,
  );
  // Dates bound how long a trial can have lasted; they never show time at a therapeutic dose.
  const undecided = trials.filter((t) => {
    if (qualifying.includes(t)) return false;
    if (t.weeksAtTherapeuticDose !== null)
      return unclassed.includes(t) && t.weeksAtTherapeuticDose >= minWeeks;
    const most = mostWeeks(t);
    return most === null || most >= minWeeks;
  });
  const status = tally(qualifying.length, undecided.length, needed);
  const missing = trials.filter((t) => t.weeksAtTherapeuticDose === null && undecided.includes(t));
  return {
    status,
    evidence: qualifying.map((t) => trialLine(facts, t)),
    gather:
      status === 'met'
        ? null
        : missing.length
          ? `Record the weeks at a therapeutic dose for ${missing.map((t) => t.name).join(', ')} (the policy asks for ${minWeeks}+ weeks each, ${needed} trials).`
          : `${plural(qualifying.length, 'trial')} of ${minWeeks}+ weeks at a therapeutic dose on file; the policy asks for ${needed}.`,
  };
}

const therapies = (facts: CriteriaFacts) => facts.treatments.filter((t) => t.kind === 'therapy');

function psychotherapy(_c: Criterion, facts: CriteriaFacts): Judged {
  const list = therapies(facts);
  return list.length
    ? { status: 'met', evidence: list.map((t) => trialLine(facts, t)), gather: null }
    : {
        status: 'not-met',
        evidence: [],
        gather: 'Add the psychotherapy tried (type, dates, sessions and outcome).',
      };
}

function augmentation(c: Criterion, facts: CriteriaFacts): Judged {
  const needed = c.count ?? 1;
  const { augmenting, unclassed } = medicationTrials(facts);
  const long = augmenting.filter(
    (t) =>
      !c.minWeeks || t.weeksAtTherapeuticDose === null || t.weeksAtTherapeuticDose >= c.minWeeks,
  );
  const known = long.filter((t) => !c.minWeeks || t.weeksAtTherapeuticDose !== null);
  if (c.orPsychotherapy && therapies(facts).length && known.length < needed) {
    return psychotherapy(c, facts);
  }
  const status = tally(known.length, long.length - known.length + unclassed.length, needed);
  return {
    status,
    evidence: known.map((t) => trialLine(facts, t)),
    gather:
      status === 'met'
        ? null
        : `Add the augmentation trials (e.g. an atypical antipsychotic, lithium or thyroid hormone added to an antidepressant)${c.minWeeks ? `, each ${c.minWeeks}+ weeks` : ''}${c.orPsychotherapy ? ', or the psychotherapy tried' : ''}${unclassed.length ? `; record the drug class of ${unclassed.map((t) => t.name).join(', ')}` : ''}.`,
  };
}

/** "HAM-D", "HAMD-17" and "HDRS" are one instrument; so are "BDI" and "BDI-II". */
function instrumentKey(name: string): string {
  const k = name.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (/^(HAMD|HDRS|HRSD)/.test(k)) return 'HAMD';
  if (/^BDI/.test(k)) return 'BDI';
  if (/^MADRS/.test(k)) return 'MADRS';
  if (/^PHQ9/.test(k)) return 'PHQ9';
  return k;
}

function scoreThreshold(c: Criterion, facts: CriteriaFacts): Judged {
  const wanted = (c.instruments ?? []).map(instrumentKey);
  const on = facts.assessments
    .filter((a) => !wanted.length || wanted.includes(instrumentKey(a.instrument)))
    .sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
  const named = c.instruments?.join(', ') ?? 'a standard scale';
  const line = (a: Assessment) =>
    `${a.instrument} ${a.score} on ${dateIn(facts, a.assessedOn)}${from(facts, a)}`;
  if (c.min !== null) {
    const latest = on.at(-1);
    if (!latest)
      return {
        status: 'unknown',
        evidence: [],
        gather: `Add a current ${named} score (the policy asks for ${c.min} or more).`,
      };
    return latest.score >= c.min
      ? { status: 'met', evidence: [line(latest)], gather: null }
      : {
          status: 'not-met',
          evidence: [],
          gather: `The latest ${latest.instrument} is ${latest.score}; the policy asks for ${c.min} or more.`,
        };
  }
  const needed = c.count ?? 1;
  return on.length >= needed
    ? { status: 'met', evidence: on.map(line), gather: null }
    : {
        status: on.length ? 'not-met' : 'unknown',
        evidence: [],
        gather: `Add ${needed === 1 ? 'a score' : `${needed} scores (baseline and follow-up)`} on ${named}.`,
      };
}

function ect(_c: Criterion, facts: CriteriaFacts): Judged {
  const done = facts.treatments.filter(
    (t) => /\b(ECT|electroconvulsive)\b/i.test(t.name) && t.kind !== 'medication',
  );
  return done.length
    ? { status: 'met', evidence: done.map((t) => trialLine(facts, t)), gather: null }
    : {
        status: 'unknown',
        evidence: [],
        gather:
          'Record an ECT course tried, or answer whether ECT is contraindicated or declined and why.',
      };
}

const SPECIALTY_WORDS: Record<string, RegExp> = {
  psychiatry: /\b(psychiatr\w*|PMHNP|psychiatric)\b/i,
};

function prescriber(c: Criterion, facts: CriteriaFacts): Judged {
  const specialty = c.specialty ?? 'psychiatry';
  const words =
    SPECIALTY_WORDS[specialty.toLowerCase()] ??
    new RegExp(`\\b${specialty.replace(/[^\w ]/g, '').slice(0, 40)}`, 'i');
  const said = [facts.providerName, facts.providerPractice].filter(Boolean).join(', ');
  if (said && words.test(said))
    return { status: 'met', evidence: [`Treating provider: ${said}`], gather: null };
  return {
    status: 'unknown',
    evidence: [],
    gather: said
      ? `The case does not say ${said} practises ${specialty}: record the provider’s specialty, or answer here.`
      : `Record the treating provider and their specialty (${specialty}).`,
  };
}

/** What the case says about the treatment plan: where the plan and setting are written down. */
const planText = (facts: CriteriaFacts) =>
  [facts.treatmentPlan, facts.notes].filter(Boolean).join('\n');

function setting(c: Criterion, facts: CriteriaFacts): Judged {
  const wanted = c.setting ?? 'outpatient';
  const words =
    wanted.toLowerCase() === 'supervised'
      ? /\b(supervis\w*|observ\w*|monitor\w*|in[- ]office|in[- ]clinic)\b/i
      : new RegExp(`\\b${wanted.replace(/[^\w -]/g, '').slice(0, 40)}`, 'i');
  const plan = facts.treatmentPlan ?? '';
  return plan && words.test(plan)
    ? { status: 'met', evidence: [`Treatment plan: ${plan}`], gather: null }
    : {
        status: 'unknown',
        evidence: [],
        gather: `Write the setting in the case’s treatment plan (${wanted}).`,
      };
}

function rems(_c: Criterion, facts: CriteriaFacts): Judged {
  const text = planText(facts);
  return /\bREMS\b/.test(text)
    ? { status: 'met', evidence: [`Treatment plan: ${facts.treatmentPlan ?? text}`], gather: null }
    : {
        status: 'unknown',
        evidence: [],
        gather:
          'Record in the treatment plan that the setting is REMS-certified and the client is enrolled, with 2 hours of monitoring after each dose.',
      };
}

function sessionLimit(c: Criterion, facts: CriteriaFacts): Judged {
  const plan = facts.treatmentPlan ?? '';
  const counts = [...plan.matchAll(/\b(\d{1,3})\s+(?:\w+\s+)?(?:sessions|treatments)\b/gi)].map(
    (m) => Number(m[1]),
  );
  if (!counts.length || c.max === null)
    return {
      status: 'unknown',
      evidence: [],
      gather: `Write the number of sessions requested in the case’s treatment plan${c.max !== null ? ` (the policy allows up to ${c.max})` : ''}.`,
    };
  const asked = Math.max(...counts);
  return asked <= c.max
    ? { status: 'met', evidence: [`Treatment plan: ${plan}`], gather: null }
    : {
        status: 'not-met',
        evidence: [],
        gather: `The plan asks for ${asked} sessions; the policy allows up to ${c.max}.`,
      };
}

const RULES: Record<
  Exclude<Criterion['kind'], 'question'>,
  (c: Criterion, f: CriteriaFacts) => Judged
> = {
  age,
  diagnosis,
  'failed-medication-trials': failedTrials,
  'distinct-classes': distinctClassCount,
  'weeks-at-dose': weeksAtDose,
  augmentation,
  psychotherapy,
  'score-threshold': scoreThreshold,
  ect,
  prescriber,
  setting,
  rems,
  'session-limit': sessionLimit,
};

/** The advocate's answer as evidence: theirs, and named as theirs. */
function answered(answer: CriterionAnswer): Judged {
  return answer.answer === 'yes'
    ? {
        status: 'met',
        evidence: [`Confirmed by the advocate${answer.note ? `: ${answer.note}` : ''}`],
        gather: null,
      }
    : {
        status: 'not-met',
        evidence: [],
        gather: `Answered no${answer.note ? `: ${answer.note}` : ''}.`,
      };
}

/**
 * One criterion against the case. A question takes the advocate's answer; a rule takes the
 * records, and the advocate's answer only where the records cannot decide it (unknown).
 */
export function evaluateCriterion(
  c: Criterion,
  facts: CriteriaFacts,
  answer: CriterionAnswer | null,
): CriterionResult {
  const base = { key: c.key, text: c.text, kind: c.kind, answer };
  if (c.kind === 'question') {
    const judged: Judged = answer
      ? answered(answer)
      : {
          status: 'unknown',
          evidence: [],
          gather: 'Answer this from the records or the provider.',
        };
    return { ...base, ...judged, answerable: true };
  }
  const judged = RULES[c.kind](c, facts);
  if (judged.status === 'unknown') {
    return { ...base, ...(answer ? answered(answer) : judged), answerable: true };
  }
  return { ...base, ...judged, answerable: false };
}

export function evaluateCriteria(
  criteria: readonly Criterion[],
  facts: CriteriaFacts,
  answers: Readonly<Record<string, CriterionAnswer>>,
): CriterionResult[] {
  return criteria.map((c) => evaluateCriterion(c, facts, answers[c.key] ?? null));
}
