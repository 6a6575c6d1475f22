/**
 * The one entry point pages use: `await getSite()`. The ledger is loaded
 * once per build process and shared by every page (kept on globalThis so
 * that even if the bundler duplicated this module into several chunks, the
 * repository is still read only once).
 */
import { readEnv } from './env.ts';
import { loadSite, type Site } from './load-site.ts';

const KEY = Symbol.for('supervision-ledger.site');
type Holder = { [KEY]?: Promise<Site> };

export function getSite(): Promise<Site> {
  const g = globalThis as Holder;
  g[KEY] ??= loadSite(readEnv()).then((s) => {
    const st = s.stats;
    console.log(
      `[ledger] ${s.build.id}: ${s.items.length} items, ${st.commits} commits, ${st.versions} item versions parsed; ` +
        `head ${Math.round(st.headMs ?? 0)} ms, history ${Math.round(st.historyMs ?? 0)} ms, check ${Math.round(st.checkMs ?? 0)} ms`,
    );
    return s;
  });
  return g[KEY];
}

export type { Site };
