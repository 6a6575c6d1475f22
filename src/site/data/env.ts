/**
 * Build settings from the environment, read once. The site is a pure
 * function of (ledger repository, build id, today).
 *
 *   LEDGER_REPO   path of the ledger Git repository (default .demo/ledger)
 *   SITE_BUILD    id of a build in config.builds (default internal)
 *   SITE_TODAY    pretend today is this Beijing date (tests, reproducible builds)
 *   SITE_URL      absolute origin used in feeds and calendars (default http://localhost:4321)
 *   SITE_CHECK    "0" skips the full-history check (never in CI; for quick previews)
 *   SITE_BUILT_AT the build time to state (ISO 8601; default now): two builds of the same
 *                 ledger with the same settings are then the same bytes
 *   SITE_SEARCH_PART records per part of the search index (default 1,500, search/search-build.ts;
 *                 the e2e tests set 5 so that every search merges parts)
 *   SITE_HEAP_GROWTH how far (percent) V8 lets a heap grow past what it held after a full
 *                 collection before the next one (`heapGrowth`; default 30; `off`: V8's own,
 *                 up to 300 %, ~10 % less CPU time for ~25 % more peak memory, README)
 */
import { resolve } from 'node:path';
import { beijingDate } from '../../domain/dates.ts';

export interface SiteEnv {
  repoDir: string;
  buildId: string;
  today: string;
  builtAt: Date;
  siteUrl: string;
  runCheck: boolean;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): SiteEnv {
  const pinned = env.SITE_BUILT_AT ? new Date(env.SITE_BUILT_AT) : undefined;
  const builtAt = pinned && !Number.isNaN(pinned.getTime()) ? pinned : new Date();
  const today = env.SITE_TODAY && /^\d{4}-\d{2}-\d{2}$/.test(env.SITE_TODAY) ? env.SITE_TODAY : beijingDate(builtAt);
  return {
    repoDir: resolve(env.LEDGER_REPO || '.demo/ledger'),
    buildId: env.SITE_BUILD || 'internal',
    today,
    builtAt,
    siteUrl: (env.SITE_URL || 'http://localhost:4321').replace(/\/+$/, ''),
    runCheck: env.SITE_CHECK !== '0',
  };
}

/** How far a heap may grow past its live data when SITE_HEAP_GROWTH does not say (README, Performance). */
export const DEFAULT_HEAP_GROWTH = 30;

/**
 * SITE_HEAP_GROWTH as V8's `--heap-growing-percent` (astro.config.mjs sets
 * it for the build process and its workers): a whole number from 5 to 400;
 * `0` or `off` leaves V8's own growing factor (undefined); unset or anything
 * else, DEFAULT_HEAP_GROWTH. With V8's own factor (up to 4× for heaps of a
 * few hundred MB) the page thread's heap filled with garbage between full
 * collections while 13,000 pages rendered (~400 MB live, 750 MB used before
 * one) and the history check's worker grew past 300 MB on ~95 MB live: the
 * build peaked at 1.5–1.65 GB at 10,000 items; with 30, 1.15–1.25 GB for
 * ~10 % more CPU time.
 */
export function heapGrowth(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SITE_HEAP_GROWTH?.trim().toLowerCase();
  if (raw === '0' || raw === 'off') return undefined;
  if (!raw || !/^\d+$/.test(raw)) return DEFAULT_HEAP_GROWTH;
  const n = Number(raw);
  return n >= 5 && n <= 400 ? n : DEFAULT_HEAP_GROWTH;
}
