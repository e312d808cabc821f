// "in 3 days", "today", "5 days overdue": how far a date is from today, colored by urgency.
import { counted } from '../../lib/format';

/** Whole days from `today` to `date` (both YYYY-MM-DD calendar dates). */
export function daysFrom(today: string, date: string): number {
  return Math.round(
    (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}

export function dueText(days: number, late = 'overdue'): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days > 0) return `in ${days} days`;
  return `${counted(-days, ['day', 'days'])} ${late}`;
}

export function DueBadge({ days, late }: { days: number; late?: string }) {
  const tone = days < 0 ? 'bad' : days <= 7 ? 'warn' : 'muted';
  return <span className={`badge badge-${tone}`}>{dueText(days, late)}</span>;
}
