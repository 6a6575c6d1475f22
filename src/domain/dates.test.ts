/**
 * Calendar arithmetic: `addMonths` against the calendar as JavaScript's Date
 * knows it (the day held to the month's last), days to dates and back, and
 * one kept string per computed date.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, fromDay, internDate, toDay } from './dates.ts';

/** A date from 1990 to 2099 as `YYYY-MM-DD`. */
const date = fc.integer({ min: toDay('1990-01-01'), max: toDay('2099-12-31') }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

/** The reference: month arithmetic by Date, then back to the month's last day when the day ran over. */
function monthsByDate(d: string, n: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(day, last))).toISOString().slice(0, 10);
}

describe('addMonths', () => {
  it('holds the day to the month\'s last', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2100-01-29', 1)).toBe('2100-02-28');
    expect(addMonths('2000-01-29', 1)).toBe('2000-02-29');
  });

  it('is the calendar\'s month arithmetic, for any date and 0-240 months', () => {
    fc.assert(fc.property(date, fc.integer({ min: 0, max: 240 }), (d, n) => addMonths(d, n) === monthsByDate(d, n)));
  });
});

describe('days and dates', () => {
  it('fromDay(toDay(d)) is d, and addDays agrees with day numbers', () => {
    fc.assert(fc.property(date, fc.integer({ min: -400, max: 400 }), (d, n) => fromDay(toDay(d)) === d && toDay(addDays(d, n)) === toDay(d) + n));
  });

  it('a computed date is one kept string', () => {
    const a = internDate(`2026-${'11'}-27`);
    expect(internDate(['2026', '11', '27'].join('-'))).toBe(a);
    expect(fromDay(toDay('2026-11-27'))).toBe(a);
  });
});
