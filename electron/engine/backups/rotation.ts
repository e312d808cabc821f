// Which backups to keep: the newest few, then one a day, one a week and one a month going back.
// A pure function of the backups' dates, so it can be tested without files.

export interface RotationPolicy {
  /** The newest backups kept whatever their dates (a restore's safety copy, manual ones). */
  recent: number;
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { recent: 5, daily: 7, weekly: 4, monthly: 12 };

export interface Dated {
  file: string;
  takenAt: string;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of an ISO timestamp. */
const dayNumber = (iso: string) => Math.floor(Date.parse(iso) / DAY_MS);
/** Weeks since the Monday 1969-12-29 (UTC). */
const weekNumber = (iso: string) => Math.floor((dayNumber(iso) + 3) / 7);
const monthNumber = (iso: string) => {
  const d = new Date(iso);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/**
 * The files to keep: the `recent` newest; the newest of each of the last `daily` days, `weekly`
 * weeks and `monthly` months counted back from `now`. Everything else may be deleted.
 */
export function backupsToKeep(
  backups: readonly Dated[],
  now: Date,
  policy: RotationPolicy = DEFAULT_ROTATION,
): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const keep = new Set(newestFirst.slice(0, policy.recent).map((b) => b.file));
  const nowIso = now.toISOString();
  const buckets: [number, (iso: string) => number][] = [
    [policy.daily, dayNumber],
    [policy.weekly, weekNumber],
    [policy.monthly, monthNumber],
  ];
  for (const [count, bucketOf] of buckets) {
    const current = bucketOf(nowIso);
    const seen = new Set<number>();
    for (const b of newestFirst) {
      const bucket = bucketOf(b.takenAt);
      if (current - bucket >= count || seen.has(bucket)) continue;
      seen.add(bucket);
      keep.add(b.file);
    }
  }
  return keep;
}
