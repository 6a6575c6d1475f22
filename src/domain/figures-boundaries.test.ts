/**
 * The figures' formulas at their edges (issue 7 part 11), with numbers
 * worked out by hand from the definitions in `figures.ts` and
 * `period-figures.ts`: a finish on the deadline day is on time, the day
 * after is late; the warning light turns on the warning day; a report
 * answers a due date up to the last grace day and not after; due dates count
 * once their grace has run out; the period takes deadlines from its first
 * day to its statistics date; co-units and void states are not counted;
 * 办结率 = 已办结 ÷ 应办结, 按期办结率 = 按期办结 ÷ 应办结, 反馈率 = 按时反馈 ÷
 * 应反馈; the score scales the rates it has and subtracts the penalties.
 */
import { describe, expect, it } from 'vitest';
import { dueDates, isOpen, itemFigures, LIGHT_LABELS, LIGHT_MEANINGS, lightOf, matchFeedback, percent, tally, type ItemFigures } from './figures.ts';
import { itemAsOf, periodFigures, periodScore, rankUnits, tallyPeriod, type PeriodTally } from './period-figures.ts';
import { periodOf, rangePeriod } from './period.ts';
import { config as configSchema } from './schemas/config.ts';
import { item as itemSchema, type Item } from './schemas/item.ts';

const W = configSchema.parse({ organisation: 'x', office: 'x', bulletin_name: 'x' }).score;
const base = itemSchema.parse({
  id: 'DB-2026-0001',
  title: '整治',
  kind: 'meeting',
  source: { type: 'party_committee', name: '党工委会议', date: '2026-03-01' },
  content: '整治。',
  requirements: '按期。',
  deadline: '2026-04-30',
  leaders: ['li-ming'],
  lead_unit: 'urban',
  co_units: ['env'],
  state: 'in_progress',
  registered: { date: '2026-03-02', by: 'wang-fang' },
  assigned: { date: '2026-03-04', by: 'wang-fang', notice: 'TZ-2026-001' },
  arranged: { date: '2026-03-05', by: 'li-ming' },
});
const it_ = (patch: Record<string, unknown>): Item => ({ ...base, ...patch }) as Item;
const closedOn = (date: string, patch: Record<string, unknown> = {}) =>
  it_({ state: 'closed', closure: { date, by: 'wang-fang', reports: ['x.md'], method: 'document', verified_by: 'wang-fang' }, ...patch });
const S = (today: string, graceDays = 2) => ({ today, warningDays: 7, graceDays });

describe('the warning light', () => {
  it('is yellow from the warning day to the deadline day, red the day after, green before', () => {
    expect(lightOf(true, false, '2026-04-30', '2026-04-22', 7)).toBe('green'); // 8 days left
    expect(lightOf(true, false, '2026-04-30', '2026-04-23', 7)).toBe('yellow'); // 7 days left
    expect(lightOf(true, false, '2026-04-30', '2026-04-30', 7)).toBe('yellow'); // the deadline day
    expect(lightOf(true, false, '2026-04-30', '2026-05-01', 7)).toBe('red');
    expect(lightOf(false, true, '2026-04-30', '2026-05-01', 7)).toBe('done');
    expect(lightOf(false, false, '2026-04-30', '2026-05-01', 7)).toBe('none');
  });
});

describe('an item’s figures', () => {
  it('a finish on the deadline day is on time; the day after is late', () => {
    expect(itemFigures(closedOn('2026-04-30'), [], S('2026-06-01'))).toMatchObject({ done: true, finished: '2026-04-30', onTime: true, due: true, overdue: false });
    expect(itemFigures(closedOn('2026-05-01'), [], S('2026-06-01'))).toMatchObject({ done: true, finished: '2026-05-01', onTime: false, due: true, overdue: false });
  });

  it('finished on the first report marked done when it is before the closure, else on the closure', () => {
    const reports = [{ date: '2026-04-29', done: true }, { date: '2026-04-20', done: false }, { date: '2026-04-30', done: true }];
    expect(itemFigures(closedOn('2026-05-03'), reports, S('2026-06-01'))).toMatchObject({ finished: '2026-04-29', onTime: true });
    expect(itemFigures(closedOn('2026-04-25'), [{ date: '2026-04-28', done: true }], S('2026-06-01'))).toMatchObject({ finished: '2026-04-25' });
    // a report marked done does not finish an open item
    expect(itemFigures(base, [{ date: '2026-04-29', done: true }], S('2026-06-01'))).toMatchObject({ done: false, finished: undefined, onTime: false, overdue: true });
  });

  it('is due and overdue from the day after the deadline, not on it', () => {
    expect(itemFigures(base, [], S('2026-04-30'))).toMatchObject({ due: false, overdue: false, daysOverdue: 0, daysLeft: 0, light: 'yellow' });
    expect(itemFigures(base, [], S('2026-05-01'))).toMatchObject({ due: true, overdue: true, daysOverdue: 1, daysLeft: -1, light: 'red' });
  });

  for (const state of ['cancelled', 'rejected', 'merged'] as const) {
    it(`a ${state} item counts nowhere, flag and overdue included`, () => {
      const f = itemFigures(it_({ state, flag: { date: '2026-04-01', by: 'wang-fang', reason: '滞后' }, reports_due: 'weekly' }), [], S('2026-06-01'));
      expect(f).toMatchObject({ counted: false, done: false, due: false, overdue: false, flagged: false, flagActive: false, light: 'none', feedbackDue: [] });
    });
  }

  it('a lifted flag still counts as flagged, but not as in force', () => {
    expect(itemFigures(it_({ flag: { date: '2026-04-01', by: 'w', reason: 'r', lifted: '2026-04-10' } }), [], S('2026-04-20'))).toMatchObject({ flagged: true, flagActive: false });
    expect(itemFigures(it_({ flag: { date: '2026-04-01', by: 'w', reason: 'r' } }), [], S('2026-04-20'))).toMatchObject({ flagged: true, flagActive: true });
  });
});

describe('when reports are due', () => {
  it('weekly and biweekly from the day of 交办, up to the end', () => {
    expect(dueDates(it_({ reports_due: 'weekly' }), '2026-03-25')).toEqual(['2026-03-11', '2026-03-18', '2026-03-25']);
    expect(dueDates(it_({ reports_due: 'weekly' }), '2026-03-24')).toEqual(['2026-03-11', '2026-03-18']);
    expect(dueDates(it_({ reports_due: 'biweekly' }), '2026-04-01')).toEqual(['2026-03-18', '2026-04-01']);
  });

  it('monthly on the same day, the month’s last day when it has none', () => {
    const jan31 = it_({ reports_due: 'monthly', assigned: { date: '2026-01-31', by: 'w' } });
    expect(dueDates(jan31, '2026-04-30')).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('once: by the deadline, or by the finish when earlier', () => {
    expect(dueDates(base, '2026-04-29')).toEqual([]);
    expect(dueDates(base, '2026-04-30')).toEqual(['2026-04-30']);
    expect(dueDates(base, '2026-06-01', '2026-04-20')).toEqual(['2026-04-20']);
    expect(dueDates(base, '2026-06-01', '2026-05-20')).toEqual(['2026-04-30']);
  });

  it('named dates, sorted, up to the end; nothing before 交办', () => {
    expect(dueDates(it_({ reports_due: ['2026-04-20', '2026-03-20', '2026-05-20'] }), '2026-04-20')).toEqual(['2026-03-20', '2026-04-20']);
    expect(dueDates(it_({ assigned: undefined, reports_due: 'weekly' }), '2026-06-01')).toEqual([]);
  });

  it('a special inspection reports from the day it starts', () => {
    const sp = it_({ kind: 'special', assigned: undefined, inspection: { date: '2026-03-10' }, reports_due: 'weekly' });
    expect(dueDates(sp, '2026-03-24')).toEqual(['2026-03-17', '2026-03-24']);
  });
});

describe('matching reports to due dates', () => {
  it('a report answers up to the last grace day, not the day after', () => {
    expect([...matchFeedback('2026-03-04', ['2026-03-11'], ['2026-03-13'], 2)]).toEqual(['2026-03-11']);
    expect([...matchFeedback('2026-03-04', ['2026-03-11'], ['2026-03-14'], 2)]).toEqual([]);
    expect([...matchFeedback('2026-03-04', ['2026-03-11'], ['2026-03-11'], 0)]).toEqual(['2026-03-11']);
  });

  it('a report answers one due date, dated after the one before it; a report on the day of 交办 counts', () => {
    expect([...matchFeedback('2026-03-04', ['2026-03-11', '2026-03-18'], ['2026-03-04'], 2)]).toEqual(['2026-03-11']);
    expect([...matchFeedback('2026-03-04', ['2026-03-11', '2026-03-18'], ['2026-03-03'], 2)]).toEqual([]);
    expect([...matchFeedback('2026-03-04', ['2026-03-11', '2026-03-18'], ['2026-03-12'], 2)]).toEqual(['2026-03-11']);
    // a report on the first due date answers it and cannot answer the next one too
    expect([...matchFeedback('2026-03-04', ['2026-03-11', '2026-03-18'], ['2026-03-11', '2026-03-11'], 2)]).toEqual(['2026-03-11']);
    expect([...matchFeedback('2026-03-04', ['2026-03-11', '2026-03-18'], ['2026-03-10', '2026-03-17'], 2)]).toEqual(['2026-03-11', '2026-03-18']);
  });

  it('a due date counts once answered or once its grace has run out', () => {
    const weekly = it_({ reports_due: 'weekly', deadline: '2026-12-31' });
    // due 03-11, grace 2: still running on 03-13, counted as missed on 03-14
    expect(itemFigures(weekly, [], S('2026-03-13')).feedbackDue).toEqual([]);
    expect(itemFigures(weekly, [], S('2026-03-14'))).toMatchObject({ feedbackDue: ['2026-03-11'], feedbackMissed: ['2026-03-11'], feedbackAnswered: [] });
    expect(itemFigures(weekly, [{ date: '2026-03-12' }], S('2026-03-12'))).toMatchObject({ feedbackDue: ['2026-03-11'], feedbackAnswered: ['2026-03-11'] });
  });

  it('nothing is due after the closure', () => {
    const weekly = closedOn('2026-03-20', { reports_due: 'weekly', deadline: '2026-12-31' });
    expect(itemFigures(weekly, [], S('2026-06-01')).feedbackDue).toEqual(['2026-03-11', '2026-03-18']);
  });
});

const fig = (p: Partial<ItemFigures>): ItemFigures => ({
  id: 'x', counted: true, done: false, onTime: false, due: false, overdue: false, daysOverdue: 0, daysLeft: 0, light: 'green', flagged: false, flagActive: false, accountability: 0,
  feedbackDue: [], feedbackAnswered: [], feedbackMissed: [], ...p,
});

describe('rates and scores', () => {
  it('办结率 = 已办结 ÷ 应办结, 按期办结率 = 按期办结 ÷ 应办结, 反馈率 = 按时反馈 ÷ 应反馈', () => {
    const t = tally([
      fig({ done: true, onTime: true, due: true, feedbackDue: ['a', 'b'], feedbackAnswered: ['a', 'b'] }),
      fig({ done: true, onTime: false, due: true, feedbackDue: ['a'], feedbackAnswered: [] }),
      fig({ done: false, due: true, overdue: true, light: 'red', feedbackDue: ['a'], feedbackAnswered: ['a'] }),
      fig({ done: false, due: false, light: 'yellow' }),
      fig({ counted: false, done: true, onTime: true, due: true, feedbackDue: ['a'] }),
    ]);
    expect(t).toMatchObject({ total: 4, done: 2, onTime: 1, due: 3, open: 2, overdue: 1, red: 1, yellow: 1, green: 2, feedbackDue: 4, feedbackAnswered: 3 });
    expect(t.completionRate).toBeCloseTo(2 / 3, 10);
    expect(t.onTimeRate).toBeCloseTo(1 / 3, 10);
    expect(t.feedbackRate).toBeCloseTo(3 / 4, 10);
    expect(tally([fig({ due: false })])).toMatchObject({ completionRate: null, onTimeRate: null, feedbackRate: null });
  });

  it('percent: one decimal, no trailing zero, a dash for nothing to divide', () => {
    expect([percent(null), percent(1), percent(0), percent(0.875), percent(1 / 3), percent(2 / 3)]).toEqual(['—', '100%', '0%', '87.5%', '33.3%', '66.7%']);
  });
});

describe('the figures of a period', () => {
  const R = { weights: W, rankedUnits: ['urban', 'env'] };
  const march = periodOf('2026-03');
  const at = (deadline: string, patch: Record<string, unknown> = {}) => ({ item: it_({ deadline, ...patch }), reports: [] });

  it('take deadlines from the period’s first day to its statistics date', () => {
    const ids = (today: string) =>
      periodFigures({ items: ['2026-02-28', '2026-03-01', '2026-03-20', '2026-03-21'].map((d, i) => at(d, { id: `DB-2026-000${i + 1}` })) }, march, S(today), R)
        .items.filter((x) => x.due)
        .map((x) => x.deadline);
    expect(ids('2026-03-20')).toEqual(['2026-03-01', '2026-03-20']);
    expect(ids('2026-06-01')).toEqual(['2026-03-01', '2026-03-20', '2026-03-21']);
  });

  it('count an item for its lead unit only, never its co-units', () => {
    const f = periodFigures({ items: [at('2026-03-10', { co_units: ['env'] })] }, march, S('2026-06-01'), R);
    expect([...f.byUnit.keys()]).toEqual(['urban']);
    expect(f.byUnit.get('urban')).toMatchObject({ due: 1, done: 0, overdue: 1 });
    expect(f.ranking.map((x) => x.unit)).toEqual(['urban']);
  });

  it('leave void items out altogether', () => {
    const items = [
      at('2026-03-10', { id: 'DB-2026-0001', state: 'cancelled', cancellation: { date: '2026-03-05', approved_by: 'z', reason: 'r' } }),
      at('2026-03-10', { id: 'DB-2026-0002', kind: 'special', state: 'rejected', rejection: { date: '2026-03-05', by: 'z', reason: 'r' } }),
      at('2026-03-10', { id: 'DB-2026-0003', kind: 'special', state: 'merged', merge: { date: '2026-03-05', by: 'w', into: 'DB-2026-0009' } }),
    ];
    const f = periodFigures({ items }, march, S('2026-06-01'), R);
    expect(f.items).toEqual([]);
    expect(f.all).toMatchObject({ due: 0, completionRate: null });
  });

  it('a deadline-day finish is on time in the period; the day after is late', () => {
    const f = periodFigures({ items: [{ item: closedOn('2026-03-20', { id: 'DB-2026-0001', deadline: '2026-03-20' }), reports: [] }, { item: closedOn('2026-03-21', { id: 'DB-2026-0002', deadline: '2026-03-20' }), reports: [] }] }, march, S('2026-06-01'), R);
    expect(f.all).toMatchObject({ due: 2, done: 2, onTime: 1, overdue: 0 });
    expect(f.all.completionRate).toBe(1);
    expect(f.all.onTimeRate).toBe(0.5);
  });

  it('read the item as of the statistics date: later steps, extensions and flags are not yet there', () => {
    const it = closedOn('2026-04-10', {
      deadline: '2026-05-31',
      extensions: [{ date: '2026-03-31', from: '2026-03-20', to: '2026-04-30', approved_by: 'z', reason: 'r' }, { date: '2026-04-01', from: '2026-04-30', to: '2026-05-31', approved_by: 'z', reason: 'r' }],
      flag: { date: '2026-04-01', by: 'w', reason: 'r', lifted: '2026-04-05' },
      accountability: [{ date: '2026-03-31', kind: 'direct', measure: 'm', reason: 'r', decided_by: 'z' }, { date: '2026-04-01', kind: 'direct', measure: 'm', reason: 'r', decided_by: 'z' }],
    });
    expect(itemAsOf(it, '2026-03-30')).toMatchObject({ state: 'in_progress', deadline: '2026-03-20', extensions: [], flag: undefined, closure: undefined, accountability: [] });
    expect(itemAsOf(it, '2026-03-31')).toMatchObject({ deadline: '2026-04-30' });
    expect(itemAsOf(it, '2026-03-31')!.accountability).toHaveLength(1);
    expect(itemAsOf(it, '2026-04-03')!.flag).toMatchObject({ lifted: undefined });
    expect(itemAsOf(it, '2026-04-10')).toMatchObject({ state: 'closed', deadline: '2026-05-31' });
    expect(itemAsOf(it, '2026-03-01')).toBeUndefined();
    expect(itemAsOf(it, '2026-03-02')).toBeDefined();
  });

  it('count flags and accountability set within the period only', () => {
    const item = it_({ deadline: '2026-03-31', flag: { date: '2026-02-27', by: 'w', reason: 'r' }, accountability: [{ date: '2026-02-27', kind: 'direct', measure: 'm', reason: 'r', decided_by: 'z' }, { date: '2026-03-01', kind: 'direct', measure: 'm', reason: 'r', decided_by: 'z' }] });
    const f = periodFigures({ items: [{ item, reports: [] }] }, march, S('2026-06-01'), R);
    expect(f.all).toMatchObject({ flagged: 0, accountability: 1 });
  });

  it('score: nothing due and no 加减分 is no score; 加减分 alone is a score', () => {
    const none = tallyPeriod([]);
    expect(periodScore(none, W)).toBeNull();
    expect(periodScore(tallyPeriod([], 2), W)).toBe(2);
    const t: PeriodTally = { ...none, due: 2, done: 1, onTime: 1, overdue: 1, flagged: 1, accountability: 1, completionRate: 0.5, onTimeRate: 0.5, feedbackRate: 1, adjustment: -1 };
    // (0.5×40 + 0.5×30 + 1×30) / 100 × 100 = 65; −5 −3 −5 −1
    expect(periodScore(t, W)).toBe(51);
    expect(rankUnits([{ unit: 'b', tally: t }, { unit: 'a', tally: t }], W).map((x) => [x.unit, x.rank])).toEqual([['a', 1], ['b', 1]]);
  });

  it('a range period’s statistics date is its last day once it has passed, today while it runs', () => {
    const p = rangePeriod('2026-03-01', '2026-03-31');
    expect(periodFigures({ items: [] }, p, S('2026-03-15'), R).asOf).toBe('2026-03-15');
    expect(periodFigures({ items: [] }, p, S('2026-04-15'), R).asOf).toBe('2026-03-31');
    expect(periodFigures({ items: [] }, p, S('2026-03-31'), R).asOf).toBe('2026-03-31');
  });
});

describe('more edges of the figures', () => {
  it('the earliest report marked done counts, in whatever order the reports come', () => {
    const reports = [{ date: '2026-04-30', done: true }, { date: '2026-04-28', done: true }];
    expect(itemFigures(closedOn('2026-05-03'), reports, S('2026-06-01')).finished).toBe('2026-04-28');
  });

  it('reports in any order answer the due dates in order', () => {
    const weekly = it_({ reports_due: 'weekly', deadline: '2026-12-31' });
    expect(itemFigures(weekly, [{ date: '2026-03-17' }, { date: '2026-03-10' }], S('2026-03-30'))).toMatchObject({ feedbackAnswered: ['2026-03-11', '2026-03-18'], feedbackMissed: ['2026-03-25'] });
    expect([...matchFeedback('2026-03-04', ['2026-03-11', '2026-03-18'], ['2026-03-17', '2026-03-10'], 0)]).toEqual(['2026-03-11', '2026-03-18']);
  });

  it('a closure after the day figures are taken: due dates only up to that day', () => {
    const weekly = closedOn('2026-03-30', { reports_due: 'weekly', deadline: '2026-12-31' });
    expect(itemFigures(weekly, [], S('2026-03-20')).feedbackDue).toEqual(['2026-03-11']);
  });

  it('tallies count flags in force, and lights only of open items', () => {
    const t = tally([
      fig({ flagged: true, flagActive: true, light: 'red' }),
      fig({ flagged: true, flagActive: false, light: 'yellow' }),
      fig({ done: true, light: 'done' }),
      fig({ light: 'green' }),
    ]);
    expect(t).toMatchObject({ flagged: 2, flagActive: 1, red: 1, yellow: 1, green: 1 });
  });

  it('percent with two decimals keeps a zero inside the decimals and drops them only when all are zero', () => {
    expect([percent(0.1005, 2), percent(0.5, 2), percent(0.125, 2)]).toEqual(['10.05%', '50%', '12.50%']);
  });

  it('lights and their meanings have their names', () => {
    expect(LIGHT_LABELS).toEqual({ green: '绿灯', yellow: '黄灯', red: '红灯', done: '已办结', none: '不计' });
    expect(LIGHT_MEANINGS).toEqual({ green: '正常推进', yellow: '临近时限', red: '已超期', done: '已办结', none: '已撤销/未批准/已合并' });
    expect((['in_progress', 'closed', 'archived', 'cancelled', 'rejected', 'merged'] as const).map(isOpen)).toEqual([true, false, false, false, false, false]);
  });
});

describe('more edges of a period', () => {
  const R = { weights: W, rankedUnits: ['urban', 'env'] };

  it('an ended item read before its end is open again: in progress, or approved / inspecting for a special one', () => {
    const cancelled = it_({ state: 'cancelled', cancellation: { date: '2026-04-10', approved_by: 'z', reason: 'r' } });
    expect(itemAsOf(cancelled, '2026-04-09')!.state).toBe('in_progress');
    expect(itemAsOf(cancelled, '2026-04-10')!.state).toBe('cancelled');
    const archived = closedOn('2026-04-10', { state: 'archived', archive: { date: '2026-04-12', by: 'w', ref: 'r' } });
    expect([itemAsOf(archived, '2026-04-09')!.state, itemAsOf(archived, '2026-04-11')!.state, itemAsOf(archived, '2026-04-12')!.state]).toEqual(['in_progress', 'closed', 'archived']);
    const special = { kind: 'special', registered: undefined, assigned: undefined, application: { date: '2026-03-02', by: 'u', reviewed_by: 'l', reason: 'r', targets: ['urban'], mode: 'onsite', from: '2026-03-10', to: '2026-03-20', mergeable: false } };
    const rejected = it_({ ...special, state: 'rejected', rejection: { date: '2026-03-05', by: 'z', reason: 'r' } });
    expect([itemAsOf(rejected, '2026-03-04')!.state, itemAsOf(rejected, '2026-03-05')!.state]).toEqual(['approved', 'rejected']);
    const merged = it_({ ...special, state: 'merged', inspection: { date: '2026-03-06' }, merge: { date: '2026-03-08', by: 'w', into: 'DB-2026-0009' } });
    expect([itemAsOf(merged, '2026-03-05')!.state, itemAsOf(merged, '2026-03-07')!.state, itemAsOf(merged, '2026-03-08')!.state]).toEqual(['approved', 'inspecting', 'merged']);
    // an application counts from the day it was filed
    expect(itemAsOf(rejected, '2026-03-01')).toBeUndefined();
    expect(itemAsOf(rejected, '2026-03-02')).toBeDefined();
  });

  it('a flag counts from the day it is set, its lifting from the day it is lifted', () => {
    const flagged = it_({ flag: { date: '2026-04-01', by: 'w', reason: 'r', lifted: '2026-04-05' } });
    expect(itemAsOf(flagged, '2026-03-31')!.flag).toBeUndefined();
    expect(itemAsOf(flagged, '2026-04-01')!.flag).toMatchObject({ date: '2026-04-01', lifted: undefined });
    expect(itemAsOf(flagged, '2026-04-05')!.flag).toMatchObject({ lifted: '2026-04-05' });
  });

  it('a report given on the statistics date counts; one dated later does not', () => {
    const once = it_({ deadline: '2026-03-20' });
    const on = periodFigures({ items: [{ item: once, reports: [{ date: '2026-03-31', unit: 'urban' }] }] }, periodOf('2026-03'), S('2026-06-01', 30), R);
    expect(on.all).toMatchObject({ feedbackDue: 1, feedbackAnswered: 1 });
    const later = periodFigures({ items: [{ item: once, reports: [{ date: '2026-04-01', unit: 'urban' }] }] }, periodOf('2026-03'), S('2026-06-01', 30), R);
    // not answered by then, and its grace still running on the statistics date: not yet counted either way
    expect(later.all).toMatchObject({ feedbackDue: 0, feedbackAnswered: 0 });
  });

  it('counts flags set on the period’s first day, not the day before', () => {
    const f = (date: string) => periodFigures({ items: [{ item: it_({ deadline: '2026-03-31', flag: { date, by: 'w', reason: 'r' } }), reports: [] }] }, periodOf('2026-03'), S('2026-06-01'), R).all.flagged;
    expect([f('2026-02-28'), f('2026-03-01'), f('2026-03-31')]).toEqual([0, 1, 1]);
  });

  it('tallies the lights of the period’s items on the statistics date', () => {
    const items = [
      { item: it_({ id: 'DB-2026-0001', deadline: '2026-03-10' }), reports: [] },
      { item: it_({ id: 'DB-2026-0002', deadline: '2026-04-03' }), reports: [] },
      { item: it_({ id: 'DB-2026-0003', deadline: '2026-06-30' }), reports: [] },
      { item: closedOn('2026-03-05', { id: 'DB-2026-0004', deadline: '2026-03-10' }), reports: [] },
    ];
    expect(periodFigures({ items }, periodOf('2026-03'), S('2026-06-01'), R).all).toMatchObject({ red: 1, yellow: 1, green: 1 });
  });

  it('加减分 and inspection scores rank a unit with nothing due; 加减分 are listed by date, then id', () => {
    const adjustments = [
      { id: 'JF-2026-002', date: '2026-03-05', unit: 'env', points: 1, reason: 'b' },
      { id: 'JF-2026-001', date: '2026-03-05', unit: 'env', points: 1, reason: 'a' },
      { id: 'JF-2026-003', date: '2026-03-01', unit: 'env', points: 1, reason: 'c' },
    ];
    const f = periodFigures({ items: [], adjustments }, periodOf('2026-03'), S('2026-06-01'), R);
    expect(f.adjustments.map((a) => a.id)).toEqual(['JF-2026-003', 'JF-2026-001', 'JF-2026-002']);
    expect(f.ranking.map((r) => [r.unit, r.score])).toEqual([['env', 3]]);
    const scored = it_({ kind: 'special', deadline: '2026-12-31', inspection: { date: '2026-03-02' }, scores: [{ date: '2026-03-10', unit: 'env', score: 90, by: 'x' }] });
    const withInspection = periodFigures({ items: [{ item: scored, reports: [] }] }, periodOf('2026-03'), S('2026-06-01'), { ...R, weights: { ...W, inspection: 20 } });
    expect(withInspection.ranking.map((r) => [r.unit, r.inspection])).toEqual([['env', 90]]);
  });
});
