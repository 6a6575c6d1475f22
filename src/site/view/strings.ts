/** UI strings kept in one place (labels of records live with their schemas). */
import { href, file } from './links.ts';

export const SITE_TITLE = '督查工作台账';

export const NAV = [
  { href: href(), label: '首页', key: 'home' },
  { href: href('ledger'), label: '台账', key: 'ledger' },
  { href: href('bulletins'), label: '督查通报', key: 'bulletins' },
  { href: href('meetings'), label: '会议分解', key: 'meetings' },
  { href: href('notices'), label: '督办通知', key: 'notices' },
  { href: href('summaries'), label: '督查汇报', key: 'summaries' },
  { href: href('plans'), label: '专项方案', key: 'plans' },
  { href: href('units'), label: '责任单位', key: 'units' },
  { href: href('leaders'), label: '责任领导', key: 'leaders' },
  { href: href('figures'), label: '统计排名', key: 'figures' },
  { href: href('audit'), label: '审计', key: 'audit' },
  { href: href('search'), label: '搜索', key: 'search' },
] as const;

export type NavKey = (typeof NAV)[number]['key'];

export const OUTPUTS = [
  { href: file('data', 'ledger.json'), label: '台账 JSON' },
  { href: file('data', 'ledger.csv'), label: '台账 CSV' },
  { href: file('data', 'ledger.xlsx'), label: '台账 Excel' },
  { href: file('deadlines.ics'), label: '时限日历 ICS' },
  { href: file('feed.xml'), label: '通报订阅 Atom' },
] as const;

/** `2026-03-09T10:00:00+08:00` → `2026-03-09 10:00` in Beijing time. */
export function beijingTime(iso: string | Date): string {
  const t = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  if (Number.isNaN(t)) return String(iso);
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** `2026-05-08` → `2026年5月8日` (dates on official documents). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export const shortSha = (sha: string) => sha.slice(0, 7);

/** Text escaped for string-templated HTML (pages patched after Astro wrote them). */
export const esc = (s: unknown) =>
  String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
