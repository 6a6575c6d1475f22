/**
 * URLs: pages of this site, and the Git web UI (config.forge) for editing
 * records, creating reports and viewing commits.
 */
import type { Config } from '../../domain/schemas/config.ts';
import type { Item } from '../../domain/schemas/item.ts';
import { reportsDir } from '../../format/layout.ts';

/** The site is served at the root of its host (astro.config.mjs sets no base). */
const base = '/';

/** A path inside this site: `href('items', id)` → `/items/DB-2026-0031/`. */
export function href(...parts: (string | number)[]): string {
  const p = parts.map((x) => encodeURIComponent(String(x))).join('/');
  return p ? `${base}${p}/` : base;
}

/** A file of this site (no trailing slash): `file('data', 'ledger.json')`. */
export function file(...parts: string[]): string {
  return `${base}${parts.map(encodeURIComponent).join('/')}`;
}

export const itemHref = (id: string) => href('items', id);
export const bulletinHref = (year: number | string, number: number | string) => href('bulletins', year, String(number).padStart(2, '0'));
export const noticeHref = (id: string) => href('notices', id);
export const planHref = (id: string) => href('plans', id);
export const unitHref = (id: string) => href('units', id);
export const leaderHref = (id: string) => href('leaders', id);

export function editUrl(config: Config, path: string): string | undefined {
  return config.forge?.edit_url.replace('{path}', path.split('/').map(encodeURIComponent).join('/'));
}

export function commitUrl(config: Config, sha: string): string | undefined {
  return config.forge?.commit_url.replace('{sha}', sha);
}

/** The default report template when the ledger has none in records/_templates/. */
export function reportTemplate(unit: string, date: string, template?: string, by?: string): string {
  if (template) {
    // every field the template fills in with an example is set for this unit: the date, the
    // unit and its reporter (an example person left in `by:` fails the report-by rule)
    return template
      .replace(/^\uFEFF/, '')
      .replace(/^date:([ \t]*)[^\s#]+/m, (_, sp: string) => `date:${sp || ' '}${date}`)
      .replace(/^unit:([ \t]*)[^\s#]+/m, (_, sp: string) => `unit:${sp || ' '}${unit}`)
      .replace(/^by:([ \t]*)[^\s#]+/m, (_, sp: string) => `by:${sp || ' '}${by ?? '填写报送人标识'}`);
  }
  return [
    '---',
    `date: ${date}`,
    `unit: ${unit}`,
    `by: ${by ?? '填写报送人标识（见 people.yml）'}`,
    'progress: 填写工作进展',
    'problems: 填写存在问题（没有可删除此行）',
    'next: 填写下步打算',
    'done: false',
    '---',
    '',
  ].join('\n');
}

export interface NewReport {
  dir: string;
  name: string;
  content: string;
  url?: string;
}

/** Where and what a new report file of `unit` on `it` is, and the web editor link when the forge can prefill. */
export function newReport(config: Config, it: Item, unit: string, date: string, template?: string): NewReport {
  const dir = reportsDir(it.id);
  const name = `${date}-${unit}.md`;
  const content = reportTemplate(unit, date, template);
  const pattern = config.forge?.new_file_url;
  const url = pattern
    ?.replace('{dir}', dir.split('/').map(encodeURIComponent).join('/'))
    .replace('{name}', encodeURIComponent(name))
    .replace('{content}', encodeURIComponent(content));
  return { dir, name, content, url };
}
