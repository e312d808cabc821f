// What an appeal argues for each kind of denial: the treatment's regulatory status against
// "experimental", the trials already tried against step therapy, parity and the plan's own
// provision against an exclusion or a limit. Built only from the case's record and settled facts
// about the treatments (see ../shared DOMAIN notes); what the record lacks becomes a gap.
import type { DenialCategory } from '../../contract/denial-category';
import { DENIAL_CATEGORY } from '../../contract/denial-category';
import type { EvidenceTreatment } from '../../contract/evidence';
import { gapMarker } from './gaps';

/** Regulatory status of the treatments the library knows, in a letter's words. */
const REGULATORY: Record<Exclude<EvidenceTreatment, 'other'>, string> = {
  esketamine:
    'Esketamine nasal spray (Spravato) is approved by the U.S. Food and Drug Administration: for treatment-resistant depression in adults together with an oral antidepressant (March 2019), for depressive symptoms in adults with major depressive disorder with acute suicidal ideation or behavior (August 2020), and as monotherapy for treatment-resistant depression (January 2025). It is given only in certified treatment settings under the FDA’s Risk Evaluation and Mitigation Strategy (REMS), with monitoring after each dose.',
  tms: 'Transcranial magnetic stimulation (TMS) devices have been cleared by the U.S. Food and Drug Administration for major depressive disorder since October 2008 (NeuroStar), with later clearances that include obsessive-compulsive disorder and adolescents. TMS is an established treatment for depression that has not responded to medication.',
  'ketamine-iv':
    'Ketamine is a medicine the U.S. Food and Drug Administration approved decades ago; its use by intravenous infusion for depression is off-label. Off-label prescribing is lawful and common medical practice, and it is not the same as experimental treatment: what matters is whether the use is supported by peer-reviewed evidence and professional guidance.',
};

/** Whether the regulatory status itself answers "experimental" (an approval or clearance). */
const APPROVED: Record<Exclude<EvidenceTreatment, 'other'>, string> = {
  esketamine: 'it is approved by the FDA for this use',
  tms: 'it is cleared by the FDA for this use',
  'ketamine-iv':
    'its use for this condition is supported by published randomized trials and professional guidance',
};

export interface RebuttalInput {
  category: DenialCategory | null;
  treatment: EvidenceTreatment | null;
  /** The requested treatment as the case names it. */
  treatmentName: string;
  firstName: string;
  providerName: string | null;
  medicationCount: number;
  /** "SSRI, SNRI and NDRI". */
  medicationClasses: string;
  classCount: number;
  citationCount: number;
  planLanguage: string | null;
  stepTherapyLaw: string | null;
  isErisa: boolean;
  codes: string | null;
  diagnosis: string | null;
}

export interface Rebuttal {
  /** Whether the denial's kind is known, so the letter argues it. */
  known: boolean;
  /** The kind in words ("Experimental / investigational"); empty when unknown. */
  category: string;
  /** The kind's key, for a template's own conditions ("experimental"). */
  categoryKey: string;
  isExperimental: boolean;
  isStepTherapy: boolean;
  isNotMedicallyNecessary: boolean;
  /** The treatment's regulatory status, when the library knows the treatment. */
  regulatoryStatus: string;
  /** Introduces the plan's own words, quoted after it. */
  planLanguageLead: string;
  /** What the quoted words mean for this case. */
  planLanguageAnswer: string;
  /** The argument, a paragraph each, in order. */
  paragraphs: string[];
  /** Introduces the list of cited evidence. */
  evidenceLead: string;
}

const trialsWord = (n: number) => (n === 1 ? 'one medication' : `${n} medications`);

/** The argument a denial's kind calls for, from the case's facts. */
export function rebuttalFor(input: RebuttalInput): Rebuttal {
  const { category, treatment, firstName: who } = input;
  const name = input.treatmentName;
  const known = treatment !== null && treatment !== 'other' ? treatment : null;
  const regulatory = known ? REGULATORY[known] : '';
  const cited = input.citationCount > 0;
  const paragraphs: string[] = [];
  let planLanguageLead = '';
  let planLanguageAnswer = '';
  const medsLine =
    input.medicationCount > 0
      ? `${who} has already tried ${trialsWord(input.medicationCount)}${input.classCount > 1 ? ` from ${input.classCount} distinct classes (${input.medicationClasses})` : input.classCount === 1 ? ` (${input.medicationClasses})` : ''}, each listed above with its dose, dates and outcome.`
      : `${who} has already tried ${gapMarker({ field: 'medications', label: 'medication trials' })}.`;

  switch (category) {
    case 'experimental': {
      paragraphs.push(
        `The plan calls ${name} experimental or investigational. It is not.${regulatory ? ` ${regulatory}` : ''}`,
      );
      if (known === 'ketamine-iv') {
        paragraphs.push(
          cited
            ? `That support exists for this use: the randomized controlled trials, meta-analyses and professional statements cited below show that ketamine infusion is an accepted treatment for depression that has not responded to standard treatment.`
            : `The treating provider’s enclosed letter of medical necessity sets out the published evidence for this use.`,
        );
      }
      planLanguageLead =
        'The plan’s own definition of experimental or investigational services reads:';
      planLanguageAnswer = `${name} does not fall within those words: ${known ? APPROVED[known] : 'it is an accepted treatment for this condition'}${cited ? ', and its effect is established in the published, peer-reviewed studies cited below' : ''}.`;
      if (!input.planLanguage) {
        paragraphs.push(
          'Please identify the plan provision that defines experimental or investigational services, and explain how this treatment is said to meet it.',
        );
      }
      break;
    }
    case 'step-therapy': {
      paragraphs.push(
        `The plan requires other treatments to be tried first. That requirement has been met: ${medsLine} Requiring ${who} to repeat treatments already tried would delay effective care with no clinical benefit.`,
      );
      if (input.stepTherapyLaw) {
        paragraphs.push(
          `I request a step-therapy exception under ${input.stepTherapyLaw}, which provides for an exception when a patient has already tried the required treatments or they are expected to be ineffective.`,
        );
      } else if (!input.isErisa) {
        paragraphs.push(
          'Please also treat this letter as a request for a step-therapy exception under any state law that applies to this plan.',
        );
      }
      planLanguageLead = 'The plan’s step-therapy requirement reads:';
      planLanguageAnswer = `The trials listed above meet each step that requirement sets.`;
      break;
    }
    case 'not-medically-necessary': {
      paragraphs.push(
        `The plan says ${name} is not medically necessary for ${who}. The record shows that it is: ${input.medicationCount > 0 ? medsLine : `the diagnosis is established, and`} the treating provider${input.providerName ? `, ${input.providerName},` : ''} has prescribed ${name} for ${input.diagnosis ?? 'this condition'} after examining ${who}.${cited ? ' The published studies and guidelines cited below show it is an accepted, effective treatment for this condition.' : ''}`,
      );
      paragraphs.push(
        'Please identify the specific clinical criteria the reviewer applied and each one the plan believes is not met; each point below answers them with the record.',
      );
      planLanguageLead = 'The criteria the plan applied read:';
      planLanguageAnswer = `${who}’s record meets them, as the points below show.`;
      break;
    }
    case 'out-of-network':
      paragraphs.push(
        `The plan denied ${name} because the provider is out of network. When the plan has no in-network provider able to give this treatment within a reasonable time and distance, it must cover the provider ${who} can reach at the in-network cost share. Please name the in-network providers the plan believes can give ${name} now, with their availability, or approve a network-adequacy exception or single-case agreement${input.providerName ? ` with ${input.providerName}` : ''}.`,
      );
      planLanguageLead = 'The plan’s network provision reads:';
      planLanguageAnswer = `It does not bar coverage where the network cannot provide the treatment.`;
      break;
    case 'benefit-exclusion':
      paragraphs.push(
        `The plan says ${name} is excluded from its benefits. Please identify the exact provision relied on, with its wording.${regulatory ? ` If the provision excludes experimental or investigational treatment, it does not apply: ${regulatory}` : ''}`,
      );
      paragraphs.push(
        'Under the Mental Health Parity and Addiction Equity Act, a limit on a mental-health treatment may be no more restrictive than those applied to comparable medical and surgical benefits. Please provide the comparative analysis for this exclusion and the factors and evidentiary standards behind it.',
      );
      planLanguageLead = 'The provision the plan relies on reads:';
      planLanguageAnswer = `Read as written, it does not exclude ${name} as prescribed for ${who}.`;
      break;
    case 'quantity-limit':
      paragraphs.push(
        `The plan limits the number or frequency of ${name}. The course requested is the one the treating provider prescribed for ${who}. Please identify the limit applied and its source, and grant an exception to it: a limit on a mental-health treatment may be no more restrictive than those on comparable medical and surgical benefits (Mental Health Parity and Addiction Equity Act), and the plan must provide its comparative analysis on request.`,
      );
      planLanguageLead = 'The limit the plan applied reads:';
      planLanguageAnswer = `An exception to it is warranted for the reasons above.`;
      break;
    case 'administrative':
      paragraphs.push(
        `The denial rests on an administrative ground, not on whether ${name} is right for ${who}. This letter and its enclosures supply the information the plan needs; please decide the request on its clinical merits. If anything is still missing, please say exactly what, so it can be sent at once.`,
      );
      planLanguageLead = 'The plan’s requirement reads:';
      planLanguageAnswer = 'This letter and its enclosures meet it.';
      break;
    case 'coding':
      paragraphs.push(
        `The denial concerns how the service was coded, not whether it is needed.${input.codes ? ` The service is billed as ${input.codes}${input.diagnosis ? `, for ${input.diagnosis}` : ''}.` : ''} If the plan requires a different code or modifier, please say which, so the claim can be corrected; a coding question is not a reason to deny necessary care.`,
      );
      planLanguageLead = 'The plan’s coding requirement reads:';
      planLanguageAnswer = 'The corrected claim meets it.';
      break;
    default:
      break;
  }

  return {
    known: category !== null,
    category: category ? DENIAL_CATEGORY.labels[category] : '',
    categoryKey: category ?? '',
    isExperimental: category === 'experimental',
    isStepTherapy: category === 'step-therapy',
    isNotMedicallyNecessary: category === 'not-medically-necessary',
    regulatoryStatus: regulatory,
    planLanguageLead,
    planLanguageAnswer,
    paragraphs,
    evidenceLead: cited ? 'The published evidence supports this treatment for this condition:' : '',
  };
}
