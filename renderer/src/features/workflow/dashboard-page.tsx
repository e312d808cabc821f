// The dashboard: every case's next step and due date at a glance — what is overdue or due this
// week, which insurers are late, which cases have gone quiet — and how cases end, as charts.
import { useState } from 'react';
import { Link } from 'react-router';
import { CASE_STATUS } from '../../../../electron/contract/choices';
import type {
  Dashboard,
  DashboardDeadline,
  DashboardList,
} from '../../../../electron/contract/workflow';
import {
  CLOSED_STAGES,
  DASHBOARD_LISTS,
  DASHBOARD_ROWS,
} from '../../../../electron/contract/workflow';
import { MAX_PAGE } from '../../../../electron/contract/paging';
import { ESCALATION } from '../../../../electron/contract/letter-journey';
import { LETTER_KIND } from '../../../../electron/contract/letter';
import type { LetterKind } from '../../../../electron/contract/letter';
import { asAppError, call } from '../../api';
import { DataTable } from '../../components/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { ShowMore, count as formatCount } from '../../components/show-more';
import { StatusBadge } from '../../components/status-badge';
import { BarChart } from './bar-chart';
import { DueBadge, dueText } from './due-badge';
import { counted, formatDate, orDash } from '../../lib/format';
import { downloadText } from '../../lib/files';
import { useLoad } from '../../lib/use-load';
import { SampleBanner } from '../first-run/sample';
import { HelpLink } from '../help/help-link';
import type { AppError } from '../../../../electron/contract/errors';
import { ExpiringAuthorizations } from '../authorizations/expiring-authorizations';
import './dashboard.css';

const caseLink = (caseId: number, text: string) => <Link to={`/cases/${caseId}`}>{text}</Link>;

function Tile({
  count,
  label,
  tone,
  href,
}: {
  count: number;
  label: string;
  tone: string;
  href: string;
}) {
  return (
    <a
      className={`tile ${count > 0 ? `tile-${tone}` : ''}`}
      href={href}
      onClick={(e) => {
        // Hash links are routes here: scroll to the section by hand.
        e.preventDefault();
        document.getElementById(href.slice(1))?.scrollIntoView({ block: 'start' });
      }}
    >
      <span className="tile-count">{formatCount(count)}</span>
      <span className="tile-label">{label}</span>
    </a>
  );
}

const deadlineColumns = [
  {
    header: 'Due',
    render: (d: DashboardDeadline) => (
      <span className="nowrap">
        {formatDate(d.dueOn)} <DueBadge days={d.daysLeft} />
      </span>
    ),
  },
  { header: 'What', render: (d: DashboardDeadline) => d.title },
  { header: 'Client', render: (d: DashboardDeadline) => caseLink(d.caseId, d.clientName) },
  { header: 'Treatment', render: (d: DashboardDeadline) => d.requestedTreatment },
  { header: 'Insurer', render: (d: DashboardDeadline) => orDash(d.insurerName) },
];

/** What is due further out, each horizon a list of its own, so nothing open is left off. */
const HORIZONS = [
  ['dueThisMonth', 'In 8 to 30 days'],
  ['dueThisQuarter', 'In 31 to 90 days'],
  ['dueLater', 'More than 90 days away'],
] as const;

/** Rows of each list shown at first, and added by each "Show more". */
const PAGE = DASHBOARD_ROWS;

export function DashboardPage() {
  const [rows, setRows] = useState<Record<DashboardList, number>>(
    () =>
      Object.fromEntries(DASHBOARD_LISTS.map((l) => [l, PAGE])) as Record<DashboardList, number>,
  );
  const { data, error, reload } = useLoad(() => call('dashboard.get', { rows }), [rows]);
  const more = (list: DashboardList) => () =>
    setRows((r) => ({ ...r, [list]: Math.min(MAX_PAGE, r[list] + PAGE) }));
  const [fullNames, setFullNames] = useState(false);
  const [exportError, setExportError] = useState<AppError | null>(null);

  const exportCalendar = async () => {
    try {
      const file = await call('calendar.export', { fullNames });
      downloadText(file.fileName, file.text, 'text/calendar');
      setExportError(null);
    } catch (e) {
      setExportError(asAppError(e));
    }
  };

  if (!data) {
    return <div className="page">{error ? <ErrorBanner error={error} /> : <p>Loading…</p>}</div>;
  }
  const board: Dashboard = data;
  const due = [...board.overdue.items, ...board.dueThisWeek.items];
  const open = board.byStage.filter((s) => !CLOSED_STAGES.includes(s.status));
  const closed = board.byStage.filter((s) => CLOSED_STAGES.includes(s.status));

  return (
    <div className="page dashboard">
      <div className="page-header">
        <div>
          <h1>Dashboard</h1>
          <p className="page-meta">
            <span>Today is {formatDate(board.today)}</span>
            <span>Deadlines are counted in each client’s state</span>
          </p>
        </div>
        <div className="page-actions calendar-export">
          <HelpLink section="workflow" />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={fullNames}
              onChange={(e) => setFullNames(e.target.checked)}
            />
            Full names
          </label>
          <button
            type="button"
            className="button"
            onClick={exportCalendar}
            title="All open deadlines and tasks as an .ics file for Outlook or Google Calendar. Clients appear by their initials: calendars synced online keep a copy of what you export. Tick “Full names” to include names, treatments and insurers."
          >
            Download calendar (.ics)
          </button>
        </div>
      </div>
      <SampleBanner onRemoved={reload} />
      <ErrorBanner error={error ?? exportError} />

      <div className="tiles" role="list">
        <div role="listitem">
          <Tile count={board.overdue.total} label="Overdue" tone="bad" href="#due" />
        </div>
        <div role="listitem">
          <Tile
            count={board.dueThisWeek.total}
            label="Due in the next 7 days"
            tone="warn"
            href="#due"
          />
        </div>
        <div role="listitem">
          <Tile
            count={board.waiting.total}
            label="Insurer past its decision time"
            tone="bad"
            href="#waiting"
          />
        </div>
        <div role="listitem">
          <Tile count={board.idle.total} label="No activity in 30 days" tone="warn" href="#idle" />
        </div>
      </div>

      <section className="card" aria-labelledby="due">
        <div className="card-header">
          <h2 id="due">Overdue and due in the next 7 days</h2>
        </div>
        {due.length === 0 ? (
          <p className="empty-note">Nothing overdue or due in the next 7 days.</p>
        ) : (
          <>
            <DataTable
              caption="Overdue and due in the next 7 days"
              columns={deadlineColumns}
              rows={due}
            />
            <ShowMore
              shown={board.overdue.items.length}
              total={board.overdue.total}
              step={PAGE}
              noun="overdue"
              onMore={more('overdue')}
            />
            <ShowMore
              shown={board.dueThisWeek.items.length}
              total={board.dueThisWeek.total}
              step={PAGE}
              noun="due in the next 7 days"
              onMore={more('dueThisWeek')}
            />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="late-letters">
        <div className="card-header">
          <h2 id="late-letters">Letters past the insurer’s time to answer</h2>
        </div>
        {board.lateLetters.total === 0 ? (
          <p className="empty-note">No letter sent is waiting past its answer date.</p>
        ) : (
          <>
            <DataTable
              caption="Letters past the insurer’s time to answer"
              rows={board.lateLetters.items.map((l) => ({ ...l, id: l.documentId }))}
              columns={[
                { header: 'Client', render: (l) => caseLink(l.caseId, l.clientName) },
                {
                  header: 'Letter',
                  render: (l) => {
                    const next = ESCALATION[l.kind as LetterKind];
                    return (
                      <>
                        {l.templateName}
                        {next && (
                          <Link
                            className="strip-sub"
                            to={`/cases/${l.caseId}?focus=letter-template&letter=${next}`}
                          >
                            Write the {LETTER_KIND.labels[next].toLowerCase()}
                          </Link>
                        )}
                      </>
                    );
                  },
                },
                { header: 'Insurer', render: (l) => orDash(l.insurerName) },
                { header: 'Sent', render: (l) => formatDate(l.sentOn) },
                {
                  header: 'Answer was due',
                  render: (l) => (
                    <span className="nowrap">
                      {formatDate(l.responseDueOn)}{' '}
                      <span className="badge badge-bad">{dueText(-l.daysLate, 'late')}</span>
                    </span>
                  ),
                },
              ]}
            />
            <ShowMore
              shown={board.lateLetters.items.length}
              total={board.lateLetters.total}
              step={PAGE}
              noun={['letter', 'letters']}
              onMore={more('lateLetters')}
            />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="coming">
        <div className="card-header">
          <h2 id="coming">Coming up</h2>
        </div>
        {HORIZONS.every(([list]) => board[list].total === 0) ? (
          <p className="empty-note">Nothing else is due.</p>
        ) : (
          HORIZONS.filter(([list]) => board[list].total > 0).map(([list, title]) => (
            <div key={list} className="horizon">
              <h3 id={`coming-${list}`}>
                {title} ({board[list].total})
              </h3>
              <DataTable caption={title} columns={deadlineColumns} rows={board[list].items} />
              <ShowMore
                shown={board[list].items.length}
                total={board[list].total}
                step={PAGE}
                noun={['deadline or task', 'deadlines and tasks']}
                onMore={more(list)}
              />
            </div>
          ))
        )}
      </section>

      <section className="card" aria-labelledby="waiting">
        <div className="card-header">
          <h2 id="waiting">Waiting on the insurer past its decision time</h2>
        </div>
        {board.waiting.total === 0 ? (
          <p className="empty-note">No insurer is late on a decision.</p>
        ) : (
          <DataTable
            caption="Waiting on the insurer"
            rows={board.waiting.items.map((w) => ({ ...w, id: w.caseId }))}
            columns={[
              { header: 'Client', render: (w) => caseLink(w.caseId, w.clientName) },
              { header: 'Stage', render: (w) => <StatusBadge status={w.stage} /> },
              { header: 'Insurer', render: (w) => orDash(w.insurerName) },
              { header: 'Since', render: (w) => formatDate(w.submittedOn) },
              {
                header: 'Decision was due',
                render: (w) => (
                  <span title={w.rule} className="nowrap">
                    {formatDate(w.decisionDueOn)}{' '}
                    <span className="badge badge-bad">{dueText(-w.daysOverdue, 'late')}</span>
                  </span>
                ),
              },
            ]}
          />
        )}
        <ShowMore
          shown={board.waiting.items.length}
          total={board.waiting.total}
          step={PAGE}
          noun={['case', 'cases']}
          onMore={more('waiting')}
        />
      </section>

      <section className="card" aria-labelledby="idle">
        <div className="card-header">
          <h2 id="idle">No activity in 30 days</h2>
        </div>
        {board.idle.total === 0 ? (
          <p className="empty-note">Every open case has moved in the last 30 days.</p>
        ) : (
          <DataTable
            caption="No activity in 30 days"
            rows={board.idle.items.map((c) => ({ ...c, id: c.caseId }))}
            columns={[
              { header: 'Client', render: (c) => caseLink(c.caseId, c.clientName) },
              { header: 'Treatment', render: (c) => c.requestedTreatment },
              { header: 'Stage', render: (c) => <StatusBadge status={c.status} /> },
              {
                header: 'Last activity',
                render: (c) =>
                  `${formatDate(c.lastActivityOn)} (${counted(c.daysIdle, ['day', 'days'])})`,
              },
            ]}
          />
        )}
        <ShowMore
          shown={board.idle.items.length}
          total={board.idle.total}
          step={PAGE}
          noun={['case', 'cases']}
          onMore={more('idle')}
        />
      </section>

      <ExpiringAuthorizations />

      <section className="card" aria-labelledby="charts">
        <div className="card-header">
          <h2 id="charts">Cases and outcomes</h2>
        </div>
        <div className="charts">
          <BarChart
            title="Open cases by stage"
            series={[{ name: 'cases', tone: 'tone-info' }]}
            rows={open.map((s) => ({ label: CASE_STATUS.labels[s.status], values: [s.count] }))}
            empty="No cases yet."
          />
          <BarChart
            title="Closed cases"
            series={[{ name: 'cases', tone: 'tone-muted' }]}
            rows={closed.map((s) => ({ label: CASE_STATUS.labels[s.status], values: [s.count] }))}
            empty="No case has closed yet."
          />
          <BarChart
            title="Won and lost by insurer"
            series={[
              { name: 'won', tone: 'tone-good' },
              { name: 'lost', tone: 'tone-bad' },
            ]}
            rows={board.outcomesByInsurer.map((o) => ({ label: o.label, values: [o.won, o.lost] }))}
            empty="Outcomes appear here once cases are approved or closed."
          />
          <BarChart
            title="Won and lost by treatment"
            series={[
              { name: 'won', tone: 'tone-good' },
              { name: 'lost', tone: 'tone-bad' },
            ]}
            rows={board.outcomesByTreatment.map((o) => ({
              label: o.label,
              values: [o.won, o.lost],
            }))}
            empty="Outcomes appear here once cases are approved or closed."
          />
        </div>
        <p className="chart-note">
          Won counts approved and closed-won cases; withdrawn cases are left out.
        </p>
      </section>
    </div>
  );
}
