/** Write a Pagefind index for search records (in a worker, or in-process as a fallback). */
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SearchRecord } from './search-index.ts';
import { spaced } from './segment.ts';
import { createHash } from 'node:crypto';
import { codeVersion, readCache, writeCache } from '../../io/cache/store.ts';
import { beside } from '../data/beside.ts';

/**
 * Pagefind writes its ready-made search interfaces beside the index
 * (pagefind-ui, -component-ui, -modular-ui, -highlight: about 430 KB of JS
 * and CSS). The search page uses only the JS API (`pagefind.js`, which
 * loads `pagefind-worker.js`, the wasm and the index), so those files would
 * ship unused: they are removed once the index is written.
 */
export const UNUSED_PAGEFIND_FILES = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;
/** A part merged into part 0 is searched by part 0's code: its own script, worker and WebAssembly are not loaded. */
const MERGED_UNUSED = /^(?:pagefind\.js|pagefind-worker\.js|wasm\..*\.pagefind)$/;

export function dropUnusedPagefindFiles(dir: string, merged = false): string[] {
  const dropped = readdirSync(dir).filter((f) => UNUSED_PAGEFIND_FILES.test(f) || (merged && MERGED_UNUSED.test(f)));
  for (const f of dropped) rmSync(join(dir, f));
  return dropped;
}

export interface IndexJob {
  records: SearchRecord[];
  outputPath: string;
  /** The ledger's cache folder (io/cache/store.ts): each record's words and each part's finished index are kept there. */
  cacheDir?: string;
}

/** Words of the last build's records: url → [digest of the text, the text split into words]. */
type WordsCache = Record<string, [string, string]>;
const WORDS_CACHE = 'search-words.json';

export interface IndexDone {
  records: number;
  ms: number;
  /** Parts of the index, and how many of them were taken from the cache unchanged. */
  parts: number;
  reused: number;
}

/**
 * The index is written in parts of about this many records, each a
 * Pagefind index of its own: the search page loads part 0 (/pagefind/) and
 * merges the others (`mergeIndex`, listed in /pagefind/parts.json). Pagefind
 * cannot update an index, so one changed record would mean indexing every
 * record again (~25 s at 10,000 items); with parts only the parts holding a
 * changed record are indexed again, the others are taken from the cache.
 * A part is chosen by the record's URL, so a record stays in its part.
 */
const PART_SIZE = 1500; // SITE_SEARCH_PART sets another (the e2e tests: 5)
const PARTS_FILE = 'parts.json';
const PART_DIR = (k: number) => `part-${k}`;

/** How many parts for `n` records of `size` each at most (one for a small ledger). */
const partCount = (n: number, size = PART_SIZE) => Math.max(1, Math.ceil(n / Math.max(1, size)));

/** The part a record's URL belongs to (FNV-1a over its UTF-16 units). */
export function partOf(url: string, parts: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 0x01000193) >>> 0;
  return h % parts;
}

/** Where finished parts are kept: `<cache>/search-parts/<digest of the part's records and this code>/`. */
const PARTS_CACHE = 'search-parts';

export async function buildSearchIndex(job: IndexJob): Promise<IndexDone> {
  const t0 = performance.now();
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
  const parts = partCount(job.records.length, Number(process.env.SITE_SEARCH_PART) || PART_SIZE);
  const byPart: { url: string; content: string; meta: Record<string, string> }[][] = Array.from({ length: parts }, () => []);
  for (const r of job.records) byPart[partOf(r.url, parts)]!.push({ url: r.url, content: words(r), meta: r.meta });
  writeCache(job.cacheDir, WORDS_CACHE, next);

  const store = job.cacheDir ? join(job.cacheDir, PARTS_CACHE) : undefined;
  const keys = byPart.map((list, k) => {
    const h = createHash('sha1').update(`${codeVersion()}\0${k}/${parts}\0`);
    for (const r of list) h.update(r.url).update('\0').update(r.content).update('\0').update(JSON.stringify(r.meta)).update('\0');
    return h.digest('hex');
  });
  rmSync(job.outputPath, { recursive: true, force: true });
  mkdirSync(job.outputPath, { recursive: true });
  const dirOf = (k: number) => join(job.outputPath, PART_DIR(k)); // part 0 is moved up into outputPath at the end
  let reused = 0;
  let pagefind: typeof import('pagefind') | undefined;
  try {
    for (let k = 0; k < parts; k++) {
      const cached = store && join(store, keys[k]!);
      if (cached && existsSync(join(cached, 'pagefind-entry.json'))) {
        linkTree(cached, dirOf(k));
        reused++;
        continue;
      }
      pagefind ??= await import('pagefind');
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
      const list = byPart[k]!;
      const BATCH = 200;
      for (let i = 0; i < list.length; i += BATCH) {
        const added = await Promise.all(list.slice(i, i + BATCH).map((r) => index.addCustomRecord({ url: r.url, content: r.content, language: 'zh-cn', meta: r.meta })));
        const bad = added.flatMap((a) => a.errors);
        if (bad.length) throw new Error(`pagefind: ${bad.join('; ')}`);
      }
      const written = await index.writeFiles({ outputPath: dirOf(k) });
      if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
      await index.deleteIndex();
      // only part 0 is loaded as Pagefind itself; the others are merged into it and need only their index files
      dropUnusedPagefindFiles(dirOf(k), k > 0);
      if (cached) keep(dirOf(k), cached);
    }
  } finally {
    await pagefind?.close();
  }
  // part 0 is /pagefind/ itself; the others stay in their folders below it
  for (const e of readdirSync(dirOf(0))) renameSync(join(dirOf(0), e), join(job.outputPath, e));
  rmSync(dirOf(0), { recursive: true });
  writeFileSync(join(job.outputPath, PARTS_FILE), JSON.stringify({ parts: Array.from({ length: parts - 1 }, (_, i) => `${PART_DIR(i + 1)}/`) }));
  if (store) prune(store, new Set(keys));
  return { records: job.records.length, ms: performance.now() - t0, parts, reused };
}

/** A finished part copied into the cache (written beside, then renamed: a half-written part is never found). */
function keep(dir: string, cached: string) {
  try {
    const tmp = `${cached}.${process.pid}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    linkTree(dir, tmp);
    rmSync(cached, { recursive: true, force: true });
    renameSync(tmp, cached);
  } catch {
    // a read-only repository, a full disk: run without the cache
  }
}

/**
 * `src` made again at `dst` of hard links to its files: a part's files are
 * never written again once Pagefind wrote them, so the cache and the output
 * can share them (a 10,000-item rebuild copied 13,000 files, ~2 s). Copied
 * where links cannot be made (another file system).
 */
function linkTree(src: string, dst: string) {
  try {
    mkdirSync(dst, { recursive: true });
    for (const e of readdirSync(src, { withFileTypes: true, recursive: true })) {
      const to = join(dst, e.parentPath.slice(src.length), e.name);
      if (e.isDirectory()) mkdirSync(to, { recursive: true });
      else linkSync(join(e.parentPath, e.name), to);
    }
  } catch {
    rmSync(dst, { recursive: true, force: true });
    cpSync(src, dst, { recursive: true });
  }
}

/** Parts of earlier builds this one did not use are removed from the cache. */
function prune(store: string, used: Set<string>) {
  try {
    for (const e of readdirSync(store)) if (!used.has(e)) rmSync(join(store, e), { recursive: true, force: true });
  } catch {
    // nothing cached yet
  }
}

/** In a worker thread when possible (the other core), else here. */
export const buildSearchIndexBeside = (job: IndexJob): Promise<IndexDone> => beside('search/search-worker.ts', job, buildSearchIndex);
