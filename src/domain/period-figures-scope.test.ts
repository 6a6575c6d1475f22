/**
 * What a period's figures take in, and what they leave out (issue 7 part
 * 11): an item closed before the period adds nothing yet its unit and
 * leaders still appear; 挂牌, 问责 and report due dates count only within
 * the period; on-site inspection scores rank a unit only where config gives
 * them a weight, and only the scores dated within the period; items are
 * listed by number whatever order the ledger gives them.
 */
import { describe, expect, it } from 'vitest';
import { periodFigures, periodItem } from './period-figures.ts';
import { periodOf } from './period.ts';
import { item as itemSchema } from './schemas/item.ts';
import { meetingItem, ranked, SETTINGS, WEIGHTS as W } from '../../tests/support/period-fixtures.ts';

const S = SETTINGS;
const R = ranked(['urban', 'env', 'dist']);
const Q3 = periodOf('2026Q3');
const item = meetingItem;
const closure = (date: string) => ({ date, by: 'sun-li', reports: ['2026-05-01-dist.md'], method: 'document', verified_by: 'sun-li' });

describe('an item closed before the period', () => {
  const settled = item({ id: 'DB-2026-0009', lead_unit: 'dist', leaders: ['qian-li'], deadline: '2026-05-31', state: 'closed', closure: closure('2026-05-10') });
  const open = item({ id: 'DB-2026-0001' });

  it('adds nothing to any figure and is not listed, but its unit and leaders still appear', () => {
    const f = periodFigures({ items: [{ item: settled, reports: [] }, { item: open, reports: [] }] }, Q3, S, R);
    expect(f.items.map((x) => x.id)).toEqual(['DB-2026-0001']);
    expect([...f.byUnit.keys()]).toEqual(['dist', 'urban']);
    expect([...f.byLeader.keys()]).toEqual(['li-ming', 'qian-li']);
    expect(f.byUnit.get('dist')).toMatchObject({ due: 0, done: 0, feedbackDue: 0, red: 0, yellow: 0, green: 0, completionRate: null });
    expect(f.byLeader.get('qian-li')).toMatchObject({ due: 0, done: 0, feedbackDue: 0 });
    expect(f.all).toMatchObject({ due: 1, done: 0, overdue: 1 });
    // nothing due and nothing decided: not ranked
    expect(f.ranking.map((r) => r.unit)).toEqual(['urban']);
  });

  it('the items are a property like the others (listed when the figures are spread or serialised)', () => {
    const f = periodFigures({ items: [{ item: open, reports: [] }] }, Q3, S, R);
    expect(Object.keys(f)).toContain('items');
    expect({ ...f }.items.map((x) => x.id)).toEqual(['DB-2026-0001']);
  });
});

describe('only what falls within the period', () => {
  const flag = (date: string) => ({ date, by: 'sun-li', reason: '滞后。' });
  const acc = (date: string) => ({ date, kind: 'direct', measure: '约谈', reason: '滞后。', decided_by: 'wang-jun' });

  it('挂牌 and 问责 set before the period do not count in it; those within it do', () => {
    const before = item({ id: 'DB-2026-0002', flag: flag('2026-06-30'), accountability: [acc('2026-06-30')] });
    const within = item({ id: 'DB-2026-0003', flag: flag('2026-07-01'), accountability: [acc('2026-06-30'), acc('2026-07-01'), acc('2026-09-30')] });
    const b = periodItem(before, [], Q3, '2026-09-30', S)!;
    const w = periodItem(within, [], Q3, '2026-09-30', S)!;
    expect([b.flagged, b.accountability]).toEqual([false, 0]);
    expect([w.flagged, w.accountability]).toEqual([true, 2]);
  });

  it('report due dates before the period are not this period’s to answer', () => {
    const monthly = item({ id: 'DB-2026-0004', reports_due: 'monthly', deadline: '2026-12-31' });
    const x = periodItem(monthly, [{ date: '2026-06-10', unit: 'urban' }, { date: '2026-07-10', unit: 'urban' }], Q3, '2026-09-30', S)!;
    expect(x.feedbackDue).toEqual(['2026-07-10', '2026-08-10', '2026-09-10']);
    expect(x.feedbackAnswered).toEqual(['2026-07-10']);
  });
});

describe('on-site inspection scores', () => {
  const special = (id: string, scores: Record<string, unknown>[]) =>
    itemSchema.parse({
      id,
      title: '专项督查',
      kind: 'special',
      source: { type: 'department', name: '城管办申请', date: '2026-06-01' },
      content: '专项',
      requirements: '按期',
      deadline: '2026-12-31',
      leaders: ['li-ming'],
      lead_unit: 'urban',
      co_units: [],
      state: 'inspecting',
      application: { date: '2026-06-02', by: 'x', reviewed_by: 'y', reason: '隐患多。', targets: ['env'], mode: 'onsite', from: '2026-07-01', to: '2026-07-31', mergeable: false },
      approval: { date: '2026-06-03', by: 'z', text: '同意。' },
      planned: { date: '2026-06-04', by: 'x', plan: 'FA-2026-001' },
      inspection: { date: '2026-07-01' },
      scores,
    });
  const sp = special('DB-2026-0005', [
    { date: '2026-06-20', unit: 'env', score: 60, by: 'x' },
    { date: '2026-07-10', unit: 'env', score: 90, by: 'x' },
    { date: '2026-09-30', unit: 'env', score: 80, by: 'x' },
  ]);

  it('with no weight in config, an inspected unit with nothing else is not tallied or ranked', () => {
    const f = periodFigures({ items: [{ item: sp, reports: [] }] }, Q3, S, R);
    expect([...f.byUnit.keys()]).toEqual(['urban']);
    expect(f.ranking.map((r) => r.unit)).toEqual([]);
  });

  it('with a weight, the unit is ranked on the mean of the scores dated within the period', () => {
    const f = periodFigures({ items: [{ item: sp, reports: [] }] }, Q3, S, { ...R, weights: { ...W, inspection: 20 } });
    expect([...f.byUnit.keys()]).toEqual(['env', 'urban']);
    // (90 + 80) / 2; the only rate with a denominator, scaled to the full weight 40 + 30 + 30 + 20: 0.85 × 120
    expect(f.ranking.map((r) => [r.unit, r.inspection, r.score])).toEqual([['env', 85, 102]]);
  });
});

describe('the order items are listed in', () => {
  it('by number, whatever order the ledger gives them', () => {
    const ids = ['DB-2026-0012', 'DB-2026-0003', 'DB-2026-0007'];
    const f = periodFigures({ items: ids.map((id) => ({ item: item({ id }), reports: [] })) }, Q3, S, R);
    expect(f.items.map((x) => x.id)).toEqual(['DB-2026-0003', 'DB-2026-0007', 'DB-2026-0012']);
  });
});
