/**
 * A period's figures as the office reads them (the CLI's `stats --json`, the
 * site's data, a bulletin's `figures`): one small quarter worked out by hand
 * — an item closed on time and answered, one overdue, flagged and held to
 * account, one not yet due, one near its deadline — with 加减分 on the
 * period's first and last day and outside it, units ranked by the documented
 * score (weights 40/30/30, penalties 5/3/5) into tiers, leaders' tallies, the
 * lights on the statistics date, and the whole ledger as one period.
 */
import { describe, expect, it } from 'vitest';
import { allTime, figuresJson, periodFigures } from './period-figures.ts';
import { periodOf } from './period.ts';
import { meetingItem, ranked, SETTINGS } from '../../tests/support/period-fixtures.ts';

const S = SETTINGS;
const R = ranked(['urban', 'env', 'econ']);
const item = meetingItem;

/** Q3 2026, read on 2026-11-24: as of 2026-09-30. */
const items = [
  // closed on time, its one report given before the closure
  { item: item({ id: 'DB-2026-0001', lead_unit: 'urban', deadline: '2026-08-31', state: 'closed', closure: { date: '2026-08-20', by: 'sun-li', reports: ['2026-08-18-urban.md'], method: 'document', verified_by: 'sun-li' } }), reports: [{ date: '2026-08-18', unit: 'urban' }] },
  // overdue, no report, flagged and held to account within the quarter
  {
    item: item({
      id: 'DB-2026-0002',
      lead_unit: 'econ',
      leaders: ['li-ming', 'zhou-jie'],
      deadline: '2026-09-15',
      flag: { date: '2026-09-01', by: 'sun-li', reason: '进度滞后。' },
      accountability: [{ date: '2026-09-20', kind: 'direct', measure: '约谈', reason: '超期。', decided_by: 'wang-jun' }],
    }),
    reports: [],
  },
  // not yet due: green
  { item: item({ id: 'DB-2026-0003', lead_unit: 'urban', deadline: '2026-12-31' }), reports: [] },
  // due five days after the statistics date: yellow
  { item: item({ id: 'DB-2026-0004', lead_unit: 'env', leaders: ['wang-jun'], deadline: '2026-10-05' }), reports: [] },
];
const adjustments = [
  { id: 'JF-2026-004', date: '2026-10-01', unit: 'urban', points: 9, reason: '下一季度' },
  { id: 'JF-2026-002', date: '2026-09-30', unit: 'env', points: 1, reason: '统计日当天' },
  { id: 'JF-2026-005', date: '2026-07-01', unit: 'econ', points: 2, reason: '首日（编号在后）' },
  { id: 'JF-2026-001', date: '2026-07-01', unit: 'urban', points: -0.5, reason: '首日' },
  { id: 'JF-2026-003', date: '2026-06-30', unit: 'econ', points: 9, reason: '上一季度' },
];

const none = { due: 0, done: 0, on_time: 0, overdue: 0, feedback_due: 0, feedback_answered: 0, flagged: 0, accountability: 0, adjustment: 0, completion_rate: '—', on_time_rate: '—', feedback_rate: '—' };

describe('a quarter’s figures as JSON', () => {
  // worked out inside each test, not when the file is collected (Stryker's per-test coverage sees which test ran it)
  const quarter = () => periodFigures({ items, adjustments }, periodOf('2026Q3'), S, R);

  it('every count, rate, score, rank and tier, worked out by hand', () => {
    const f = quarter();
    const names = { unit: (id: string) => `单位${id}` };
    expect(figuresJson(f, names)).toEqual({
      period: { key: '2026Q3', label: f.period.label, from: '2026-07-01', to: '2026-09-30' },
      as_of: '2026-09-30',
      all: { due: 2, done: 1, on_time: 1, overdue: 1, feedback_due: 2, feedback_answered: 1, flagged: 1, accountability: 1, adjustment: 0, completion_rate: '50%', on_time_rate: '50%', feedback_rate: '50%' },
      units: [
        { unit: 'econ', name: '单位econ', due: 1, done: 0, on_time: 0, overdue: 1, feedback_due: 1, feedback_answered: 0, flagged: 1, accountability: 1, adjustment: 2, completion_rate: '0%', on_time_rate: '0%', feedback_rate: '0%' },
        { unit: 'env', name: '单位env', ...none, adjustment: 1 },
        { unit: 'urban', name: '单位urban', due: 1, done: 1, on_time: 1, overdue: 0, feedback_due: 1, feedback_answered: 1, flagged: 0, accountability: 0, adjustment: -0.5, completion_rate: '100%', on_time_rate: '100%', feedback_rate: '100%' },
      ],
      // urban 100 − 0.5; env has no rate but a 加减分: 0 + 1; econ 0 − 5 (overdue) − 3 (flag) − 5 (问责) + 2
      ranking: [
        { rank: 1, unit: 'urban', name: '单位urban', score: 99.5, tier: '第一档（好）' },
        { rank: 2, unit: 'env', name: '单位env', score: 1, tier: '第二档（较好）' },
        { rank: 3, unit: 'econ', name: '单位econ', score: -11, tier: '第三档（一般）' },
      ],
      leaders: [
        { person: 'li-ming', due: 2, done: 1, on_time: 1, overdue: 1, feedback_due: 2, feedback_answered: 1, flagged: 1, accountability: 1, adjustment: 0, completion_rate: '50%', on_time_rate: '50%', feedback_rate: '50%' },
        { person: 'wang-jun', ...none },
        { person: 'zhou-jie', due: 1, done: 0, on_time: 0, overdue: 1, feedback_due: 1, feedback_answered: 0, flagged: 1, accountability: 1, adjustment: 0, completion_rate: '0%', on_time_rate: '0%', feedback_rate: '0%' },
      ],
      // decided on the period's first and last day count, by date then number; the days either side do not
      adjustments: [
        { id: 'JF-2026-001', date: '2026-07-01', unit: 'urban', points: -0.5, reason: '首日' },
        { id: 'JF-2026-005', date: '2026-07-01', unit: 'econ', points: 2, reason: '首日（编号在后）' },
        { id: 'JF-2026-002', date: '2026-09-30', unit: 'env', points: 1, reason: '统计日当天' },
      ],
    });
  });

  it('without names, units and the ranking carry only their ids', () => {
    const j = figuresJson(quarter());
    expect(j.units.map((u) => Object.keys(u)[0] + ':' + ('name' in u))).toEqual(['unit:false', 'unit:false', 'unit:false']);
    expect(j.ranking.map((r) => Object.keys(r))).toEqual([['rank', 'unit', 'score', 'tier'], ['rank', 'unit', 'score', 'tier'], ['rank', 'unit', 'score', 'tier']]);
  });

  it('the lights of the open items on the statistics date, overall and by unit', () => {
    const f = quarter();
    expect([f.all.red, f.all.yellow, f.all.green]).toEqual([1, 1, 1]);
    expect([...f.byUnit].map(([u, t]) => `${u} ${t.red}/${t.yellow}/${t.green}`)).toEqual(['econ 1/0/0', 'env 0/1/0', 'urban 0/0/1']);
    expect(f.items.map((x) => `${x.id} ${x.light}`)).toEqual(['DB-2026-0001 done', 'DB-2026-0002 red', 'DB-2026-0003 green', 'DB-2026-0004 yellow']);
  });

  it('a unit not in units.yml’s ranked list is tallied but not ranked', () => {
    const g = periodFigures({ items, adjustments }, periodOf('2026Q3'), S, { ...R, rankedUnits: ['econ', 'urban'] });
    expect(g.ranking.map((r) => [r.unit, r.rank, r.tier])).toEqual([['urban', 1, 0], ['econ', 2, 2]]);
    expect([...g.byUnit.keys()]).toEqual(['econ', 'env', 'urban']);
  });

  it('the same input read on another day is worked out again, not taken from the first day’s', () => {
    const input = { items, adjustments };
    const early = periodFigures(input, periodOf('2026Q3'), { ...S, today: '2026-08-25' }, R);
    const late = periodFigures(input, periodOf('2026Q3'), S, R);
    expect(early.asOf).toBe('2026-08-25');
    expect(early.all).toMatchObject({ due: 0, done: 0, flagged: 0 });
    expect(late.all).toMatchObject({ due: 2, done: 1, flagged: 1 });
    expect(periodFigures(input, periodOf('2026Q3'), { ...S, graceDays: 0, today: '2026-08-25' }, R).all.due).toBe(0);
  });
});

describe('the whole ledger as one period (the site’s “全部”)', () => {
  it('from 2000-01-01 to today, keyed all and labelled 全部', () => {
    expect(allTime('2026-11-24')).toMatchObject({ key: 'all', label: '全部', from: '2000-01-01', to: '2026-11-24' });
    const f = periodFigures({ items, adjustments }, allTime('2026-11-24'), S, R);
    expect(f.asOf).toBe('2026-11-24');
    // every adjustment up to today, JF-2026-003 (June) and JF-2026-004 (October) included
    expect(f.adjustments.map((a) => a.id)).toEqual(['JF-2026-003', 'JF-2026-001', 'JF-2026-005', 'JF-2026-002', 'JF-2026-004']);
  });
});
