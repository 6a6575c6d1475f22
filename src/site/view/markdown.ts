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

const cache = new Map<string, string>();

/** Render staff Markdown to HTML that is safe to insert with `set:html`. */
export function renderMarkdown(md: string): string {
  const text = md.trim();
  if (!text) return '';
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  // tables (GFM): bulletins list overdue items and the ranking as tables
  const hast = toHast(fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] })) as Root;
  clean(hast);
  // headings inside a record sit under the page's own h2/h3
  const html = toHtml(hast).replace(/<(\/?)h([1-3])>/g, (_, slash: string, n: string) => `<${slash}h${Number(n) + 2}>`);
  if (cache.size < 2000) cache.set(text, html);
  return html;
}
