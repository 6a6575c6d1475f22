/**
 * Periods the office reports on: a year (`2026`), a half (`2026H2`), a
 * quarter (`2026Q3`), a month (`2026-11`) or any date range
 * (`2026-03-01..2026-05-31`). One parser for the CLI, the bulletin record
 * and the site, so `ledger stats --period 2026Q3` and the site's quarter page
 * mean the same days. Pure.
 */
import { isCalendarDate } from './schemas/common.ts';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'range';

export interface Period {
  /** Canonical key: `2026`, `2026H2`, `2026Q3`, `2026-11`, `2026-03-01..2026-05-31`. */
  key: string;
  kind: PeriodKind;
  /** First and last day, inclusive. */
  from: string;
  to: string;
  /** Chinese name: 2026年、2026年下半年、2026年第三季度、2026年11月、2026年3月1日至5月31日. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const QUARTER_NAMES = ['一', '二', '三', '四'];

function months(y: number, first: number, last: number): { from: string; to: string } {
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDay(y, last))}` };
}

const dayLabel = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export function yearPeriod(y: number): Period {
  return { key: String(y), kind: 'year', ...months(y, 1, 12), label: `${y}年` };
}
export function halfPeriod(y: number, h: 1 | 2): Period {
  return { key: `${y}H${h}`, kind: 'half', ...months(y, h === 1 ? 1 : 7, h === 1 ? 6 : 12), label: `${y}年${h === 1 ? '上' : '下'}半年` };
}
export function quarterPeriod(y: number, q: 1 | 2 | 3 | 4): Period {
  return { key: `${y}Q${q}`, kind: 'quarter', ...months(y, q * 3 - 2, q * 3), label: `${y}年第${QUARTER_NAMES[q - 1]}季度` };
}
export function monthPeriod(y: number, m: number): Period {
  return { key: `${y}-${pad(m)}`, kind: 'month', ...months(y, m, m), label: `${y}年${m}月` };
}
export function rangePeriod(from: string, to: string): Period {
  const label = from.slice(0, 4) === to.slice(0, 4) ? `${dayLabel(from)}至${dayLabel(to).slice(5)}` : `${dayLabel(from)}至${dayLabel(to)}`;
  return { key: `${from}..${to}`, kind: 'range', from, to, label };
}

export const PERIOD_FORMS = '2026（年）、2026H2（半年）、2026Q3（季度）、2026-11（月）或 2026-03-01..2026-05-31（起止日期）';

/** Parse a period; a Chinese message saying what is allowed when it is not one. */
export function parsePeriod(raw: string): { ok: true; period: Period } | { ok: false; message: string } {
  const s = raw.trim();
  const bad = (why = '') => ({ ok: false as const, message: `统计期 “${raw}” 写法不对${why}：应为 ${PERIOD_FORMS}` });
  let m: RegExpExecArray | null;
  const yearOk = (y: number) => y >= 2000 && y <= 2100;
  if ((m = /^(\d{4})$/.exec(s))) return yearOk(+m[1]!) ? { ok: true, period: yearPeriod(+m[1]!) } : bad();
  if ((m = /^(\d{4})[Hh]([12])$/.exec(s))) return yearOk(+m[1]!) ? { ok: true, period: halfPeriod(+m[1]!, +m[2]! as 1 | 2) } : bad();
  if ((m = /^(\d{4})[Qq]([1-4])$/.exec(s))) return yearOk(+m[1]!) ? { ok: true, period: quarterPeriod(+m[1]!, +m[2]! as 1 | 2 | 3 | 4) } : bad();
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) {
    const mo = +m[2]!;
    return yearOk(+m[1]!) && mo >= 1 && mo <= 12 ? { ok: true, period: monthPeriod(+m[1]!, mo) } : bad('（月份应为 01–12）');
  }
  if ((m = /^(\S+)\.\.(\S+)$/.exec(s))) {
    const [from, to] = [m[1]!, m[2]!];
    if (!isCalendarDate(from) || !isCalendarDate(to)) return bad('（起止日期应写成 2026-03-01 这样的真实日期）');
    if (to < from) return bad('（结束日期早于开始日期）');
    return { ok: true, period: rangePeriod(from, to) };
  }
  return bad();
}

/** The period of a known key (throws on a bad one: for keys the program made itself). */
export function periodOf(key: string): Period {
  const r = parsePeriod(key);
  if (!r.ok) throw new Error(r.message);
  return r.period;
}

/** The day figures of `p` are stated as of: its last day, or `today` while it runs. */
export function asOfDate(p: Period, today: string): string {
  return p.to < today ? p.to : today;
}

/** The quarters, halves and year of `year` that have begun by `today`, newest first. */
export function periodsOfYear(year: number, today: string): Period[] {
  const all: Period[] = [yearPeriod(year), halfPeriod(year, 2), halfPeriod(year, 1), quarterPeriod(year, 4), quarterPeriod(year, 3), quarterPeriod(year, 2), quarterPeriod(year, 1)];
  return all.filter((p) => p.from <= today);
}

/** The month before the one `today` is in (what a monthly bulletin usually covers). */
export function previousMonth(today: string): Period {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? monthPeriod(y - 1, 12) : monthPeriod(y, m - 1);
}
