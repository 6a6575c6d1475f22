// @ts-check
/**
 * The site: built statically from a ledger Git repository.
 *   LEDGER_REPO  the repository (default .demo/ledger; `npm start` regenerates it)
 *   SITE_BUILD   which audience build of config.builds (default internal)
 *   SITE_OUT     output folder (default dist)
 *   SITE_CACHE   Astro's cache folder (default: in the ledger's cache, src/io/cache/store.ts)
 *   SITE_HEAP_GROWTH  how far heaps grow past their live data (default 30; off: V8's own; src/site/data/env.ts)
 * See src/site/data/env.ts for the rest.
 * Start it with `npm run build` (scripts/build.ts): two allocator settings only a process's start can
 * set (`siteBuildEnv`, src/site/data/env.ts) take ~200 MB off the peak at 10,000 items.
 */
import { defineConfig } from 'astro/config';
import v8 from 'node:v8';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ledgerSite } from './src/site/integration/finish.ts';
import { cacheDir as ledgerCache } from './src/io/cache/store.ts';
import { heapGrowth, missingAllocatorEnv } from './src/site/data/env.ts';

// SITE_HEAP_GROWTH (default 30 %: peak memory ~25 % lower for ~10 % more CPU, src/site/data/env.ts); set before any
// worker starts, so the workers collect the same way
const growth = heapGrowth();
if (growth) v8.setFlagsFromString(`--heap-growing-percent=${growth}`);

// the allocator settings are read at process start, too late to set here: say when a build runs without them
const missing = process.argv.includes('build') ? missingAllocatorEnv() : [];
if (missing.length) console.warn(`[ledger-site] started without ${missing.join(', ')}: start the build with \`npm run build\` for ~200 MB less peak memory at 10,000 items (README, Performance)`);

// where src/ is, for the check worker (src/site/audit/run-check.ts)
process.env.SITE_SRC ??= fileURLToPath(new URL('./src/', import.meta.url));

// Astro's cache (its incremental build keeps a copy of every page there) lives with the ledger's other
// caches, one per audience build and output folder: two builds never share (and so never race on) one
const outDir = process.env.SITE_OUT || 'dist';
const ledgerCacheDir = ledgerCache(resolve(process.env.LEDGER_REPO || '.demo/ledger'));
const siteCache =
  process.env.SITE_CACHE ||
  (ledgerCacheDir && join(ledgerCacheDir, `site-${process.env.SITE_BUILD || 'internal'}-${createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 8)}`));

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  outDir,
  cacheDir: siteCache || 'node_modules/.astro',
  trailingSlash: 'ignore',
  // four pages in flight: with one, the build waited on each page's mkdir and write (a third of the
  // page phase idle at 10,000 items, the other core busy with the check and the search index);
  // cold build of the 10,000-item bench ledger 108 s -> 90 s, 12 in flight was no faster
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  // pages whose cache key (src/site/data/page-keys.ts) and code are unchanged are copied from the last build
  // (none when caching is off: LEDGER_CACHE=0)
  experimental: { incrementalBuild: !!siteCache },
  // the integration keeps the last build's pages in place or sets the folder aside
  // (src/site/integration/keep-output.ts); Astro must not empty it
  vite: { build: { emptyOutDir: false } },
  prefetch: false,
  integrations: [ledgerSite()],
});
