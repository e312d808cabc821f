// What a plan's reviewer is likely to say on a peer-to-peer call for each kind of denial, and the
// answer the case's own record gives. Answers come from the record only; where it is silent the
// answer says what to have ready instead of claiming anything.
import type { DenialCategory } from '../../contract/denial-category';

export interface ObjectionFacts {
  treatment: string;
  medicationCount: number;
  /** "SSRI, SNRI and NDRI". */
  medicationClasses: string;
  classCount: number;
  /** The longest score series, "PHQ-9 24 (January 5, 2026) to 22 (March 2, 2026)", if any. */
  scoreTrend: string | null;
  therapyCount: number;
  /** The payer's criteria the record meets, of how many ("4 of 5"); null without a set. */
  criteriaMet: string | null;
  /** The treatment's regulatory status in a sentence, when known. */
  regulatoryStatus: string | null;
  citationCount: number;
  inNetworkTried: number;
}

export interface Objection {
  objection: string;
  answer: string;
}

const trials = (f: ObjectionFacts) =>
  f.medicationCount > 0
    ? `${f.medicationCount} medication trial${f.medicationCount === 1 ? '' : 's'}${
        f.classCount > 0 ? ` across ${f.medicationClasses}` : ''
      }, each with its dose, dates and why it stopped (see the trials above)`
    : null;

const ready = (what: string) => `Not in the record yet: have ${what} ready before the call.`;

/** The objections to prepare for, most likely first, each with the record's answer. */
export function objectionsFor(category: DenialCategory | null, f: ObjectionFacts): Objection[] {
  const list: Objection[] = [];
  const t = trials(f);
  const adequacy: Objection = {
    objection: 'The medication trials were not adequate in dose or duration.',
    answer: t ? `The record shows ${t}.` : ready('each medication’s dose, dates and outcome'),
  };
  const severity: Objection = {
    objection: 'The depression is not severe enough, or is improving.',
    answer: f.scoreTrend
      ? `Standardized scores over time: ${f.scoreTrend}.`
      : ready('dated scores (PHQ-9, MADRS or similar)'),
  };
  const psychotherapy: Objection = {
    objection: 'Psychotherapy has not been tried alongside medication.',
    answer:
      f.therapyCount > 0
        ? `${f.therapyCount} course${f.therapyCount === 1 ? '' : 's'} of therapy are recorded with dates and outcomes.`
        : ready('the dates and outcome of psychotherapy'),
  };
  const criteria: Objection = {
    objection: 'The request does not meet our clinical policy.',
    answer: f.criteriaMet
      ? `The record meets ${f.criteriaMet} of the policy’s criteria, each with its evidence (see the criteria above); ask which one the reviewer finds unmet.`
      : 'Ask the reviewer to name the policy and each criterion they find unmet, and answer each from the chart.',
  };
  switch (category) {
    case 'experimental':
      list.push({
        objection: `${f.treatment} is experimental or investigational.`,
        answer:
          f.regulatoryStatus ??
          (f.citationCount > 0
            ? `The ${f.citationCount} published studies and guidelines cited for this case support its use for this condition.`
            : ready('the published evidence and guidelines for this use')),
      });
      list.push(criteria, adequacy);
      break;
    case 'step-therapy':
      list.push(
        {
          objection: 'Required first-line treatments have not been tried.',
          answer: t
            ? `They have: ${t}. Repeating them would delay effective care with no clinical benefit.`
            : ready('every medication tried, with dose, dates and outcome'),
        },
        adequacy,
        psychotherapy,
      );
      break;
    case 'out-of-network':
      list.push({
        objection: 'An in-network provider can give this treatment.',
        answer:
          f.inNetworkTried > 0
            ? `${f.inNetworkTried} in-network provider${f.inNetworkTried === 1 ? ' was' : 's were'} tried and could not (see the access log); ask the reviewer to name one with an appointment within a reasonable time and distance.`
            : ready('a dated log of in-network providers tried'),
      });
      list.push(criteria);
      break;
    case 'quantity-limit':
      list.push({
        objection: 'The number of sessions requested exceeds the plan’s limit.',
        answer: f.scoreTrend
          ? `The course prescribed is the standard one for ${f.treatment}; scores show where treatment stands: ${f.scoreTrend}.`
          : ready('the prescribed course and the scores that justify it'),
      });
      list.push(criteria);
      break;
    default:
      list.push(criteria, adequacy, severity, psychotherapy);
      return list;
  }
  // Severity comes up in every medical-necessity conversation.
  if (!list.includes(severity)) list.push(severity);
  return list;
}
