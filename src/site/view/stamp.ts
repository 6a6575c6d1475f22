/**
 * The footer's build stamp — when the site was built and the ledger commit
 * it shows — between two markers. It is the one part of a page that differs
 * on every build, so it is in no page's cache key (data/page-keys.ts): a
 * page the build did not render (kept in place from the last build, or
 * copied from Astro's cache) gets this build's stamp written over the old
 * one after the build (integration/finish.ts), the same HTML as rendered.
 */
import { esc } from './strings.ts';
import type { Site } from '../data/load-site.ts';
import { beijingTime, shortSha } from './strings.ts';

export const STAMP_OPEN = '<!--ledger:stamp-->';
export const STAMP_CLOSE = '<!--/ledger:stamp-->';

export function stampHtml(site: Site): string {
  const t = site.env.builtAt;
  const url = site.head ? site.commitUrl(site.head.sha) : undefined;
  const sha = site.head ? (url ? `<a href="${esc(url)}"><code>${esc(shortSha(site.head.sha))}</code></a>` : `<code>${esc(shortSha(site.head.sha))}</code>`) : '';
  const day = site.head?.day ? `（${esc(site.head.day)}）` : '';
  return `${STAMP_OPEN}本站构建于 <time datetime="${esc(t.toISOString())}">${esc(beijingTime(t))}</time>（北京时间），统计截至 ${esc(site.env.today)}；台账版本 ${sha}${day}。${STAMP_CLOSE}`;
}

/** `html` with its stamp replaced by `stamp` (unchanged when it has none or already this one). */
export function restamp(html: string, stamp: string): string {
  const a = html.indexOf(STAMP_OPEN);
  if (a < 0) return html;
  const b = html.indexOf(STAMP_CLOSE, a);
  if (b < 0) return html;
  return `${html.slice(0, a)}${stamp}${html.slice(b + STAMP_CLOSE.length)}`;
}
