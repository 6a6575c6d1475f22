/**
 * The output folder between builds (keep-output.ts), on real folders: kept
 * only for the cache that finished the last build into it; what that build
 * changed after Astro, and everything but the pages, removed at the start;
 * pages no longer built removed at the end. The whole site is built both
 * ways in tests/e2e/cache.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { finishOutput, prepareOutput, scratchDir } from './keep-output.ts';

const PAGES = ['index.html', 'audit/index.html', 'items/A/index.html', 'items/B/index.html', '404.html'];

function folders() {
  const root = mkdtempSync(join(tmpdir(), 'keep-output-'));
  const out = join(root, 'dist');
  const cache = join(root, 'cache');
  mkdirSync(cache);
  return { out, cache };
}

/** A finished build's folder: its pages, a script, a document, a search index. */
function built(out: string) {
  for (const f of [...PAGES, '_astro/page.js', 'notices/N/n.docx', 'pagefind/pagefind.js']) {
    mkdirSync(dirname(join(out, f)), { recursive: true });
    writeFileSync(join(out, f), f);
  }
  return new Set(PAGES.map((p) => join(out, p)));
}

const list = (out: string) =>
  readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(out.length + 1))
    .sort();

test('the pages of the last build with this cache are kept; what it changed after Astro and all but the pages are not', () => {
  const { out, cache } = folders();
  const first = prepareOutput(out, cache);
  expect(first.kept).toEqual([]);
  finishOutput(first, built(out), ['index.html', 'items/A/index.html']);

  const second = prepareOutput(out, cache);
  expect(second.kept.length).toBe(3);
  expect(list(out)).toEqual(['404.html', 'audit/index.html', 'items/B/index.html']);
});

test('a folder another cache (another audience, no cache) or an interrupted build wrote is set aside whole', () => {
  const { out, cache } = folders();
  finishOutput(prepareOutput(out, cache), built(out), []);
  // another cache's build into the folder
  const other = folders().cache;
  const foreign = prepareOutput(out, other);
  expect(foreign.kept).toEqual([]);
  expect(existsSync(out)).toBe(false);
  finishOutput(foreign, built(out), []);
  // this cache's last build is no longer the folder's
  expect(prepareOutput(out, cache).kept).toEqual([]);
  // a build of this cache started and never finished
  finishOutput(prepareOutput(out, cache), built(out), []);
  prepareOutput(out, cache);
  built(out);
  expect(prepareOutput(out, cache).kept).toEqual([]);
  // no cache at all: never kept
  finishOutput(prepareOutput(out, undefined), built(out), []);
  expect(prepareOutput(out, undefined).kept).toEqual([]);
});

test('pages the build did not produce are removed at its end, the search index is not', () => {
  const { out, cache } = folders();
  finishOutput(prepareOutput(out, cache), built(out), []);
  const next = prepareOutput(out, cache);
  mkdirSync(join(out, 'pagefind'), { recursive: true });
  writeFileSync(join(out, 'pagefind/index.html'), '');
  const produced = new Set(PAGES.filter((p) => p !== 'items/B/index.html').map((p) => join(out, p)));
  expect(finishOutput(next, produced, [])).toBe(1);
  expect(list(out)).toEqual(['404.html', 'audit/index.html', 'index.html', 'items/A/index.html', 'pagefind/index.html']);
  expect(existsSync(join(out, 'items/B')), "the page's own folder, now empty").toBe(false);
});

test('scratch folders are beside the output folder and an interrupted build leaves none behind for long', async () => {
  const { out, cache } = folders();
  const scratch = scratchDir(out, 'pagefind');
  expect(dirname(scratch)).toBe(dirname(out));
  prepareOutput(out, cache); // removes it in the background
  for (let i = 0; i < 50 && existsSync(scratch); i++) await new Promise((r) => setTimeout(r, 20));
  expect(existsSync(scratch)).toBe(false);
});
