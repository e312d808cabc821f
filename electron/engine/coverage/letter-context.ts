// What the coverage documents read: the parity request and its escalation, the network-gap
// request's access log, the peer-to-peer preparation and the benefits call script. Every value is
// written out for print; what the case lacks is a gap the checklist names.
import { formatMoney } from '../../contract/amounts';
import { ACCESS_RESULT } from '../../contract/access-log';
import {
  CHECK_SOURCE,
  NETWORK_STATUS,
  YES_NO,
  benefitsCheckFields,
} from '../../contract/benefits-check';
import type { CaseDetail } from '../../contract/case';
import { CHANNEL } from '../../contract/choices';
import { estimateCost } from '../../contract/cost-estimate';
import type { CostEstimate } from '../../contract/cost-estimate';
import type { DenialCategory } from '../../contract/denial-category';
import { ASSISTANCE_KIND, ENROLMENT_STATUS } from '../../contract/enrolment';
import { NETWORK_REQUEST_KIND, REQUEST_DECISION } from '../../contract/network-request';
import { PEER_OUTCOME } from '../../contract/peer-call';
import { writtenDate } from '../../contract/partial-date';
import { BLANK, Missing } from '../letters/gaps';
import type { ObjectionFacts } from './objections';
import { objectionsFor } from './objections';
import { PARITY_LIMITS, parityLimit, parityRegulator } from './parity';
import type { SentRequest } from './queries';

export interface CoverageInput {
  detail: CaseDetail;
  category: DenialCategory | null;
  /** The latest parity request the case sent, with its response clock. */
  parityRequest: SentRequest | null;
  /** The facts the peer-to-peer objections are answered from. */
  facts: Omit<ObjectionFacts, 'inNetworkTried'>;
  today: string;
}

const shortDate = (d: string) => {
  const [y, m, day] = d.split('-');
  return `${Number(m)}/${Number(day)}/${y}`;
};
const date = (d: string | null) => (d ? writtenDate(d) : BLANK);
const money = (v: number | null) => (v == null ? BLANK : formatMoney(v));
const gap = (field: string, label: string) => new Missing(field, label);

function estimateText(e: CostEstimate) {
  return {
    total: e.total == null ? BLANK : formatMoney(e.total),
    hasTotal: e.total !== null,
    allowedTotal: e.allowedTotal == null ? BLANK : formatMoney(e.allowedTotal),
    towardDeductible: e.towardDeductible == null ? BLANK : formatMoney(e.towardDeductible),
    capped: e.capped,
    missing: e.missing.length ? e.missing.join(', ') : BLANK,
    assumptions: e.assumptions.length ? e.assumptions.join('; ') : BLANK,
  };
}

/** A check with nothing answered: parsed once, not for every letter. */
const NO_CHECK = benefitsCheckFields.parse({ checkedOn: '1970-01-01' });

function benefits(detail: CaseDetail) {
  const found = (detail.benefitsChecks ?? [])[0];
  // Without a check every value is blank, so templates read one shape either way.
  const c = found ?? NO_CHECK;
  const side = (p: 'in' | 'out') => {
    const v = (k: string) => c[`${p}${k}` as keyof typeof c] as number | null;
    return {
      deductible: money(v('Deductible')),
      deductibleMet: money(v('DeductibleMet')),
      outOfPocketMax: money(v('OutOfPocketMax')),
      outOfPocketMet: money(v('OutOfPocketMet')),
      copay: money(v('Copay')),
      coinsurance: v('CoinsurancePercent') == null ? BLANK : `${v('CoinsurancePercent')}%`,
      allowedAmount: money(v('AllowedAmount')),
      estimate: estimateText(estimateCost(c, p)),
    };
  };
  if (!found)
    return {
      checked: false,
      date: BLANK,
      source: BLANK,
      representative: BLANK,
      referenceNumber: BLANK,
      service: BLANK,
      networkStatus: BLANK,
      tier: BLANK,
      priorAuthRequired: BLANK,
      referralRequired: BLANK,
      visitLimit: BLANK,
      sessions: BLANK,
      inNetwork: side('in'),
      outOfNetwork: side('out'),
    };
  return {
    checked: true,
    date: writtenDate(c.checkedOn),
    source: CHECK_SOURCE.labels[c.source],
    representative: c.representative ?? BLANK,
    referenceNumber: c.referenceNumber ?? BLANK,
    service: c.service ?? BLANK,
    networkStatus: NETWORK_STATUS.labels[c.networkStatus],
    tier: c.tier ?? BLANK,
    priorAuthRequired: YES_NO.labels[c.priorAuthRequired],
    referralRequired: YES_NO.labels[c.referralRequired],
    visitLimit: c.visitLimit ?? BLANK,
    sessions: c.plannedSessions == null ? BLANK : String(c.plannedSessions),
    inNetwork: side('in'),
    outOfNetwork: side('out'),
  };
}

export function coverageContext({ detail, category, parityRequest, facts, today }: CoverageInput) {
  const c = detail.case;
  const attempts = detail.accessAttempts ?? [];
  const requests = detail.networkRequests ?? [];
  const priorAuth = (detail.benefitsChecks ?? [])[0]?.priorAuthRequired === 'yes';
  const limit = parityLimit(category, priorAuth);
  const regulator = parityRegulator(c.planType, detail.client.state);
  const request = requests.at(-1);
  const lapsed =
    parityRequest !== null &&
    !parityRequest.responseReceivedOn &&
    parityRequest.responseDueOn !== null &&
    parityRequest.responseDueOn < today;

  return {
    parity: {
      /** MHPAEA reaches this plan (not Medicare). */
      applies: regulator !== null,
      limitation: limit
        ? PARITY_LIMITS[limit]
        : gap('denial', 'the limit the plan applied (record the denial and its kind)'),
      limitKey: limit ?? '',
      /** The benefit classification the treatment and its comparison sit in. */
      classification: limit === 'network' ? 'outpatient, out-of-network' : 'outpatient, in-network',
      regulator: regulator
        ? regulator.name
        : gap('plan.type', 'a plan type MHPAEA covers (it does not apply to Medicare)'),
      regulatorContact: regulator?.contact ? regulator.contact : BLANK,
      requested: parityRequest !== null,
      requestSentOn: parityRequest
        ? writtenDate(parityRequest.sentOn)
        : gap('parity', 'the parity request, recorded as sent'),
      responseDueOn: parityRequest?.responseDueOn
        ? writtenDate(parityRequest.responseDueOn)
        : gap('parity', 'the parity request’s response date'),
      answered: Boolean(parityRequest?.responseReceivedOn),
      answeredOn: date(parityRequest?.responseReceivedOn ?? null),
      lapsed,
    },
    /** A gap when no in-network provider tried is logged: the request rests on the log. */
    accessLogNeeded: attempts.length
      ? BLANK
      : gap('accessAttempts', 'in-network providers tried (the access log)'),
    accessLog: attempts.map((a) => ({
      provider: a.providerTried,
      npi: a.npi ?? BLANK,
      date: writtenDate(a.attemptedOn),
      /** "7/8/2024": narrow enough for a table column. */
      shortDate: shortDate(a.attemptedOn),
      channel: CHANNEL.labels[a.channel],
      result: ACCESS_RESULT.labels[a.result],
      wait: a.waitOfferedDays == null ? BLANK : `${a.waitOfferedDays} days`,
      distance: a.distanceMiles == null ? BLANK : `${a.distanceMiles} miles`,
      notes: a.notes ?? BLANK,
    })),
    networkRequest: request
      ? {
          kind: NETWORK_REQUEST_KIND.labels[request.kind],
          isSingleCase: request.kind === 'single-case-agreement',
          provider: request.providerName,
          rationale: request.rationale ?? gap('networkRequests', 'the clinician’s rationale'),
          requestedOn: date(request.requestedOn),
          decision: REQUEST_DECISION.labels[request.decision],
          decidedOn: date(request.decidedOn),
          rate: money(request.approvedRate),
          sessions: request.approvedSessions == null ? BLANK : String(request.approvedSessions),
          until: date(request.approvedUntil),
        }
      : {
          kind: NETWORK_REQUEST_KIND.labels['network-gap-exception'],
          isSingleCase: false,
          provider: c.providerName ?? gap('provider.name', 'the out-of-network provider'),
          rationale: gap('networkRequests', 'the clinician’s rationale (add the request)'),
          requestedOn: BLANK,
          decision: BLANK,
          decidedOn: BLANK,
          rate: BLANK,
          sessions: BLANK,
          until: BLANK,
        },
    peerToPeer: {
      treatmentsNeeded: detail.treatments.length
        ? BLANK
        : gap('treatments', 'treatments tried, with doses and dates'),
      scoresNeeded: detail.assessments.length
        ? BLANK
        : gap('assessments', 'scores over time (PHQ-9 or similar)'),
      objections: objectionsFor(category, { ...facts, inNetworkTried: attempts.length }),
      calls: (detail.peerCalls ?? []).map((p) => ({
        date: writtenDate(p.occurredOn),
        reviewer: p.reviewerName ?? BLANK,
        credentials: p.reviewerCredentials ?? BLANK,
        askedFor: p.askedFor,
        outcome: PEER_OUTCOME.labels[p.outcome],
      })),
    },
    benefits: benefits(detail),
    assistance: (detail.enrolments ?? []).map((e) => ({
      kind: ASSISTANCE_KIND.labels[e.kind],
      program: e.program,
      status: ENROLMENT_STATUS.labels[e.status],
      amount:
        e.amount == null
          ? BLANK
          : `${formatMoney(e.amount)}${e.amountBasis ? ` ${e.amountBasis}` : ''}`,
      cap: money(e.cap),
      renewsOn: date(e.renewsOn),
    })),
  };
}
