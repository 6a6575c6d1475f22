/**
 * The one entry point pages use: `await getSite()`. The ledger is loaded
 * once per build process and shared by every page (kept on globalThis, see
 * build-hooks.ts, so even a module duplicated across chunks reads the
 * repository only once).
 */
import { useSourceRoot } from '../../io/cache/store.ts';
import { sharedSite } from '../integration/build-hooks.ts';
import { readEnv } from './env.ts';
import { loadSite, type Site } from './load-site.ts';

export function getSite(): Promise<Site> {
  // the pages run bundled: the caches' code version is the digest of the sources (astro.config.mjs sets SITE_SRC)
  if (process.env.SITE_SRC) useSourceRoot(process.env.SITE_SRC);
  return sharedSite(() =>
    loadSite(readEnv()).then((s) => {
      const st = s.stats;
      console.log(
        `[ledger] ${s.build.id}: ${s.items.length} items, ${st.commits} commits, ${st.versions} item versions parsed; ` +
          `head ${Math.round(st.headMs ?? 0)} ms, history ${Math.round(st.historyMs ?? 0)} ms (check running beside)`,
      );
      return s;
    }),
  );
}

export type { Site };
