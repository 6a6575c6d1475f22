/**
 * Internal link check over a built site: every href/src/action of every
 * HTML page that points at the site itself (root-relative, relative, or
 * absolute on the site's own origin) must resolve to a file the build wrote
 * — and a #fragment to an element with that id on the target page. Pages
 * are parsed with a real HTML parser (hast-util-from-html, parse5), so
 * attributes are read the way browsers read them, entities decoded.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export interface BrokenLink {
  /** Page holding the link, relative to the site folder. */
  page: string;
  line: number;
  column: number;
  tag: string;
  url: string;
  why: string;
}

/** Element attributes (hast property names) that make the browser fetch or navigate. */
const URL_PROPS = ['href', 'src', 'action', 'poster', 'cite', 'formAction'] as const;

export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function walkElements(node: Root | RootContent, f: (el: Element) => void): void {
  if (node.type === 'element') f(node);
  if ('children' in node) for (const c of node.children) walkElements(c as RootContent, f);
  if (node.type === 'element' && node.tagName === 'template' && node.content) walkElements(node.content, f);
}

/** The URL path a built file is served at: a/b/index.html → /a/b/, 404.html → /404.html. */
export function servedPath(root: string, file: string): string {
  const rel = relative(root, file).split(sep).join('/');
  return '/' + (rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
}

/**
 * Every internal link of the site in `root`, and those that do not resolve;
 * `origin` is the site's own absolute origin (SITE_URL).
 */
export function checkLinks(root: string, origin = 'http://localhost:4321'): { pages: number; links: number; fragments: number; broken: BrokenLink[] } {
  const files = htmlFiles(root);
  const trees = new Map<string, Root>();
  const parse = (file: string) => {
    let t = trees.get(file);
    if (!t) trees.set(file, (t = fromHtml(readFileSync(file, 'utf8'))));
    return t;
  };
  const idsCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let s = idsCache.get(file);
    if (!s) {
      s = new Set();
      const set = s;
      walkElements(parse(file), (el) => {
        const id = el.properties?.id;
        if (typeof id === 'string') set.add(id);
        const name = el.properties?.name;
        if (el.tagName === 'a' && typeof name === 'string') set.add(name);
      });
      idsCache.set(file, s);
    }
    return s;
  };
  /** The built file serving `pathname`, or undefined. */
  const target = (pathname: string): string | undefined => {
    let p: string;
    try {
      p = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    const f = join(root, p);
    if (!f.startsWith(root)) return undefined;
    if (p.endsWith('/')) return existsSync(join(f, 'index.html')) ? join(f, 'index.html') : undefined;
    if (existsSync(f) && statSync(f).isFile()) return f;
    if (existsSync(join(f, 'index.html'))) return join(f, 'index.html'); // the server redirects /a to /a/
    return undefined;
  };

  const broken: BrokenLink[] = [];
  let links = 0;
  let fragments = 0;
  const own = new URL(origin).origin;
  for (const file of files) {
    const page = relative(root, file);
    const base = new URL(servedPath(root, file), own);
    walkElements(parse(file), (el) => {
      for (const prop of URL_PROPS) {
        const raw = el.properties?.[prop];
        if (typeof raw !== 'string') continue;
        const report = (why: string) => broken.push({ page, line: el.position?.start.line ?? 0, column: el.position?.start.column ?? 0, tag: el.tagName, url: raw, why });
        let u: URL;
        try {
          u = new URL(raw, base);
        } catch {
          report('not a URL');
          continue;
        }
        if (u.origin !== own) continue; // another site, mailto:, the forge …
        links++;
        const to = target(u.pathname);
        if (!to) {
          report(`${decodeURIComponent(u.pathname)} was not built`);
          continue;
        }
        const frag = u.hash.slice(1);
        if (frag) fragments++;
        if (frag && to.endsWith('.html') && !ids(to).has(decodeURIComponent(frag))) report(`no element id="${decodeURIComponent(frag)}" on ${relative(root, to)}`);
      }
    });
  }
  return { pages: files.length, links, fragments, broken };
}

export const formatLink = (b: BrokenLink) => `${b.page}:${b.line}:${b.column}: <${b.tag}> ${b.url} — ${b.why}`;
