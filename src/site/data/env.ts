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
 *                 collection before the next one (`heapGrowth`; default V8's own, ~100–300 %):
 *                 20 trades ~12–20 % more build time for 9–25 % less peak memory (README)
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

/**
 * SITE_HEAP_GROWTH as V8's `--heap-growing-percent` (astro.config.mjs sets
 * it for the build process and its workers): a whole number from 5 to 400,
 * anything else ignored. With V8's own growing factor the page thread's
 * heap fills with garbage between full collections while 13,000 pages
 * render (430 MB live, 770 MB used before one); 20 caps that at a fifth
 * above what was live.
 */
export function heapGrowth(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SITE_HEAP_GROWTH?.trim();
  if (!raw || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 5 && n <= 400 ? n : undefined;
}
