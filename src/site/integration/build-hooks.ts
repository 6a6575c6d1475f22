/**
 * The page bundle (where getSite() runs) and the Astro integration (which
 * writes the search index and the check result after the pages) are
 * separate module instances in one process. They meet here, on globalThis.
 */
import type { Site } from '../data/load-site.ts';

const SITE = Symbol.for('supervision-ledger.site');
const LISTENERS = Symbol.for('supervision-ledger.site-listeners');
const RENDERED = Symbol.for('supervision-ledger.rendered');
const BUILDING = Symbol.for('supervision-ledger.building');
const LATER = Symbol.for('supervision-ledger.after-pages');
type G = { [SITE]?: Promise<Site>; [LISTENERS]?: ((s: Site) => void)[]; [RENDERED]?: Set<string>; [BUILDING]?: boolean; [LATER]?: (() => void)[] };
const g = globalThis as G;

/** The site data of this build, loaded once. */
export function sharedSite(load: () => Promise<Site>): Promise<Site> {
  if (!g[SITE]) {
    g[SITE] = load();
    g[SITE].then((s) => {
      for (const f of g[LISTENERS] ?? []) f(s);
    }, () => {});
  }
  return g[SITE];
}

/** The site data if a page loaded it. */
export const loadedSite = (): Promise<Site> | undefined => g[SITE];

/** Run `f` as soon as the pages have loaded the site data. */
export function onSiteLoaded(f: (s: Site) => void): void {
  (g[LISTENERS] ??= []).push(f);
}

/** Forget the site of a previous build (astro dev / repeated builds in one process). */
export function resetSite(): void {
  delete g[SITE];
  g[LISTENERS] = [];
  g[RENDERED] = new Set();
  g[BUILDING] = true;
  g[LATER] = [];
}

/**
 * Work only the next build needs (writing the caches): in a build, put off
 * until the pages are done, when this thread would otherwise wait for the
 * work beside them; at once outside a build (the dev server).
 */
export function afterPages(task: () => void): void {
  if (!building()) return task();
  (g[LATER] ??= []).push(task);
}

/** Run what `afterPages` put off (the integration, once the pages are done). */
export function runAfterPages(): void {
  const tasks = g[LATER] ?? [];
  g[LATER] = [];
  for (const t of tasks) t();
}

/** A static build is running (`astro build`: the integration's build:done runs after the pages), not the dev server. */
export const building = (): boolean => g[BUILDING] === true;

/** A page rendered in this build (its path), as opposed to one Astro copied from its cache. */
export function pageRendered(pathname: string): void {
  (g[RENDERED] ??= new Set()).add(pathname.replace(/\/?$/, '/'));
}

/** Paths of the pages rendered in this build (`/items/DB-2026-0001/`, `/404/`). */
export const renderedPages = (): Set<string> => g[RENDERED] ?? new Set();
