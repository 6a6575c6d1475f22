/**
 * On-site inspection scores (notice 二、（三）3: 具体打分……由相关业务部门进行)
 * per inspected unit, and the part they add to the unit ranking when
 * `config.score.inspection` gives them a weight (三、（三）强化结果运用:
 * 督查考核结果与绩效目标考核挂钩). Pure: items in, numbers out; the figures
 * call `inspectionPart` for each ranked unit.
 */
import type { ScoreWeights } from './schemas/config.ts';
import type { Item } from './schemas/item.ts';
import { VOID_STATES } from './workflow.ts';

export interface UnitScores {
  /** Mean of the unit's scores (0–100). */
  mean: number;
  scores: { item: string; date: string; score: number; by: string; note?: string }[];
}

/**
 * Every inspected unit's scores over `items` (void items left out; only
 * scores dated within `period` when given), mean rounded to one decimal.
 */
export function inspectionScoresByUnit(items: Iterable<Item>, period?: { from: string; to: string }): Map<string, UnitScores> {
  const out = new Map<string, UnitScores>();
  for (const it of items) {
    if (VOID_STATES.includes(it.state)) continue;
    for (const s of it.scores) {
      if (period && (s.date < period.from || s.date > period.to)) continue;
      const u = out.get(s.unit) ?? { mean: 0, scores: [] };
      u.scores.push({ item: it.id, date: s.date, score: s.score, by: s.by, ...(s.note ? { note: s.note } : {}) });
      out.set(s.unit, u);
    }
  }
  for (const u of out.values()) u.mean = Math.round((u.scores.reduce((a, s) => a + s.score, 0) / u.scores.length) * 10) / 10;
  return out;
}

/**
 * The inspection part of a unit's score: its mean as a rate (0–1) with the
 * configured weight, or nothing when the weight is 0. A unit never
 * inspected has no rate (left out, like a rate with no denominator).
 */
export function inspectionPart(unit: string, scores: ReadonlyMap<string, UnitScores>, w: ScoreWeights): [number | null, number][] {
  if (!w.inspection) return [];
  const s = scores.get(unit);
  return [[s ? s.mean / 100 : null, w.inspection]];
}
