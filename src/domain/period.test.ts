/** Periods: every form the CLI, the bulletin record and the site accept, and the mistakes staff make. */
import { describe, expect, it } from 'vitest';
import { asOfDate, parsePeriod, periodsOfYear, previousMonth } from './period.ts';

const ok = (s: string) => {
  const r = parsePeriod(s);
  if (!r.ok) throw new Error(r.message);
  return r.period;
};

describe('parsePeriod', () => {
  it('reads a year, a half, a quarter, a month and a range', () => {
    expect(ok('2026')).toMatchObject({ key: '2026', from: '2026-01-01', to: '2026-12-31', label: '2026年' });
    expect(ok('2026H2')).toMatchObject({ key: '2026H2', from: '2026-07-01', to: '2026-12-31', label: '2026年下半年' });
    expect(ok('2026q3')).toMatchObject({ key: '2026Q3', from: '2026-07-01', to: '2026-09-30', label: '2026年第三季度' });
    expect(ok('2026-02')).toMatchObject({ key: '2026-02', from: '2026-02-01', to: '2026-02-28', label: '2026年2月' });
    expect(ok('2028-02').to).toBe('2028-02-29');
    expect(ok('2026-03-01..2026-05-31')).toMatchObject({ kind: 'range', from: '2026-03-01', to: '2026-05-31', label: '2026年3月1日至5月31日' });
  });

  it('says in Chinese what is allowed', () => {
    const bad = ['2026Q5', '2026-13', '26', '2026/11', '2026-05-31..2026-03-01', '2026-02-30..2026-03-01', '三季度'];
    for (const s of bad) {
      const r = parsePeriod(s);
      expect(r.ok, s).toBe(false);
      if (!r.ok) expect(r.message).toContain('2026Q3（季度）');
    }
  });

  it('states figures as of the last day, or today while the period runs', () => {
    expect(asOfDate(ok('2026Q3'), '2026-11-24')).toBe('2026-09-30');
    expect(asOfDate(ok('2026Q4'), '2026-11-24')).toBe('2026-11-24');
    expect(periodsOfYear(2026, '2026-05-10').map((p) => p.key)).toEqual(['2026', '2026H1', '2026Q2', '2026Q1']);
    expect(previousMonth('2026-01-15').key).toBe('2025-12');
  });
});
