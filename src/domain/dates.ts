/** Calendar arithmetic on `YYYY-MM-DD` strings, in Beijing time. Pure. */

const DAY = 86_400_000;
const BEIJING_OFFSET = 8 * 3_600_000;

/** The calendar date in Beijing at instant `now`. */
export function beijingDate(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** The calendar date in Beijing of a Git timestamp like `2026-03-09T10:00:00+08:00`. */
export function beijingDateOf(iso: string): string {
  return beijingDate(new Date(iso));
}
