/**
 * Astro integration: index the built site with Pagefind (its Node API, the
 * extended binary shipped in the npm package, which segments Chinese when
 * pages say `<html lang="zh-CN">`). Only elements marked
 * `data-pagefind-body` are indexed: items (with their reports), bulletins,
 * notices and plans — listings, figures and audit pages are not.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

export function pagefind(): AstroIntegration {
  return {
    name: 'ledger-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const t0 = performance.now();
        const { createIndex, close } = await import('pagefind');
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site.replace(/\/$/, '')}/pagefind` });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        await close();
        logger.info(`pagefind: indexed ${added.page_count} pages in ${Math.round(performance.now() - t0)} ms`);
      },
    },
  };
}
