/** Calendar arithmetic on `YYYY-MM-DD` strings, in Beijing time. Pure. */

const DAY = 86_400_000;
const BEIJING_OFFSET = 8 * 3_600_000;

// One string per calendar day worked out: a 10,000-item ledger's report due dates alone are
// ~550,000 strings of ~3,000 different days (17 MB of copies of the same 10 characters).
const DAYS = new Map<string, string>();
const MAX_DAYS = 100_000; // ~270 years of days; past that, copies again

/** The one kept string equal to the computed date `s` (for dates made in bulk, not read). */
export function internDate(s: string): string {
  const kept = DAYS.get(s);
  if (kept !== undefined) return kept;
  if (DAYS.size < MAX_DAYS) DAYS.set(s, s);
  return s;
}

const TWO = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

/** A calendar date as whole days since 1970-01-01 (dates are UTC-free calendar days). */
export const toDay = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY;

/** The calendar date `n` days after 1970-01-01 (the one kept string for it: `internDate`). */
export function fromDay(n: number): string {
  const d = new Date(n * DAY);
  return internDate(`${d.getUTCFullYear()}-${TWO[d.getUTCMonth() + 1]}-${TWO[d.getUTCDate()]}`);
}

/** The calendar date in Beijing at instant `now`. */
export function beijingDate(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

export function addDays(date: string, n: number): string {
  return internDate(new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10));
}

const monthLength = (y: number, m: number) => (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);

/** `date` plus `n` calendar months, the day held to the month's last (01-31 plus one month: 02-28 or 02-29). */
export function addMonths(date: string, n: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return internDate(`${y}-${TWO[m]}-${TWO[Math.min(Number(date.slice(8, 10)), monthLength(y, m))]}`);
}

/** The calendar date in Beijing of a Git timestamp like `2026-03-09T10:00:00+08:00`. */
export function beijingDateOf(iso: string): string {
  return beijingDate(new Date(iso));
}
