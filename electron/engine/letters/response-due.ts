// When the answer to a sent letter is due, by the rules for that kind of letter and the case's
// plan: an appeal's decision time, a prior authorization's, an external review's. A letter no
// rule gives an answer time (to a lawmaker, a form the client signs) has no clock, and says why.
import type { ClaimType } from '../../contract/workflow';
import type { CaseStatus, PlanType } from '../../contract/case';
import { addDays, longDate } from '../deadlines/plain-date';
import { decisionDue } from '../deadlines/rules';

export interface ResponseDue {
  dueOn: string | null;
  /** The rule and its source, or why there is no clock. */
  rule: string;
}

/** The stage a letter of this kind asks the insurer to decide at, and how urgently. */
const DECIDES: Partial<Record<string, { stage: CaseStatus; urgent?: boolean }>> = {
  'medical-necessity': { stage: 'prior-auth-submitted' },
  'prior-auth-cover': { stage: 'prior-auth-submitted' },
  // A network-gap exception is a pre-service request, decided on that clock.
  'network-gap-request': { stage: 'prior-auth-submitted' },
  appeal: { stage: 'internal-appeal-1' },
  'expedited-appeal': { stage: 'internal-appeal-1', urgent: true },
  'external-review': { stage: 'external-review' },
};

const NO_ANSWER: Partial<Record<string, string>> = {
  lawmaker: 'No response time: a lawmaker’s office answers when its caseworker hears back.',
  'state-complaint': 'The state insurance department sets its own time to respond.',
  'cms-1696': 'A form the client signs: no response is expected.',
  'representative-designation': 'A form the client signs: no response is expected.',
  'hipaa-authorization': 'A form the client signs: no response is expected.',
  'congressional-release': 'A form the client signs: no response is expected.',
  'parity-complaint': 'The regulator sets its own time to respond.',
  'peer-to-peer-prep': 'A preparation sheet for the provider: no response is expected.',
  'benefits-call-script': 'A call script: no response is expected.',
};

export interface ResponseFacts {
  kind: string;
  sentOn: string;
  planType: PlanType | null;
  /** The case's stage now (a second-level appeal is decided as one). */
  status: CaseStatus;
  /** The latest denial's claim type, which sets the decision time. */
  claimType: ClaimType | null;
}

export function responseDue(f: ResponseFacts): ResponseDue {
  const none = NO_ANSWER[f.kind];
  if (none) return { dueOn: null, rule: none };
  if (f.kind === 'claim-file-request') {
    if (f.planType !== 'employer-self-funded' && f.planType !== 'fully-insured')
      return {
        dueOn: null,
        rule: 'No federal response time for this plan type: follow up after 30 days.',
      };
    return {
      dueOn: addDays(f.sentOn, 30),
      rule: `Plan documents requested in writing: 30 days, ERISA §502(c)(1) (from ${longDate(f.sentOn)}).`,
    };
  }
  if (f.kind === 'parity-request')
    return {
      dueOn: addDays(f.sentOn, 30),
      rule: `Parity disclosures requested: 30 days, as the federal model request asks${
        f.planType === 'employer-self-funded' ? ' and ERISA §104(b) and §502(c)(1) enforce' : ''
      } (from ${longDate(f.sentOn)}). Escalate to the regulator if it lapses.`,
    };
  const decides = DECIDES[f.kind];
  if (!decides) return { dueOn: null, rule: 'No rule gives this letter a response time.' };
  if (!f.planType)
    return { dueOn: null, rule: 'Add the case’s plan type to know when the answer is due.' };
  const stage =
    decides.stage === 'internal-appeal-1' && f.status === 'internal-appeal-2'
      ? 'internal-appeal-2'
      : decides.stage;
  const rule = decisionDue({
    planType: f.planType,
    stage,
    claimType: decides.urgent ? 'urgent' : (f.claimType ?? 'pre-service'),
    submittedOn: f.sentOn,
  });
  if (!rule) return { dueOn: null, rule: 'No rule gives this plan a decision time for it.' };
  return { dueOn: rule.dueOn, rule: rule.rule };
}
