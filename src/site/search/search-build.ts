/** Write a Pagefind index for search records (in a worker, or in-process as a fallback). */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { SearchRecord } from './search-index.ts';
import { spaced } from './segment.ts';
import { createHash } from 'node:crypto';
import { readCache, writeCache } from '../../io/cache/store.ts';

/**
 * Pagefind writes its ready-made search interfaces beside the index
 * (pagefind-ui, -component-ui, -modular-ui, -highlight: about 430 KB of JS
 * and CSS). The search page uses only the JS API (`pagefind.js`, which
 * loads `pagefind-worker.js`, the wasm and the index), so those files would
 * ship unused: they are removed once the index is written.
 */
export const UNUSED_PAGEFIND_FILES = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

export function dropUnusedPagefindFiles(dir: string): string[] {
  const dropped = readdirSync(dir).filter((f) => UNUSED_PAGEFIND_FILES.test(f));
  for (const f of dropped) rmSync(join(dir, f));
  return dropped;
}

export interface IndexJob {
  records: SearchRecord[];
  outputPath: string;
  /** The ledger's cache folder (io/cache/store.ts): each record's text split into words is kept there, by record and text. */
  cacheDir?: string;
}

/** Words of the last build's records: url → [digest of the text, the text split into words]. */
type WordsCache = Record<string, [string, string]>;
const WORDS_CACHE = 'search-words.json';

export interface IndexDone {
  records: number;
  ms: number;
}

export async function buildSearchIndex(job: IndexJob): Promise<IndexDone> {
  const t0 = performance.now();
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    // splitting Chinese into words is a third of the indexing: a record whose text is unchanged reuses its words
    const prior = readCache<WordsCache>(job.cacheDir, WORDS_CACHE) ?? {};
    const next: WordsCache = {};
    const words = (r: SearchRecord) => {
      const d = createHash('sha1').update(r.content).digest('hex');
      const hit = prior[r.url];
      const w = hit && hit[0] === d ? hit[1] : spaced(r.content);
      next[r.url] = [d, w];
      return w;
    };
    const BATCH = 200;
    for (let i = 0; i < job.records.length; i += BATCH) {
      const added = await Promise.all(
        job.records.slice(i, i + BATCH).map((r) => index.addCustomRecord({ url: r.url, content: words(r), language: 'zh-cn', meta: r.meta })),
      );
      const bad = added.flatMap((a) => a.errors);
      if (bad.length) throw new Error(`pagefind: ${bad.join('; ')}`);
    }
    writeCache(job.cacheDir, WORDS_CACHE, next);
    const written = await index.writeFiles({ outputPath: job.outputPath });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    dropUnusedPagefindFiles(job.outputPath);
  } finally {
    await pagefind.close();
  }
  return { records: job.records.length, ms: performance.now() - t0 };
}

/** In a worker thread when possible (the other core), else here. */
export function buildSearchIndexBeside(job: IndexJob): Promise<IndexDone> {
  const file = join(process.env.SITE_SRC ? resolve(process.env.SITE_SRC) : resolve('src'), 'site/search/search-worker.ts');
  if (!existsSync(file)) return buildSearchIndex(job);
  return new Promise((ok, fail) => {
    let settled = false;
    const fallback = () => {
      if (settled) return;
      settled = true;
      buildSearchIndex(job).then(ok, fail);
    };
    const worker = new Worker(file, { workerData: job });
    worker.once('message', (m: { ok: boolean; error?: string } & IndexDone) => {
      settled = true;
      if (m.ok) ok({ records: m.records, ms: m.ms });
      else fail(new Error(m.error));
      void worker.terminate();
    });
    worker.once('error', fallback);
    worker.once('exit', fallback);
  });
}
