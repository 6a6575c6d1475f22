/**
 * Staff Markdown → safe HTML. Raw HTML in a record is never passed through
 * (mdast-util-to-hast drops `html` nodes unless told otherwise, and we never
 * tell it), and link and image URLs are kept only for harmless protocols, so
 * a record cannot inject script, styles, frames or event handlers.
 */
import type { Element, Nodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';

const SAFE_URL = /^(?:https?:|mailto:|tel:|#|\/(?!\/)|\.{0,2}\/|[^:/?#]*(?:[/?#]|$))/i;

/** A URL a reader may follow: http(s), mail, relative. Never javascript:, data:, vbscript:. */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const u = url.trim();
  // browsers ignore control characters and whitespace inside a scheme
  const probe = u.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (!SAFE_URL.test(probe)) return undefined;
  return u;
}

function clean(node: Nodes): void {
  if (node.type === 'element') {
    const el = node as Element;
    const p = el.properties ?? {};
    for (const key of Object.keys(p)) {
      if (/^on/i.test(key) || key === 'style') delete p[key];
    }
    if ('href' in p) {
      const v = safeUrl(p.href);
      if (v === undefined) delete p.href;
      else {
        p.href = v;
        if (/^https?:/i.test(v)) p.rel = ['noopener', 'noreferrer', 'nofollow'];
      }
    }
    if ('src' in p) {
      const v = safeUrl(p.src);
      if (v === undefined) delete p.src;
      else p.src = v;
    }
  }
  if ('children' in node && Array.isArray(node.children)) for (const c of node.children) clean(c as Nodes);
}

/**
 * Heading levels of a record's body, nested under the page heading the body
 * sits under (`under`: 1 below the page's h1, 2 below a section's h2): the
 * body's outermost headings become h(under+1) and each deeper one a level
 * further, whatever levels staff typed — so `##` under an h2 is an h3 and a
 * jump from `##` to `####` does not skip a level (the HTML outline and
 * screen readers need each heading one below its parent).
 */
function nestHeadings(root: Root, under: number): void {
  const open: number[] = []; // typed levels of the headings enclosing the current one
  const walk = (node: Nodes) => {
    if (node.type === 'element') {
      const m = /^h([1-6])$/.exec(node.tagName);
      if (m) {
        const typed = Number(m[1]);
        while (open.length && open[open.length - 1]! >= typed) open.pop();
        open.push(typed);
        node.tagName = `h${Math.min(6, under + open.length)}`;
      }
    }
    if ('children' in node && Array.isArray(node.children)) for (const c of node.children) walk(c as Nodes);
  };
  walk(root);
}

const cache = new Map<string, string>();

/**
 * Render staff Markdown to HTML that is safe to insert with `set:html`.
 * `under` is the level of the page heading the body is placed under (2: a
 * section's h2, the default; 1: right under the page's h1, as in a
 * bulletin's or notice's document body).
 */
export function renderMarkdown(md: string, under: 1 | 2 | 3 | 4 = 2): string {
  const text = md.trim();
  if (!text) return '';
  const key = `${under}\n${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  // tables (GFM): bulletins list overdue items and the ranking as tables
  const hast = toHast(fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] })) as Root;
  clean(hast);
  nestHeadings(hast, under);
  const html = toHtml(hast);
  if (cache.size < 2000) cache.set(key, html);
  return html;
}
