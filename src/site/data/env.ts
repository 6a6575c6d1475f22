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
 *   MIMALLOC_PURGE_DELAY, MALLOC_ARENA_MAX  allocator settings read when a process starts, so
 *                 set by whoever starts the build (`siteBuildEnv`: `npm run build`, `npm start`,
 *                 the bench); astro.config.mjs warns when a build runs without them
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

/**
 * Allocator settings every build of the site starts with. Both are read
 * when a process starts, before astro.config.mjs runs, so whoever starts
 * the build sets them (`siteBuildEnv`). Measured in interleaved cold builds
 * of the bench's 10,000-item ledger (peak = maximum resident set; README →
 * Performance): without either 1,139–1,160 MiB, with the first
 * 1,048–1,119, with both 976–1,067; CPU unchanged within the machine's
 * noise.
 *
 * - `MIMALLOC_PURGE_DELAY=0`: Vite's bundler (Rolldown) and Astro's compiler
 *   are native modules with their own allocator (mimalloc), which by default
 *   keeps freed memory for a while; Rolldown runs for about a second at the
 *   start of the build, and ~95 MB it no longer used stayed resident for
 *   the rest of it.
 * - `MALLOC_ARENA_MAX=2`: glibc gives each thread that allocates (libuv's
 *   pool, V8's helper threads, the build's three workers) an arena of its
 *   own, up to eight per core, and returns little of a thread arena's free
 *   memory; two arenas kept ~100 MB less resident.
 */
export const ALLOCATOR_ENV = { MIMALLOC_PURGE_DELAY: '0', MALLOC_ARENA_MAX: '2' } as const;

/**
 * The environment to start a build of the site with: `env`, telemetry off
 * and ALLOCATOR_ENV. A value `env` already has wins (to measure without).
 */
export function siteBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, ASTRO_TELEMETRY_DISABLED: env.ASTRO_TELEMETRY_DISABLED ?? '1' };
  for (const [k, v] of Object.entries(ALLOCATOR_ENV)) out[k] = env[k] ?? v;
  return out;
}

/** The allocator settings this process was started without (astro.config.mjs says so in the build's log). */
export function missingAllocatorEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.keys(ALLOCATOR_ENV).filter((k) => env[k] === undefined);
}
