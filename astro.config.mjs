// @ts-check
/**
 * The site: built statically from a ledger Git repository.
 *   LEDGER_REPO  the repository (default .demo/ledger; `npm start` regenerates it)
 *   SITE_BUILD   which audience build of config.builds (default internal)
 *   SITE_OUT     output folder (default dist)
 * See src/site/data/env.ts for the rest.
 */
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { ledgerSite } from './src/site/integration/finish.ts';

// where src/ is, for the check worker (src/site/audit/run-check.ts)
process.env.SITE_SRC ??= fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  outDir: process.env.SITE_OUT || 'dist',
  cacheDir: process.env.SITE_CACHE || 'node_modules/.astro',
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // pages whose cache key (src/site/data/page-keys.ts) and code are unchanged are copied from the last build
  experimental: { incrementalBuild: true },
  prefetch: false,
  integrations: [ledgerSite()],
});
