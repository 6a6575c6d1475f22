/**
 * Figures of a period (part of the notice's 三、（三）: 办结率, 反馈率, the
 * ranking that feeds 绩效目标考核), fair to units and stable over time:
 *
 * - The ledger is read **as of** the statistics date (the period's last day,
 *   or today while it runs): steps dated later are not yet taken, extensions
 *   approved later not yet granted, reports dated later not yet given. So the
 *   figures of a closed period do not change when items are closed next
 *   month, and a bulletin can state them as data that the checker recomputes.
 * - 应办结 (counted in 办结率 and 按期办结率): items whose deadline in force
 *   falls within the period and not after the statistics date. Items not yet
 *   due do not count, so a unit with nothing overdue does not score 0 %.
 * - 反馈: report due dates within the period (see figures.ts for matching);
 *   only the lead unit's own reports answer for it (co-units' reports do not
 *   count in the lead unit's rate).
 * - 超期: counted items not finished by their deadline and still open.
 * - 挂牌, 问责: set within the period. 加减分: decided within the period.
 *
 * Pure: items, reports and adjustments in; numbers out.
 */
import { inspectionPart, inspectionScoresByUnit } from './inspection-scores.ts';
import { daysBetween } from './dates.ts';
import { itemFigures, lightOf, percent, TIER_LABELS, type ItemFigures, type Light } from './figures.ts';
import { itemAsOf, measureItem, newMeasure, NOT_COUNTED, periodAt, periodItemAt, prepareItem, SETTLED, type PeriodItem, type PreparedItem } from './period-items.ts';
import type { Period } from './period.ts';
import { asOfDate, rangePeriod } from './period.ts';
import type { ScoreWeights } from './schemas/config.ts';
import type { Item } from './schemas/item.ts';

export interface ReportInput {
  date: string;
  unit: string;
  done?: boolean;
}

/** A manual 加减分 decided by a main leader (records/adjustments/). */
export interface AdjustmentInput {
  id: string;
  date: string;
  unit: string;
  points: number;
  reason: string;
}

export interface FigureInput {
  items: readonly { item: Item; reports: readonly ReportInput[] }[];
  adjustments?: readonly AdjustmentInput[];
}

export interface PeriodSettings {
  today: string;
  warningDays: number;
  graceDays: number;
}

export { itemAsOf };

export type { PeriodItem } from './period-items.ts';

export interface PeriodTally {
  /** 应办结 */
  due: number;
  done: number;
  onTime: number;
  overdue: number;
  feedbackDue: number;
  feedbackAnswered: number;
  flagged: number;
  accountability: number;
  /** Σ 加减分 */
  adjustment: number;
  /** Warning lights of every open item on the statistics date. */
  red: number;
  yellow: number;
  green: number;
  completionRate: number | null;
  onTimeRate: number | null;
  feedbackRate: number | null;
}

export interface RankedUnit {
  unit: string;
  tally: PeriodTally;
  /** Mean on-site inspection score in the period (when `score.inspection` weighs it). */
  inspection?: number;
  score: number;
  rank: number;
  tier: number;
}

export interface PeriodFigures {
  period: Period;
  asOf: string;
  /**
   * The items that count in the period: registered by its statistics date,
   * not void then, and not closed before it began with nothing in it (such
   * an item adds nothing to any figure; its unit and leaders still appear).
   */
  items: PeriodItem[];
  all: PeriodTally;
  byUnit: Map<string, PeriodTally>;
  byLeader: Map<string, PeriodTally>;
  ranking: RankedUnit[];
  adjustments: AdjustmentInput[];
}

const rate = (a: number, b: number) => (b > 0 ? a / b : null);

/**
 * One item's figures in a period, the plain way: the item as of the
 * statistics date, its whole report schedule recomputed. The reference that
 * `periodItemAt` (period-items.ts, what `periodFigures` runs) is held to.
 */
export function periodItem(it: Item, reports: readonly ReportInput[], p: Period, asOf: string, s: PeriodSettings): PeriodItem | undefined {
  const then = itemAsOf(it, asOf);
  if (!then) return undefined;
  const own = reports.filter((r) => r.date <= asOf && r.unit === it.lead_unit);
  const fig = itemFigures(then, own, { today: asOf, warningDays: s.warningDays, graceDays: s.graceDays });
  if (!fig.counted) return undefined;
  const due = then.deadline >= p.from && then.deadline <= asOf;
  const inP = (d: string) => d >= p.from && d <= asOf;
  return {
    id: it.id,
    leadUnit: it.lead_unit,
    leaders: it.leaders,
    light: fig.light,
    fig,
    deadline: then.deadline,
    due,
    done: due && fig.done,
    onTime: due && fig.onTime,
    overdue: due && !fig.done && daysBetween(asOf, then.deadline) < 0,
    feedbackDue: fig.feedbackDue.filter(inP),
    feedbackAnswered: fig.feedbackAnswered.filter(inP),
    flagged: !!then.flag && inP(then.flag.date),
    accountability: then.accountability.filter((a) => inP(a.date)).length,
  };
}

type Counts = Omit<PeriodTally, 'adjustment' | 'completionRate' | 'onTimeRate' | 'feedbackRate'>;
const emptyCounts = (): Counts => ({ due: 0, done: 0, onTime: 0, overdue: 0, feedbackDue: 0, feedbackAnswered: 0, flagged: 0, accountability: 0, red: 0, yellow: 0, green: 0 });

/** Add one item (as a period item, or as the measure period-items.ts takes of it) to running counts. */
function addCounts(t: Counts, due: boolean, done: boolean, onTime: boolean, overdue: boolean, feedbackDue: number, feedbackAnswered: number, flagged: boolean, accountability: number, light: Light) {
  if (due) t.due++;
  if (done) t.done++;
  if (onTime) t.onTime++;
  if (overdue) t.overdue++;
  t.feedbackDue += feedbackDue;
  t.feedbackAnswered += feedbackAnswered;
  if (flagged) t.flagged++;
  t.accountability += accountability;
  if (light === 'red') t.red++;
  else if (light === 'yellow') t.yellow++;
  else if (light === 'green') t.green++;
}

function finishTally(t: Counts, adjustment: number): PeriodTally {
  return {
    ...t,
    adjustment: Math.round(adjustment * 10) / 10,
    completionRate: rate(t.done, t.due),
    onTimeRate: rate(t.onTime, t.due),
    feedbackRate: rate(t.feedbackAnswered, t.feedbackDue),
  };
}

export function tallyPeriod(list: readonly PeriodItem[], adjustment = 0): PeriodTally {
  const t = emptyCounts();
  for (const x of list) addCounts(t, x.due, x.done, x.onTime, x.overdue, x.feedbackDue.length, x.feedbackAnswered.length, x.flagged, x.accountability, x.light);
  return finishTally(t, adjustment);
}

/**
 * The documented score: Σ weight × rate over the rates that have a
 * denominator, scaled to the full weight; minus penalties; plus 加减分.
 * `null` when nothing was due and nothing decided (the unit is not ranked).
 */
export function periodScore(t: PeriodTally, w: ScoreWeights, extra: readonly [number | null, number][] = []): number | null {
  const parts: [number | null, number][] = [
    [t.completionRate, w.completion],
    [t.onTimeRate, w.on_time],
    [t.feedbackRate, w.feedback],
    // further rates, e.g. on-site inspection scores (inspection-scores.ts)
    ...extra,
  ];
  const have = parts.filter(([r]) => r !== null);
  if (have.length === 0 && t.adjustment === 0) return null;
  const all = parts.reduce((s, [, x]) => s + x, 0);
  const wHave = have.reduce((s, [, x]) => s + x, 0);
  const base = wHave > 0 ? (have.reduce((s, [r, x]) => s + (r as number) * x, 0) / wHave) * all : 0;
  const penalty = t.overdue * w.overdue_penalty + t.flagged * w.flag_penalty + t.accountability * w.accountability_penalty;
  return Math.round((base - penalty + t.adjustment) * 10) / 10;
}

/** Units by score, best first; ties share a rank; tiers by quarters of the ranking. */
export function rankUnits(entries: { unit: string; tally: PeriodTally; extra?: [number | null, number][]; inspection?: number }[], w: ScoreWeights): RankedUnit[] {
  const scored = entries
    .map(({ extra, ...e }) => ({ ...e, score: periodScore(e.tally, w, extra) }))
    .filter((e): e is { unit: string; tally: PeriodTally; score: number } => e.score !== null)
    .sort((a, b) => b.score - a.score || a.unit.localeCompare(b.unit));
  const n = scored.length;
  let prevScore = Number.NaN;
  let prevRank = 0;
  return scored.map((e, i) => {
    const r = e.score === prevScore ? prevRank : i + 1;
    prevScore = e.score;
    prevRank = r;
    const tier = Math.min(TIER_LABELS.length - 1, Math.floor(((r - 1) * TIER_LABELS.length) / Math.max(n, 1)));
    return { ...e, rank: r, tier };
  });
}

export interface RankSettings {
  weights: ScoreWeights;
  /** Units that take part in the ranking (units.yml `ranked`). */
  rankedUnits: readonly string[];
}

/**
 * Every figure of `period`: overall, per lead unit, per leader, the
 * ranking, and per item (`items`, worked out when first read: the site's
 * pages read only the tallies). Each item is measured without building an
 * object for it (period-items.ts), its share added to the tallies as it goes.
 */
export function periodFigures(input: FigureInput, period: Period, s: PeriodSettings, r: RankSettings): PeriodFigures {
  const asOf = asOfDate(period, s.today);
  const prepared = prepare(input, s);
  const at = periodAt(period.from, asOf, s);
  const all = emptyCounts();
  const unitCounts = new Map<string, Counts>();
  const leaderCounts = new Map<string, Counts>();
  const countsOf = (m: Map<string, Counts>, k: string) => m.get(k) ?? m.set(k, emptyCounts()).get(k)!;
  const m = newMeasure();
  for (const p of prepared.items) {
    const it = p.item;
    if (p.irregular) {
      // named report dates listed twice: the reference's way
      const x = periodItem(it, p.reports as ReportInput[], period, asOf, s);
      if (!x) continue;
      for (const t of [all, countsOf(unitCounts, it.lead_unit), ...it.leaders.map((l) => countsOf(leaderCounts, l))]) {
        addCounts(t, x.due, x.done, x.onTime, x.overdue, x.feedbackDue.length, x.feedbackAnswered.length, x.flagged, x.accountability, x.light);
      }
      continue;
    }
    const got = measureItem(p, at, s, m);
    if (got === NOT_COUNTED) continue;
    const u = countsOf(unitCounts, it.lead_unit);
    if (got === SETTLED) {
      // closed before the period: nothing counted, its unit and leaders shown as before
      for (const l of it.leaders) countsOf(leaderCounts, l);
      continue;
    }
    const done = m.due && m.finished;
    const onTime = m.due && m.onTime;
    addCounts(all, m.due, done, onTime, m.overdue, m.feedbackDue, m.feedbackAnswered, m.flagged, m.accountability, m.light);
    addCounts(u, m.due, done, onTime, m.overdue, m.feedbackDue, m.feedbackAnswered, m.flagged, m.accountability, m.light);
    for (const l of it.leaders) addCounts(countsOf(leaderCounts, l), m.due, done, onTime, m.overdue, m.feedbackDue, m.feedbackAnswered, m.flagged, m.accountability, m.light);
  }
  const adjustments = (input.adjustments ?? []).filter((a) => a.date >= period.from && a.date <= asOf).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const adjBy = new Map<string, number>();
  for (const a of adjustments) adjBy.set(a.unit, (adjBy.get(a.unit) ?? 0) + a.points);
  for (const u of adjBy.keys()) countsOf(unitCounts, u);
  // on-site inspection scores of the period, where config gives them a weight: inspected units are ranked too
  const inspection = r.weights.inspection > 0 ? inspectionScoresByUnit(prepared.scored, { from: period.from, to: asOf }) : new Map();
  for (const u of inspection.keys()) countsOf(unitCounts, u);
  const byUnit = new Map([...unitCounts].sort((a, b) => a[0].localeCompare(b[0])).map(([u, t]) => [u, finishTally(t, adjBy.get(u) ?? 0)]));
  const byLeader = new Map([...leaderCounts].sort((a, b) => a[0].localeCompare(b[0])).map(([p, t]) => [p, finishTally(t, 0)]));
  const ranked = new Set(r.rankedUnits);
  const ranking = rankUnits(
    [...byUnit].filter(([u]) => ranked.has(u)).map(([unit, tally]) => ({ unit, tally, extra: inspectionPart(unit, inspection, r.weights), inspection: inspection.get(unit)?.mean })),
    r.weights,
  );
  let items: PeriodItem[] | undefined;
  const f = { period, asOf, all: finishTally(all, 0), byUnit, byLeader, ranking, adjustments } as PeriodFigures;
  Object.defineProperty(f, 'items', {
    enumerable: true,
    get: () =>
      (items ??= prepared.items.flatMap((p) => {
        const x = p.irregular ? periodItem(p.item, p.reports as ReportInput[], period, asOf, s) : periodItemAt(p, period.from, asOf, s, at);
        return x && x !== 'settled' ? [x] : [];
      })),
  });
  return f;
}

/**
 * What is computed once per item for every period of a build (schedules,
 * report matchings): kept with the input, for the same settings.
 */
const PREPARED = new WeakMap<FigureInput, Map<string, { items: PreparedItem[]; scored: Item[] }>>();
function prepare(input: FigureInput, s: PeriodSettings): { items: PreparedItem[]; scored: Item[] } {
  const key = `${s.today}|${s.graceDays}|${s.warningDays}`;
  let byKey = PREPARED.get(input);
  if (!byKey) PREPARED.set(input, (byKey = new Map()));
  let p = byKey.get(key);
  if (!p) {
    // in the order periodFigures lists items (by id), so no period sorts them again
    const items = input.items.map((x) => prepareItem(x.item, x.reports)).sort((a, b) => a.item.id.localeCompare(b.item.id));
    p = { items, scored: input.items.map((x) => x.item).filter((it) => it.scores.length > 0) };
    byKey.set(key, p);
  }
  return p;
}

/** The whole ledger up to `today` (the site's “全部” page). */
export function allTime(today: string): Period {
  return { ...rangePeriod('2000-01-01', today), key: 'all', label: '全部' };
}

/** The light of an item on a day (re-exported for writers that list items). */
export { lightOf, percent };

/** One tally as plain JSON: snake_case counts, rates as the percentages staff read (what `ledger stats --json` prints and a bulletin's `figures` state). */
export function tallyJson(x: PeriodTally) {
  return {
    due: x.due,
    done: x.done,
    on_time: x.onTime,
    overdue: x.overdue,
    feedback_due: x.feedbackDue,
    feedback_answered: x.feedbackAnswered,
    flagged: x.flagged,
    accountability: x.accountability,
    adjustment: x.adjustment,
    completion_rate: percent(x.completionRate),
    on_time_rate: percent(x.onTimeRate),
    feedback_rate: percent(x.feedbackRate),
  };
}

/** Figures as plain JSON (the CLI's --json; a bulletin's `figures` are the part of it `rules/bulletin-figures.ts` states). */
export function figuresJson(f: PeriodFigures, names?: { unit: (id: string) => string }) {
  const t = tallyJson;
  return {
    period: { key: f.period.key, label: f.period.label, from: f.period.from, to: f.period.to },
    as_of: f.asOf,
    all: t(f.all),
    units: [...f.byUnit].map(([unit, x]) => ({ unit, ...(names ? { name: names.unit(unit) } : {}), ...t(x) })),
    ranking: f.ranking.map((x) => ({ rank: x.rank, unit: x.unit, ...(names ? { name: names.unit(x.unit) } : {}), score: x.score, tier: TIER_LABELS[x.tier] })),
    leaders: [...f.byLeader].map(([person, x]) => ({ person, ...t(x) })),
    adjustments: f.adjustments.map((a) => ({ id: a.id, date: a.date, unit: a.unit, points: a.points, reason: a.reason })),
  };
}
export type FiguresJson = ReturnType<typeof figuresJson>;
