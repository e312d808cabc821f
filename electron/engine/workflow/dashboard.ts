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

/**
 * Today in every client's calendar: the earliest and latest of them (the same day when the
 * dashboard is asked about a fixed date), and the day in a given state.
 */
function calendars(fixed: string | null, now: Date) {
  if (fixed) return { lo: fixed, hi: fixed, todayOf: () => fixed, key: fixed };
  const byZone = new Map<string, string>();
  const inZone = (zone: string) => {
    let day = byZone.get(zone);
    if (!day) byZone.set(zone, (day = todayIn(zone, now)));
    return day;
  };
  const days = [...new Set([...Object.values(STATE_TIME_ZONES), localTimeZone()])].map(inZone);
  // Which day it is in each zone: two moments with the same key judge every row alike.
  const key = [...byZone].map(([zone, day]) => `${zone}=${day}`).join(' ');
  days.sort();
  // Asked once per waiting case (thousands): each state's day is looked up once.
  const byState = new Map<string | null, string>();
  const todayOf = (state: string | null) => {
    let day = byState.get(state);
    if (day === undefined) byState.set(state, (day = inZone(timeZoneForState(state))));
    return day;
  };
  return { lo: days[0]!, hi: days.at(-1)!, todayOf, key };
}

/** What a waiting case's rule reads. */
type WaitFacts = Pick<
  WaitRow,
  'status' | 'planType' | 'submittedOn' | 'claimType' | 'denialClaimType'
>;

/** Decision rules' answers kept between dashboards, by what they read. */
const KEPT_WAITS = 100_000;

/** A waiting case past its decision date. */
interface Late {
  daysOverdue: number;
  row: WaitRow;
  wait: DecisionWait;
}

export function dashboardReader(db: Database, describeWait: (row: WaitFacts) => DecisionWait) {
  const q = dashboardQueries(db);
  const waits = new Map<string, DecisionWait>();
  // What changes when anything is written to the file: another connection's commit moves
  // data_version, this connection's own writes (even rolled back) move total_changes().
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  const ownChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
  /** The late waiting cases of the last dashboard, and what they were judged from. */
  let lastLate: { key: string; late: Late[] } | null = null;

  /**
   * Waiting past the insurer's decision time: each waiting case's rule decides, so every
   * waiting case is looked at (one small row each), worst first. Every waiting case of a large
   * library is thousands of rows, so the answer is kept until the library or the day changes:
   * a dashboard shown again, with nothing written meanwhile, reads none of them.
   */
  const lateCases = (days: string, todayOf: (state: string | null) => string): Late[] => {
    const key = `${dataVersion.get()}.${ownChanges.get()}|${days}`;
    if (lastLate?.key === key) return lastLate.late;
    const late: Late[] = [];
    // Cases waiting since the same day under the same rule wait alike: each rule runs once (the
    // rules are pure, so what they said is kept from one dashboard to the next).
    if (waits.size > KEPT_WAITS) waits.clear();
    const spans = new Map<string, number>();
    for (const row of q.waits()) {
      const key = `${row.status}|${row.planType}|${row.claimType}|${row.denialClaimType}|${row.submittedOn}`;
      let wait = waits.get(key);
      if (!wait) waits.set(key, (wait = describeWait(row)));
      if (!wait.decisionDueOn) continue;
      const today = todayOf(row.state);
      const span = `${wait.decisionDueOn}|${today}`;
      let daysOverdue = spans.get(span);
      if (daysOverdue === undefined)
        spans.set(span, (daysOverdue = daysBetween(wait.decisionDueOn, today)));
      if (daysOverdue > 0) late.push({ daysOverdue, row, wait });
    }
    late.sort((a, b) => b.daysOverdue - a.daysOverdue || a.row.caseId - b.row.caseId);
    lastLate = { key, late };
    return late;
  };

  return (fixed: string | null, rows: Partial<Record<DashboardList, number>>): Dashboard => {
    const now = new Date();
    const { lo, hi, todayOf, key: days } = calendars(fixed, now);
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
    /** Rows dated where the calendars differ, judged one by one (a day or two of deadlines). */
    const dueJudged = (from: string, to: string, keep: (d: DashboardDeadline) => boolean) =>
      judged(
        from < to ? q.due({ from, to }, Number.MAX_SAFE_INTEGER).map(deadline).filter(keep) : [],
      );

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
    const quietFrom = addDays(lo, -29);
    const quietTo = addDays(hi, -29);
    const idle = pageOf<IdleCase>(
      [
        {
          count: q.quietCount({ from: EARLIEST, to: quietFrom }),
          take: (limit) => q.quiet({ from: EARLIEST, to: quietFrom }, limit).map(idleCase),
        },
        judged(
          quietFrom < quietTo
            ? q
                .quiet({ from: quietFrom, to: quietTo }, Number.MAX_SAFE_INTEGER)
                .map(idleCase)
                .filter((c) => c.daysIdle >= 30)
            : [],
        ),
      ],
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
    const late = lateCases(days, todayOf);
    const shown = late.slice(0, want('waiting'));
    const names = q.names(shown.map((l) => l.row.caseId));
    const waiting: Page<WaitingCase> = {
      total: late.length,
      items: shown.map(({ row, wait, daysOverdue }) => ({
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
