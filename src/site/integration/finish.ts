/**
 * Astro integration: what a build does besides rendering pages.
 *
 * - The 台账 workbook (outputs/xlsx-build.ts) is written on a worker thread
 *   from the moment the site data is loaded; its page awaits it.
 * - The output folder: the last build's pages kept in place or the folder
 *   set aside at the start, pages no longer built removed at the end
 *   (keep-output.ts).
 * - Search: as soon as the pages have loaded the site data, a worker thread
 *   builds the Pagefind index (one record per item with its reports,
 *   bulletin, notice and plan, split into Chinese words) in a folder beside
 *   the output while the pages render; it is moved to <out>/pagefind/ at the end.
 * - The full-history check runs in a worker meanwhile; its result is written
 *   into the audit and start pages at the end, and what it flagged on an
 *   item into the item's page and its units' pages.
 * - Pages the build did not render (kept in place, or copied from Astro's
 *   incremental cache: data/page-keys.ts) get this build's stamp
 *   (view/stamp.ts) in place of the one they were rendered with.
 * - The caches for the next build are written once the pages are done
 *   (`afterPages`, build-hooks.ts).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { loadedSite, onSiteLoaded, renderedPages, resetSite, runAfterPages } from './build-hooks.ts';
import { STAMP_CLOSE, STAMP_OPEN, stampHtml } from '../view/stamp.ts';
import { AUDIT_MARKER, HOME_MARKER, checkHomeHtml, checkHtml } from '../audit/check-html.ts';
import { damagePages } from '../audit/damage-html.ts';
import { searchRecords } from '../search/search-index.ts';
import { buildSearchIndexBeside, type IndexDone } from '../search/search-build.ts';
import { href } from '../view/links.ts';
import { cacheDir } from '../../io/cache/store.ts';
import { finishOutput, prepareOutput, scratchDir, type Output } from './keep-output.ts';
import { LEDGER_XLSX_FILE, ledgerXlsxBeside, startDocuments, startLedgerXlsx } from '../outputs/documents.ts';

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
  let outDir: string | undefined;
  let indexing: Promise<IndexDone> | undefined;
  let indexDir = '';
  const startIndex = (site: Parameters<typeof searchRecords>[0]) => {
    // one after another on the other core, after the history check (site/data/beside.ts): the documents
    // first (their pages wait for them), the workbook last (written after the pages)
    startDocuments(site);
    // beside the output folder, so that it is moved into it in one rename (keep-output.ts removes leftovers)
    indexDir = outDir ? scratchDir(outDir, 'pagefind') : mkdtempSync(join(tmpdir(), 'ledger-pagefind-'));
    indexing = buildSearchIndexBeside({ records: searchRecords(site), outputPath: indexDir, cacheDir: cacheDir(site.env.repoDir) });
    indexing.catch(() => {}); // reported when awaited
    startLedgerXlsx(site);
  };
  let astroCache: string | undefined;
  let output: Output | undefined;
  return {
    name: 'ledger-site',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        astroCache = config.experimental.incrementalBuild ? fileURLToPath(config.cacheDir) : undefined;
      },
      'astro:build:start': ({ logger }) => {
        resetSite();
        onSiteLoaded(startIndex);
        if (!outDir) return;
        output = prepareOutput(outDir, astroCache);
        if (output.kept.length) logger.info(`output: ${output.kept.length} pages of the last build kept in place (Astro replaces those it renders again)`);
      },
      'astro:build:done': async ({ dir, logger, assets }) => {
        const pending = loadedSite();
        if (!pending) return;
        const site = await pending;
        runAfterPages(); // the caches for the next build, while the work beside the pages finishes
        const out = fileURLToPath(dir);
        const ts = performance.now();
        // on a worker thread while this one waits for the check, the workbook and the search index
        const restamping = restampCopies(out, stampHtml(site), renderedPages()).then((n) => {
          if (n) logger.info(`stamp: ${n} pages not rendered in this build (kept in place or copied from the cache) stamped with it in ${Math.round(performance.now() - ts)} ms (on a worker thread)`);
        });
        const t0 = performance.now();
        const check = await site.check;
        await restamping; // the marks below go into pages it may be rewriting
        // written into after Astro: recorded, so that the next build starts from Astro's own copy (keep-output.ts)
        const changed = ['audit/index.html', 'index.html'];
        inject(join(out, 'audit/index.html'), AUDIT_MARKER, checkHtml(site, check));
        inject(join(out, 'index.html'), HOME_MARKER, checkHomeHtml(check, href('audit')));
        // what the check flagged, also on the item's own page and its units' pages
        for (const d of damagePages(site, check)) {
          injectMany(join(out, d.page), d.inserts);
          changed.push(d.page);
        }
        logger.info(`full-history check: ${check.commits} commits, ${check.errors} errors, ${check.warnings} warnings (${Math.round(check.ms)} ms in a worker; waited ${Math.round(performance.now() - t0)} ms after the pages)`);
        const xlsx = ledgerXlsxBeside(site);
        if (xlsx) {
          const tx = performance.now();
          mkdirSync(join(out, dirname(LEDGER_XLSX_FILE)), { recursive: true });
          writeFileSync(join(out, LEDGER_XLSX_FILE), await xlsx);
          logger.info(`${LEDGER_XLSX_FILE}: written beside the pages; waited ${Math.round(performance.now() - tx)} ms after them`);
        }
        const t1 = performance.now();
        if (!indexing) startIndex(site);
        const { records, ms, parts, reused } = await indexing!;
        const target = join(out, 'pagefind');
        rmSync(target, { recursive: true, force: true });
        try {
          renameSync(indexDir, target);
        } catch {
          cpSync(indexDir, target, { recursive: true }); // another file system
          rmSync(indexDir, { recursive: true, force: true });
        }
        const how = parts > 1 ? ` in ${parts} parts (${reused} unchanged, taken from the cache)` : reused ? ' (unchanged, taken from the cache)' : '';
        logger.info(`pagefind: ${records} records indexed${how} in ${Math.round(ms)} ms beside the pages; waited ${Math.round(performance.now() - t1)} ms after them`);
        if (output) {
          const files = new Set([...assets.values()].flat().map((u) => fileURLToPath(u)));
          const removed = finishOutput(output, files, changed);
          if (removed) logger.info(`output: ${removed} pages of the last build no longer built, removed`);
        }
      },
    },
  };
}

/**
 * Every HTML page under `out` that was not rendered in this build gets
 * `stamp` (view/stamp.ts: the part between its markers, replaced on bytes,
 * no decoding of the page), on a worker thread; resolves with how many
 * changed. A stamp as long as the old one (the usual case: a build time,
 * a short commit id and a day are of fixed width) is written over it in
 * place, found in the page's last 8 KB (the footer; the whole page is read
 * only when it is not there); only a stamp of another length rewrites the
 * file. Truncating and
 * rewriting a file Astro has just copied makes ext4 write it out at once
 * (its auto_da_alloc rule for files replaced by truncation): 12 s in
 * `open` for a 10,000-item site, against ~0.2 s for writes in place. The
 * worker is plain JavaScript from this string (like io/read-tree.ts's
 * walker): it needs only fs.
 */
function restampCopies(out: string, stamp: string, rendered: Set<string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(RESTAMP, { eval: true, workerData: { out, stamp, rendered: [...rendered], open: STAMP_OPEN, close: STAMP_CLOSE } });
    worker.once('message', (n: number) => {
      resolve(n);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

const RESTAMP = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, writeFileSync, writeSync } = require('node:fs');
const { join } = require('node:path');
const { out, stamp, open, close } = workerData;
const rendered = new Set(workerData.rendered);
const o = Buffer.from(open);
const c = Buffer.from(close);
const now = Buffer.from(stamp);
// the stamp is in the footer, within the last few hundred bytes of a page: read the tail, the whole page only when it is not there
const TAIL = 8192;
const tail = Buffer.alloc(TAIL);
let n = 0;
for (const e of readdirSync(out, { withFileTypes: true, recursive: true })) {
  if (!e.isFile() || !e.name.endsWith('.html')) continue;
  const file = join(e.parentPath, e.name);
  const page = ('/' + file.slice(out.length).replace(/^\\/+/, '').replace(/(?:^|\\/)index\\.html$/, '').replace(/\\.html$/, '')).replace(/\\/?$/, '/');
  if (rendered.has(page)) continue;
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    const from = Math.max(0, size - TAIL);
    const got = readSync(fd, tail, 0, size - from, from);
    const end = tail.subarray(0, got);
    const a = end.lastIndexOf(o);
    const b = a < 0 ? -1 : end.indexOf(c, a);
    if (b >= 0) {
      if (end.subarray(a, b + c.length).equals(now)) continue;
      if (b + c.length - a === now.length) {
        writeSync(fd, now, 0, now.length, from + a);
        n++;
        continue;
      }
    }
  } finally {
    closeSync(fd);
  }
  const html = readFileSync(file);
  const a = html.indexOf(o);
  const b = a < 0 ? -1 : html.indexOf(c, a);
  if (b < 0 || html.subarray(a, b + c.length).equals(now)) continue;
  writeFileSync(file, Buffer.concat([html.subarray(0, a), now, html.subarray(b + c.length)]));
  n++;
}
parentPort.postMessage(n);
`;
