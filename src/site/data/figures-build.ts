/**
 * The figures of every period page (`pages/figures/[period].astro`: ~150
 * periods, each a pass over every item, ~4 s at 10,000 items), worked out on
 * a worker thread (figures-worker.ts) from the moment the HEAD tree is
 * loaded, while the main thread reads the history: the period pages then
 * find them done. The same `periodFigures` as `site.figures(p)` (the
 * numbers of `ledger stats`), without the per-item rows no period page
 * shows.
 */
import { periodFigures, type FigureInput, type PeriodFigures, type PeriodSettings, type RankSettings } from '../../domain/period-figures.ts';
import type { Period } from '../../domain/period.ts';
import { beside } from './beside.ts';

export interface FiguresJob {
  input: FigureInput;
  periods: Period[];
  settings: PeriodSettings;
  rank: RankSettings;
  /** A build that sees part of the ledger ranks nothing (load-site.ts). */
  partial: boolean;
}

/** Period key → its figures, `items` left empty. */
export type FiguresDone = Map<string, PeriodFigures>;

export async function figuresOfPeriods(job: FiguresJob): Promise<FiguresDone> {
  const out: FiguresDone = new Map();
  for (const p of job.periods) {
    const f = periodFigures(job.input, p, job.settings, job.rank);
    out.set(p.key, { period: f.period, asOf: f.asOf, all: f.all, byUnit: f.byUnit, byLeader: f.byLeader, ranking: job.partial ? [] : f.ranking, adjustments: f.adjustments, items: [] });
  }
  return out;
}

/** On a worker thread of its own (not queued behind the history check: the pages need these first). */
export const figuresBeside = (job: FiguresJob): Promise<FiguresDone> => beside('data/figures-worker.ts', job, figuresOfPeriods, { queue: false });
