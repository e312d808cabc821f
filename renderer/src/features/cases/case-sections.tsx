// The top of the case page: what to do next and by when, and one-click links to every section.
import { Link, useLocation } from 'react-router';
import type { CaseDetail } from '../../../../electron/contract/case';
import type { CaseWorkflow } from '../../../../electron/contract/workflow';
import { call } from '../../api';
import { LETTER_KIND } from '../../../../electron/contract/letter';
import type { LetterKind } from '../../../../electron/contract/letter';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';

/** The case page's sections, in page order; the id is the element the link focuses. */
export const CASE_SECTIONS = [
  { label: 'Overview', id: 'section-details' },
  { label: 'Timeline', id: 'section-timeline' },
  { label: 'Workflow', id: 'section-workflow' },
  { label: 'Records', id: 'section-records' },
  { label: 'Coverage', id: 'section-coverage' },
  { label: 'Letters', id: 'section-letters' },
  { label: 'Documents', id: 'section-documents' },
  { label: 'History', id: 'section-history' },
] as const;

/** Sticky in-page links: each one puts `?focus=` in the address, which focuses that section. */
export function CaseSectionNav({ caseId }: { caseId: number }) {
  const location = useLocation();
  const current = new URLSearchParams(location.search).get('focus');
  return (
    <nav className="case-section-nav" aria-label="Case sections">
      <ul>
        {CASE_SECTIONS.map((s) => (
          <li key={s.id}>
            <Link
              to={`/cases/${caseId}?focus=${s.id}`}
              aria-current={current === s.id ? 'location' : undefined}
            >
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The next step the deadline rules give for the newest denial, or the next open task. */
export function CaseOverview({
  detail,
  workflow,
}: {
  detail: CaseDetail;
  workflow: CaseWorkflow | null;
}) {
  const criteria = useLoad(
    () => call('caseCriteria.get', { caseId: detail.case.id }),
    [detail.case.id, detail.case.updatedAt],
  );
  const latest = workflow?.denials[0];
  // The letter the case most likely needs next: answering its denial, or asking for coverage.
  const quick: LetterKind = latest
    ? latest.computation.nextStage === 'external-review'
      ? 'external-review'
      : 'appeal'
    : 'medical-necessity';
  const task = detail.deadlines.find((d) => !d.completedOn);
  const step = latest
    ? { what: latest.computation.nextStep, due: latest.computation.dueOn }
    : task
      ? { what: task.title, due: task.dueOn }
      : null;
  return (
    <section className="card case-overview" aria-label="Next step">
      <p>
        <strong>Next step:</strong>{' '}
        {step ? step.what : 'Nothing due: record a denial or add a task when one comes.'}
        {step && (
          <>
            {' '}
            · <strong>Due</strong> {step.due ? formatDate(step.due) : 'date needed'}
          </>
        )}
      </p>
      <p>
        <Link to={`/cases/${detail.case.id}?focus=section-criteria`}>Payer criteria</Link>
        {criteria.data?.set && (
          <>
            : {criteria.data.met} met ·{' '}
            {criteria.data.results.filter((r) => r.status === 'not-met').length} not met ·{' '}
            {criteria.data.results.filter((r) => r.status === 'unknown').length} unknown
          </>
        )}{' '}
        · <Link to={`/cases/${detail.case.id}?focus=letter-template`}>Write a letter</Link>
      </p>
      {detail.case.insurerName && (
        <p>
          <Link
            className="button button-small button-primary"
            to={`/cases/${detail.case.id}?focus=letter-template&letter=${quick}&to=insurer`}
          >
            Write the {LETTER_KIND.labels[quick].toLowerCase()} to {detail.case.insurerName}
          </Link>
        </p>
      )}
    </section>
  );
}
