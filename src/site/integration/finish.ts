/**
 * Astro integration: what a build does besides rendering pages.
 *
 * - Search: as soon as the pages have loaded the site data, a worker thread
 *   builds the Pagefind index (one record per item with its reports,
 *   bulletin, notice and plan, split into Chinese words) in a temporary
 *   folder while the pages render; it is moved to <out>/pagefind/ at the end.
 * - The full-history check runs in a worker meanwhile; its result is written
 *   into the audit and start pages at the end, and what it flagged on an
 *   item into the item's page and its units' pages.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadedSite, onSiteLoaded, resetSite } from './build-hooks.ts';
import { AUDIT_MARKER, HOME_MARKER, checkHomeHtml, checkHtml } from '../audit/check-html.ts';
import { damagePages } from '../audit/damage-html.ts';
import { searchRecords } from '../search/search-index.ts';
import { buildSearchIndexBeside, type IndexDone } from '../search/search-build.ts';
import { href } from '../view/links.ts';

function inject(file: string, marker: string, html: string) {
  injectMany(file, [[marker, html]]);
}

function injectMany(file: string, inserts: [string, string][]) {
  if (!existsSync(file)) return;
  let text = readFileSync(file, 'utf8');
  const before = text;
  for (const [marker, html] of inserts) if (text.includes(marker)) text = text.split(marker).join(html);
  if (text !== before) writeFileSync(file, text);
}

export function ledgerSite(): AstroIntegration {
  let indexing: Promise<IndexDone> | undefined;
  let indexDir = '';
  const startIndex = (site: Parameters<typeof searchRecords>[0]) => {
    indexDir = mkdtempSync(join(tmpdir(), 'ledger-pagefind-'));
    indexing = buildSearchIndexBeside({ records: searchRecords(site), outputPath: indexDir });
    indexing.catch(() => {}); // reported when awaited
  };
  return {
    name: 'ledger-site',
    hooks: {
      'astro:build:start': () => {
        resetSite();
        onSiteLoaded(startIndex);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const pending = loadedSite();
        if (!pending) return;
        const site = await pending;
        const out = fileURLToPath(dir);
        const t0 = performance.now();
        const check = await site.check;
        inject(join(out, 'audit/index.html'), AUDIT_MARKER, checkHtml(site, check));
        inject(join(out, 'index.html'), HOME_MARKER, checkHomeHtml(check, href('audit')));
        // what the check flagged, also on the item's own page and its units' pages
        for (const d of damagePages(site, check)) injectMany(join(out, d.page), d.inserts);
        logger.info(`full-history check: ${check.commits} commits, ${check.errors} errors, ${check.warnings} warnings (${Math.round(check.ms)} ms in a worker; waited ${Math.round(performance.now() - t0)} ms after the pages)`);
        const t1 = performance.now();
        if (!indexing) startIndex(site);
        const { records, ms } = await indexing!;
        const target = join(out, 'pagefind');
        rmSync(target, { recursive: true, force: true });
        try {
          renameSync(indexDir, target);
        } catch {
          cpSync(indexDir, target, { recursive: true }); // another file system
          rmSync(indexDir, { recursive: true, force: true });
        }
        logger.info(`pagefind: ${records} records indexed in ${Math.round(ms)} ms beside the pages; waited ${Math.round(performance.now() - t1)} ms after them`);
      },
    },
  };
}
