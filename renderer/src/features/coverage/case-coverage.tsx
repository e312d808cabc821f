// The coverage work of a case page: benefits checks and the cost of care, the access log and
// network-gap requests, peer-to-peer calls, and help paying beyond the plan.
import { ACCESS_RESULT } from '../../../../electron/contract/access-log';
import { formatMoney } from '../../../../electron/contract/amounts';
import { NETWORK_STATUS, YES_NO } from '../../../../electron/contract/benefits-check';
import type { CaseDetail } from '../../../../electron/contract/case';
import { CHANNEL } from '../../../../electron/contract/choices';
import { ASSISTANCE_KIND, ENROLMENT_STATUS } from '../../../../electron/contract/enrolment';
import {
  NETWORK_REQUEST_KIND,
  REQUEST_DECISION,
} from '../../../../electron/contract/network-request';
import { PEER_OUTCOME } from '../../../../electron/contract/peer-call';
import { Link } from 'react-router';
import { LETTER_KIND } from '../../../../electron/contract/letter';
import type { LetterKind } from '../../../../electron/contract/letter';
import { RecordSection } from '../../components/record-section';
import { formatDate, orDash } from '../../lib/format';
import { CostEstimateTable } from './cost-estimate-table';
import {
  ACCESS_ATTEMPT_SPECS,
  BENEFITS_CHECK_SPECS,
  ENROLMENT_SPECS,
  NETWORK_REQUEST_SPECS,
  PEER_CALL_SPECS,
} from './coverage-specs';
import './coverage.css';

/** The documents this part of the case feeds, in the order the work usually goes. */
const COVERAGE_LETTERS: LetterKind[] = [
  'benefits-call-script',
  'network-gap-request',
  'peer-to-peer-prep',
  'parity-request',
];

const money = (v: number | null) => (v === null ? '—' : formatMoney(v));

export function CaseCoverage({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const caseId = detail.case.id;
  const latestCheck = detail.benefitsChecks[0];
  const write = (kind: LetterKind) => (
    <Link
      key={kind}
      className="button button-small"
      to={`/cases/${caseId}?focus=letter-template&letter=${kind}`}
    >
      {LETTER_KIND.labels[kind]}
    </Link>
  );
  return (
    <>
      <nav className="card coverage-letters" aria-label="Coverage letters">
        <strong>Write:</strong>
        {COVERAGE_LETTERS.map(write)}
      </nav>
      <RecordSection
        kind="benefitsChecks"
        title="Benefits checks"
        noun="benefits check"
        caseId={caseId}
        rows={detail.benefitsChecks}
        specs={BENEFITS_CHECK_SPECS}
        empty="No benefits checked yet. Generate the benefits call script (Letters), call the plan, and record the answers here."
        onChanged={onChanged}
        columns={[
          { header: 'Checked', render: (c) => formatDate(c.checkedOn) },
          {
            header: 'Spoke to',
            render: (c) => (
              <>
                {orDash(c.representative)}
                {c.referenceNumber && <span className="strip-sub">Ref. {c.referenceNumber}</span>}
              </>
            ),
          },
          { header: 'Network', render: (c) => NETWORK_STATUS.labels[c.networkStatus] },
          { header: 'Prior auth', render: (c) => YES_NO.labels[c.priorAuthRequired] },
          {
            header: 'Deductible (met)',
            render: (c) =>
              c.inDeductible === null
                ? '—'
                : `${money(c.inDeductible)} (${money(c.inDeductibleMet)})`,
          },
          { header: 'Limit', render: (c) => orDash(c.visitLimit) },
        ]}
        footer={latestCheck && <CostEstimateTable check={latestCheck} />}
      />
      <RecordSection
        kind="accessAttempts"
        title="Access log: in-network providers tried"
        noun="provider tried"
        caseId={caseId}
        rows={detail.accessAttempts}
        specs={ACCESS_ATTEMPT_SPECS}
        empty="No in-network providers logged. A network-gap exception is won on a dated log of the providers tried and why each could not help."
        onChanged={onChanged}
        columns={[
          { header: 'Date', render: (a) => formatDate(a.attemptedOn) },
          {
            header: 'Provider',
            render: (a) => (
              <>
                {a.providerTried}
                {a.npi && <span className="strip-sub">NPI {a.npi}</span>}
              </>
            ),
          },
          { header: 'How', render: (a) => CHANNEL.labels[a.channel] },
          { header: 'Result', render: (a) => ACCESS_RESULT.labels[a.result] },
          {
            header: 'Wait offered',
            render: (a) => (a.waitOfferedDays === null ? '—' : `${a.waitOfferedDays} days`),
          },
          {
            header: 'Distance',
            render: (a) => (a.distanceMiles === null ? '—' : `${a.distanceMiles} miles`),
          },
        ]}
      />
      <RecordSection
        kind="networkRequests"
        title="Network-gap and single-case requests"
        noun="network request"
        caseId={caseId}
        rows={detail.networkRequests}
        specs={NETWORK_REQUEST_SPECS}
        empty="No request yet. Log the providers tried, then write the network-gap request (Letters) and record it here."
        onChanged={onChanged}
        columns={[
          { header: 'Kind', render: (r) => NETWORK_REQUEST_KIND.labels[r.kind] },
          { header: 'Provider', render: (r) => r.providerName },
          { header: 'Requested', render: (r) => formatDate(r.requestedOn) },
          {
            header: 'Decision',
            render: (r) => (
              <>
                {REQUEST_DECISION.labels[r.decision]}
                {r.decidedOn && <span className="strip-sub">{formatDate(r.decidedOn)}</span>}
              </>
            ),
          },
          {
            header: 'Approved terms',
            render: (r) =>
              [
                r.approvedRate !== null && `${formatMoney(r.approvedRate)} a session`,
                r.approvedSessions !== null && `${r.approvedSessions} sessions`,
                r.approvedFrom && `from ${formatDate(r.approvedFrom)}`,
                r.approvedUntil && `until ${formatDate(r.approvedUntil)}`,
              ]
                .filter(Boolean)
                .join(', ') || '—',
          },
        ]}
      />
      <RecordSection
        kind="peerCalls"
        title="Peer-to-peer calls"
        noun="peer-to-peer call"
        caseId={caseId}
        rows={detail.peerCalls}
        specs={PEER_CALL_SPECS}
        empty="No peer-to-peer call recorded. Generate the preparation sheet (Letters) for the provider before the call."
        onChanged={onChanged}
        columns={[
          { header: 'Date', render: (p) => formatDate(p.occurredOn) },
          {
            header: 'Reviewer',
            render: (p) => (
              <>
                {orDash(p.reviewerName)}
                {p.reviewerCredentials && (
                  <span className="strip-sub">{p.reviewerCredentials}</span>
                )}
              </>
            ),
          },
          { header: 'Asked for', render: (p) => <span className="pre-line">{p.askedFor}</span> },
          { header: 'Outcome', render: (p) => PEER_OUTCOME.labels[p.outcome] },
        ]}
      />
      <RecordSection
        kind="enrolments"
        title="Help beyond the plan"
        noun="program"
        caseId={caseId}
        rows={detail.enrolments}
        specs={ENROLMENT_SPECS}
        empty="No assistance tracked. Manufacturer programs, copay foundations, sliding scales, payment plans, HSA/FSA, superbills and clinical trials go here."
        onChanged={onChanged}
        columns={[
          {
            header: 'Program',
            render: (e) => (
              <>
                {e.program}
                <span className="strip-sub">{ASSISTANCE_KIND.labels[e.kind]}</span>
              </>
            ),
          },
          { header: 'Status', render: (e) => ENROLMENT_STATUS.labels[e.status] },
          {
            header: 'Amount',
            render: (e) =>
              e.amount === null
                ? '—'
                : `${formatMoney(e.amount)}${e.amountBasis ? ` ${e.amountBasis}` : ''}`,
          },
          { header: 'Cap', render: (e) => money(e.cap) },
          { header: 'Renews', render: (e) => formatDate(e.renewsOn) },
        ]}
      />
    </>
  );
}
