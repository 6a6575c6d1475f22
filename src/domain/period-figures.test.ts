/**
 * Figures of a period: only items due within it count in 办结率 and 按期办结率
 * (a unit with nothing due is not scored 0 %), the ledger is read as of the
 * statistics date, co-units' reports do not answer for the lead unit, and
 * 加减分 move the ranking.
 */
import { describe, expect, it } from 'vitest';
import { itemAsOf, periodFigures, periodScore, rankUnits, tallyPeriod, type PeriodTally } from './period-figures.ts';
import { periodOf } from './period.ts';
import { ranked, SETTINGS, WEIGHTS } from '../../tests/support/period-fixtures.ts';
import { item as itemSchema, type Item } from './schemas/item.ts';

const W = WEIGHTS;
const S = SETTINGS;
const R = ranked(['urban', 'env', 'econ']);

const base = itemSchema.parse({
  id: 'DB-2026-0031',
  title: '背街小巷',
  kind: 'meeting',
  source: { type: 'party_committee', name: '党工委会议', date: '2026-03-09' },
  content: '整治',
  requirements: '按期',
  deadline: '2026-08-31',
  leaders: ['li-ming'],
  lead_unit: 'urban',
  co_units: ['env'],
  reports_due: 'once',
  state: 'in_progress',
  registered: { date: '2026-03-09', by: 'sun-li' },
  assigned: { date: '2026-03-10', by: 'liu-yang' },
  arranged: { date: '2026-03-11', by: 'li-ming' },
});
const it_ = (patch: Record<string, unknown>): Item => ({ ...base, ...patch }) as Item;
const closed = (id: string, deadline: string, on: string, unit = 'urban') => it_({ id, deadline, lead_unit: unit, state: 'closed', closure: { date: on, by: 'sun-li' } });

describe('period figures', () => {
  it('count only items due within the period: nothing due is no score, not 0 %', () => {
    const items = [
      { item: closed('DB-2026-0001', '2026-08-31', '2026-08-20'), reports: [] },
      { item: it_({ id: 'DB-2026-0002', deadline: '2026-12-31', lead_unit: 'env' }), reports: [] },
    ];
    const f = periodFigures({ items }, periodOf('2026Q3'), S, R);
    expect(f.all).toMatchObject({ due: 1, done: 1, onTime: 1, completionRate: 1, onTimeRate: 1 });
    expect(f.byUnit.get('env')?.due ?? 0).toBe(0);
    expect(f.ranking.map((r) => r.unit)).toEqual(['urban']);
  });

  it('read the ledger as of the statistics date: a later closure does not change a closed quarter', () => {
    const late = closed('DB-2026-0003', '2026-09-15', '2026-10-20');
    const q3 = periodFigures({ items: [{ item: late, reports: [] }] }, periodOf('2026Q3'), S, R);
    expect(q3.asOf).toBe('2026-09-30');
    expect(q3.all).toMatchObject({ due: 1, done: 0, overdue: 1 });
    const year = periodFigures({ items: [{ item: late, reports: [] }] }, periodOf('2026'), S, R);
    expect(year.all).toMatchObject({ due: 1, done: 1, onTime: 0 });
    expect(itemAsOf(late, '2026-09-30')?.state).toBe('in_progress');
    expect(itemAsOf(late, '2026-03-01')).toBeUndefined();
  });

  it('use the deadline in force on the statistics date (extensions approved later are not yet granted)', () => {
    const extended = it_({ deadline: '2026-12-31', extensions: [{ date: '2026-10-05', from: '2026-09-30', to: '2026-12-31', approved_by: 'wang-jun', reason: '汛期' }] });
    expect(itemAsOf(extended, '2026-09-30')?.deadline).toBe('2026-09-30');
    expect(periodFigures({ items: [{ item: extended, reports: [] }] }, periodOf('2026Q3'), S, R).all.due).toBe(1);
    expect(periodFigures({ items: [{ item: extended, reports: [] }] }, periodOf('2026Q4'), S, R).all.due).toBe(0);
  });

  it('co-units’ reports do not answer for the lead unit', () => {
    const weekly = it_({ reports_due: 'weekly', deadline: '2026-12-31' });
    const byCo = periodFigures({ items: [{ item: weekly, reports: [{ date: '2026-03-17', unit: 'env' }] }] }, periodOf('2026-03'), S, R);
    const byLead = periodFigures({ items: [{ item: weekly, reports: [{ date: '2026-03-17', unit: 'urban' }] }] }, periodOf('2026-03'), S, R);
    expect(byCo.all).toMatchObject({ feedbackDue: 2, feedbackAnswered: 0 });
    expect(byLead.all).toMatchObject({ feedbackDue: 2, feedbackAnswered: 1 });
  });

  it('add 加减分 decided within the period to the unit’s score', () => {
    const items = [
      { item: closed('DB-2026-0001', '2026-08-31', '2026-08-20'), reports: [] },
      { item: closed('DB-2026-0002', '2026-08-31', '2026-08-21', 'econ'), reports: [] },
    ];
    const adjustments = [
      { id: 'JF-2026-001', date: '2026-09-01', unit: 'econ', points: 2, reason: '招商成效突出' },
      { id: 'JF-2026-002', date: '2026-10-01', unit: 'econ', points: -5, reason: '下一季度' },
    ];
    const f = periodFigures({ items, adjustments }, periodOf('2026Q3'), S, R);
    expect(f.ranking.map((r) => [r.unit, r.score])).toEqual([['econ', 72], ['urban', 70]]);
    expect(f.adjustments.map((a) => a.id)).toEqual(['JF-2026-001']);
    expect(periodScore(tallyPeriod([], 0), W)).toBeNull();
  });
});

describe('the ranking (rankUnits)', () => {
  // a tally with `done` of `due` items finished, on time
  const t = (done: number, due: number): PeriodTally => ({
    ...tallyPeriod([], 0),
    due,
    done,
    onTime: done,
    completionRate: due ? done / due : null,
    onTimeRate: due ? done / due : null,
  });

  it('ties share a rank (1, 1, 3, 3) and the ranking is cut into quarters', () => {
    const r = rankUnits([{ unit: 'a', tally: t(1, 1) }, { unit: 'b', tally: t(0, 1) }, { unit: 'c', tally: t(1, 1) }, { unit: 'd', tally: t(0, 1) }], W);
    expect(r.map((x) => [x.unit, x.score, x.rank, x.tier])).toEqual([['a', 100, 1, 0], ['c', 100, 1, 0], ['b', 0, 3, 2], ['d', 0, 3, 2]]);
  });

  it('a unit with nothing to score is not ranked; five units fall into four tiers', () => {
    expect(rankUnits([{ unit: 'none', tally: t(0, 0) }, { unit: 'x', tally: t(1, 1) }], W).map((r) => r.unit)).toEqual(['x']);
    const five = rankUnits([t(5, 5), t(4, 5), t(3, 5), t(2, 5), t(1, 5)].map((tally, i) => ({ unit: `u${i}`, tally })), W);
    expect(five.map((r) => [r.unit, r.rank, r.tier])).toEqual([['u0', 1, 0], ['u1', 2, 0], ['u2', 3, 1], ['u3', 4, 2], ['u4', 5, 3]]);
  });

  it('the score: weighted rates it has, scaled to all the weights, minus the penalties', () => {
    // completion 1/2, on time 1/2, no report due: (0.5×40 + 0.5×30) / 70 × 100 = 50; − 5 overdue − 3 flag − 5 accountability
    expect(periodScore({ ...t(1, 2), overdue: 1, flagged: 1, accountability: 1 }, W)).toBe(37);
  });
});
