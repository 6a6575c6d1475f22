/**
 * The environment every build of the site runs with: `npm run build`
 * (scripts/build.ts), `npm start` (scripts/start.ts) and the bench's builds.
 *
 * Both allocator settings must be in the environment when the process
 * starts: the allocators read them once, before astro.config.mjs runs.
 * Measured in interleaved cold builds of the bench's 10,000-item ledger
 * (`astro build`, peak = maximum resident set; README → Performance):
 * without either 1,139–1,160 MiB, with the first 1,048–1,119, with both
 * 976–1,067; CPU unchanged within the machine's noise.
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
 *
 * A value the caller already set wins, so a run can measure without them.
 */
export function siteBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    ASTRO_TELEMETRY_DISABLED: env.ASTRO_TELEMETRY_DISABLED ?? '1',
    MIMALLOC_PURGE_DELAY: env.MIMALLOC_PURGE_DELAY ?? '0',
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2',
  };
}
