/**
 * On-site scores per inspected unit, and what they add to the ranking: the
 * mean as a rate with its configured weight; nothing at weight 0; a unit
 * leading no item ranked on its inspections alone.
 */
import { describe, expect, it } from 'vitest';
import { superiorItem } from '../checker/test-repo.ts';
import { periodScore, rankUnits, tallyPeriod } from './period-figures.ts';
import { inspectionPart, inspectionScoresByUnit } from './inspection-scores.ts';
import { scoreWeights } from './schemas/config.ts';
import { item, type Item } from './schemas/item.ts';

const special = (id: string, state: string, scores: { unit: string; score: number }[]): Item =>
  item.parse({ ...superiorItem(id, 'registered'), kind: 'special', state, scores: scores.map((s) => ({ date: '2026-04-03', by: 'luo-bin', ...s })) });

describe('inspection scores', () => {
  const items = [
    special('DB-2026-0011', 'archived', [{ unit: 'community-1', score: 90 }, { unit: 'community-4', score: 78.5 }]),
    special('DB-2026-0020', 'closed', [{ unit: 'community-1', score: 85 }]),
    special('DB-2026-0021', 'cancelled', [{ unit: 'community-1', score: 10 }]),
  ];
  const by = inspectionScoresByUnit(items);

  it('averages each unit over the inspections that count', () => {
    expect(by.get('community-1')?.mean).toBe(87.5);
    expect(by.get('community-4')?.scores.map((s) => s.item)).toEqual(['DB-2026-0011']);
  });

  it('adds nothing at weight 0, the mean as a rate otherwise', () => {
    expect(inspectionPart('community-1', by, scoreWeights.parse({}))).toEqual([]);
    expect(inspectionPart('community-1', by, scoreWeights.parse({ inspection: 20 }))).toEqual([[0.875, 20]]);
    expect(inspectionPart('urban', by, scoreWeights.parse({ inspection: 20 }))).toEqual([[null, 20]]);
  });

  it('ranks a unit leading no item on its inspections alone', () => {
    const w = scoreWeights.parse({ inspection: 20 });
    expect(periodScore(tallyPeriod([]), w)).toBeNull();
    expect(periodScore(tallyPeriod([]), w, inspectionPart('community-4', by, w))).toBe(94.2); // 0.785 × 120
    const r = rankUnits(['community-1', 'community-4'].map((unit) => ({ unit, tally: tallyPeriod([]), extra: inspectionPart(unit, by, w), inspection: by.get(unit)?.mean })), w);
    expect(r.map((x) => [x.unit, x.score, x.inspection])).toEqual([['community-1', 105, 87.5], ['community-4', 94.2, 78.5]]);
  });

  it('counts only the scores of the period when one is given', () => {
    expect(inspectionScoresByUnit(items, { from: '2026-05-01', to: '2026-12-31' }).size).toBe(0);
    expect(inspectionScoresByUnit(items, { from: '2026-04-01', to: '2026-04-30' }).get('community-1')?.mean).toBe(87.5);
  });
});
