/**
 * A drafted bulletin record → its file text: the fields in the template's
 * order with a few comments for the office (what to fill in before issue,
 * that the figures are checked), then the Markdown body.
 */
import type { Bulletin } from '../domain/schemas/bulletin.ts';
import { yamlFileText } from './serialise.ts';

const ORDER = ['id', 'year', 'number', 'total', 'title', 'kind', 'date', 'period', 'draft', 'items', 'drafted', 'reviewed', 'approved', 'distribution', 'copies', 'visibility', 'figures'] as const;

export function bulletinText(b: Bulletin, body: string): string {
  const v = b as unknown as Record<string, unknown>;
  const ordered = Object.fromEntries(ORDER.filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
  const head = [
    '# 督查通报草稿：由 ledger bulletin 按台账生成。',
    '# 正文可以修改；figures（统计数据）和正文“一、总体情况”中的比率由检查程序按台账核对，不得手改。',
    '# 印发前：删去 draft 一行，填写 reviewed（分管考核督查领导审阅）和 approved（主要领导批示），日期改为印发日期。',
    '# 版记（报、送、发、印发机关和日期）由 distribution、date、copies 自动排版，不要在正文里手写。',
  ].join('\n');
  // the items list and ranking rows read better on one line each
  const yaml = yamlFileText(ordered)
    .replace(/^items:\n((?: {2}- .+\n)+)/m, (_, list: string) => `items: [${list.trim().split('\n').map((l) => l.replace(/^\s*- /, '')).join(', ')}]\n`);
  return `---\n${head}\n${yaml}---\n${body.endsWith('\n') ? body : `${body}\n`}`;
}
