/**
 * A loaded ledger → the figures of a period, with the ledger's own settings
 * (warning days, grace days, score weights, ranked units). The one call the
 * CLI (`ledger stats`, `ledger bulletin`), the checker's bulletin rule, the
 * Excel writer and the site make, so they cannot disagree.
 */
import type { Ledger } from './ledger.ts';
import type { Period } from './period.ts';
import { periodFigures, type FigureInput, type PeriodFigures, type PeriodSettings, type RankSettings } from './period-figures.ts';
import { config as configSchema, type Config, type ScoreWeights } from './schemas/config.ts';

const FALLBACK: Config = configSchema.parse({ organisation: '（未配置）', office: '考核督查办', bulletin_name: '督查通报' });

/** Items with their reports, and the 加减分 decisions, from a ledger. */
export function figureInput(ledger: Ledger): FigureInput {
  const reports = new Map<string, { date: string; unit: string; done: boolean }[]>();
  for (const r of ledger.reports) {
    const list = reports.get(r.itemId);
    const x = { date: r.value.date, unit: r.value.unit, done: r.value.done };
    if (list) list.push(x);
    else reports.set(r.itemId, [x]);
  }
  return {
    items: ledger.items.map((rec) => ({ item: rec.value, reports: reports.get(rec.value.id) ?? [] })),
    adjustments: ledger.adjustments.map((a) => ({ id: a.value.id, date: a.value.date, unit: a.value.unit, points: a.value.points, reason: a.value.reason })),
  };
}

/**
 * `weights`: score weights to rank by instead of config's — a bulletin is
 * checked by the weights it states it was ranked with, so a later change of
 * the scoring in config.yml does not unsettle bulletins already issued.
 */
export function ledgerFigures(ledger: Ledger, period: Period, today: string, input: FigureInput = figureInput(ledger), weights?: ScoreWeights): PeriodFigures {
  const { settings, rank } = figureSettings(ledger, today, weights);
  return periodFigures(input, period, settings, rank);
}

/** The ledger's own settings for its figures (plain data: what `periodFigures` takes besides the input and the period). */
export function figureSettings(ledger: Ledger, today: string, weights?: ScoreWeights): { settings: PeriodSettings; rank: RankSettings } {
  const config = ledger.config?.value ?? FALLBACK;
  return {
    settings: { today, warningDays: config.warning_days, graceDays: config.feedback_grace_days },
    rank: { weights: weights ?? config.score, rankedUnits: ledger.units.filter((u) => u.value.ranked).map((u) => u.value.id) },
  };
}
