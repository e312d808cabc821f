// The dashboard: each list a page (oldest, soonest, latest first) with its count, however many
// cases the library holds. A deadline counts in its client's state's calendar, and at any moment
// the states' calendars differ by a day at most: rows dated where they differ are judged one by
// one; everything before or after is counted and paged straight from an index.
import type { Page } from '../../contract/paging';
import type {
  Dashboard,
  DashboardDeadline,
  DashboardList,
  IdleCase,
  LateLetter,
  WaitingCase,
} from '../../contract/workflow';
import { CLOSED_STAGES, DASHBOARD_ROWS } from '../../contract/workflow';
import { CASE_STATUS } from '../../contract/choices';
import { addDays, daysBetween, localTimeZone, todayIn } from '../deadlines/plain-date';
import { STATE_TIME_ZONES, timeZoneForState } from '../deadlines/state-time-zones';
import { EARLIEST, LATEST, dashboardQueries } from './dashboard-queries';
import type { DueRow, QuietRow, WaitRow } from './dashboard-queries';
import type { Database } from 'better-sqlite3';
import type { DecisionWait } from '../../contract/workflow';

/** Part of a list: counted and paged by SQL, or rows already judged in memory. */
interface Segment<T> {
  count: number;
  take(limit: number): T[];
}

/** The first `limit` rows of segments that follow one another in the list's order. */
function pageOf<T>(segments: Segment<T>[], limit: number): Page<T> {
  const items: T[] = [];
  for (const s of segments) if (items.length < limit) items.push(...s.take(limit - items.length));
  return { total: segments.reduce((sum, s) => sum + s.count, 0), items };
}

const judged = <T>(rows: T[]): Segment<T> => ({
  count: rows.length,
  take: (limit) => rows.slice(0, limit),
});

type Range = { from: string; to: string };

/**
 * A list by a date: the rows dated before `edge` (certainly in it, whatever the client's
 * calendar) counted and paged from an index, then those dated in [edge, upto), where the
 * calendars differ, judged one by one.
 */
function beforeEdge<R, T>(
  read: { rows: (range: Range, limit: number) => R[]; count: (range: Range) => number },
  edge: string,
  upto: string,
  item: (row: R) => T,
  keep: (item: T) => boolean,
): Segment<T>[] {
  const certain = { from: EARLIEST, to: edge };
  return [
    { count: read.count(certain), take: (limit) => read.rows(certain, limit).map(item) },
    judged(
      edge < upto
        ? read.rows({ from: edge, to: upto }, Number.MAX_SAFE_INTEGER).map(item).filter(keep)
        : [],
    ),
  ];
}

/**
 * Today in every client's calendar: the earliest and latest of them (the same day when the
 * dashboard is asked about a fixed date), and the day in a given state.
 */
function calendars(fixed: string | null, now: Date) {
  if (fixed) return { lo: fixed, hi: fixed, todayOf: () => fixed };
  const byZone = new Map<string, string>();
  const inZone = (zone: string) => {
    let day = byZone.get(zone);
    if (!day) byZone.set(zone, (day = todayIn(zone, now)));
    return day;
  };
  const days = [...new Set([...Object.values(STATE_TIME_ZONES), localTimeZone()])].map(inZone);
  days.sort();
  // Asked once per waiting case (thousands): each state's day is looked up once.
  const byState = new Map<string | null, string>();
  const todayOf = (state: string | null) => {
    let day = byState.get(state);
    if (day === undefined) byState.set(state, (day = inZone(timeZoneForState(state))));
    return day;
  };
  return { lo: days[0]!, hi: days.at(-1)!, todayOf };
}

/** What a waiting case's rule reads. */
type WaitFacts = Pick<
  WaitRow,
  'status' | 'planType' | 'submittedOn' | 'claimType' | 'denialClaimType'
>;

/** A waiting case past its decision date. */
interface Late {
  daysOverdue: number;
  row: WaitRow;
  wait: DecisionWait;
}

export function dashboardReader(db: Database, describeWait: (row: WaitFacts) => DecisionWait) {
  const q = dashboardQueries(db);

  return (fixed: string | null, rows: Partial<Record<DashboardList, number>>): Dashboard => {
    const now = new Date();
    const { lo, hi, todayOf } = calendars(fixed, now);
    const want = (list: DashboardList) => rows[list] ?? DASHBOARD_ROWS;

    const deadline = (d: DueRow): DashboardDeadline => ({
      id: d.id,
      caseId: d.caseId,
      clientName: d.clientName,
      requestedTreatment: d.requestedTreatment,
      insurerName: d.insurerName,
      kind: d.kind,
      title: d.title,
      dueOn: d.dueOn,
      daysLeft: daysBetween(todayOf(d.state), d.dueOn),
      notes: d.notes,
    });
    const dueRange = (from: string, to: string): Segment<DashboardDeadline> => ({
      count: from < to ? q.dueCount({ from, to }) : 0,
      take: (limit) => (from < to ? q.due({ from, to }, limit).map(deadline) : []),
    });
    // The days where the calendars differ, read once: one list's far edge is the next one's near
    // edge (overdue and due this week share today).
    const edgeDays = new Map<string, DashboardDeadline[]>();
    const dueOnEdge = (from: string, to: string) => {
      const key = `${from}/${to}`;
      let found = edgeDays.get(key);
      if (!found) {
        found = from < to ? q.due({ from, to }, Number.MAX_SAFE_INTEGER).map(deadline) : [];
        edgeDays.set(key, found);
      }
      return found;
    };
    /** Rows dated where the calendars differ, judged one by one (a day or two of deadlines). */
    const dueJudged = (from: string, to: string, keep: (d: DashboardDeadline) => boolean) =>
      judged(dueOnEdge(from, to).filter(keep));

    // Overdue: due before today. Certainly so before the earliest today.
    const overdue = pageOf(
      [dueRange(EARLIEST, lo), dueJudged(lo, hi, (d) => d.daysLeft < 0)],
      want('overdue'),
    );
    /**
     * Due from `first` to `last` days ahead (both included; no last: any time after). Rows dated
     * where the clients' calendars disagree about which side of an edge they fall are judged one
     * by one; everything between the edges is counted and paged straight from the index.
     */
    const dueIn = (list: DashboardList, first: number, last: number | null) => {
      const keep = (d: DashboardDeadline) =>
        d.daysLeft >= first && (last === null || d.daysLeft <= last);
      const end = last === null ? LATEST : addDays(lo, last + 1);
      return pageOf(
        [
          dueJudged(addDays(lo, first), addDays(hi, first), keep),
          dueRange(addDays(hi, first), end),
          ...(last === null ? [] : [dueJudged(end, addDays(hi, last + 1), keep)]),
        ],
        want(list),
      );
    };
    const dueThisWeek = dueIn('dueThisWeek', 0, 7);
    const dueThisMonth = dueIn('dueThisMonth', 8, 30);
    const dueThisQuarter = dueIn('dueThisQuarter', 31, 90);
    const dueLater = dueIn('dueLater', 91, null);

    // Quiet for 30 days or more: certainly so when last active before the earliest today − 29.
    const idleCase = (row: QuietRow): IdleCase => ({
      caseId: row.caseId,
      clientName: row.clientName,
      requestedTreatment: row.requestedTreatment,
      status: row.status,
      lastActivityOn: row.lastActivityOn,
      daysIdle: daysBetween(row.lastActivityOn, todayOf(row.state)),
    });
    const idle = pageOf<IdleCase>(
      beforeEdge(
        { rows: q.quiet, count: q.quietCount },
        addDays(lo, -29),
        addDays(hi, -29),
        idleCase,
        (c) => c.daysIdle >= 30,
      ),
      want('idle'),
    );

    // Certainly late: due before the earliest of the clients' todays.
    const lateLetters: Page<LateLetter> = {
      total: q.lateLetterCount(lo),
      items: q.lateLetters(lo, want('lateLetters')).map((l) => ({
        ...l,
        daysLate: daysBetween(l.responseDueOn, lo),
      })),
    };
    // Past the insurer's time to decide: certainly so when due before the earliest today; the
    // day or so where the calendars differ is judged case by case. Only the page's rules run.
    const lateWait = (row: WaitRow): Late => ({
      row,
      wait: describeWait(row),
      daysOverdue: daysBetween(row.decisionDueOn, todayOf(row.state)),
    });
    const late = pageOf<Late>(
      beforeEdge({ rows: q.waits, count: q.waitCount }, lo, hi, lateWait, (l) => l.daysOverdue > 0),
      want('waiting'),
    );
    const names = q.names(late.items.map((l) => l.row.caseId));
    const waiting: Page<WaitingCase> = {
      total: late.total,
      items: late.items.map(({ row, wait, daysOverdue }) => ({
        ...wait,
        caseId: row.caseId,
        clientName: names.get(row.caseId)?.clientName ?? '',
        requestedTreatment: names.get(row.caseId)?.requestedTreatment ?? '',
        insurerName: names.get(row.caseId)?.insurerName ?? null,
        daysOverdue,
      })),
    };

    const counts = new Map(q.byStage().map((r) => [r.status, r.count]));
    return {
      today: fixed ?? todayIn(timeZoneForState(null), now),
      overdue,
      dueThisWeek,
      dueThisMonth,
      dueThisQuarter,
      dueLater,
      lateLetters,
      waiting,
      idle,
      byStage: CASE_STATUS.values
        .map((status) => ({ status, count: counts.get(status) ?? 0 }))
        .filter((s) => s.count > 0 || !CLOSED_STAGES.includes(s.status)),
      outcomesByInsurer: q.outcomes('insurer'),
      outcomesByTreatment: q.outcomes('treatment'),
    };
  };
}
