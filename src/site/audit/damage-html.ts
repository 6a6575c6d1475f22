/**
 * Damage shows where it is: what the full-history check flagged on an
 * item's records is marked on the item's own page (each report at its
 * place, the item's fields in a box at the top, naming the field) and on
 * the pages of its units — not only on the audit page. The check runs in a
 * worker while the pages render, so the marks are written into the pages
 * afterwards at markers the pages leave (`finish.ts`), as plain escaped
 * string templating like `check-html.ts`.
 *
 * A report that does not even load at HEAD is known while rendering: the
 * item page lists it as 未通过校验 (`invalidReports`), not dropped.
 */
import type { Issue } from '../../domain/issues.ts';
import { FIELD_LABELS, type StepField } from '../../domain/workflow.ts';
import { classifyPath, itemPath, reportsDir } from '../../format/layout.ts';
import type { CheckResult, Site } from '../data/load-site.ts';
import { itemHref } from '../view/links.ts';
import { esc, shortSha } from '../view/strings.ts';

/** Where an item page takes the marks on its own fields. */
export const DAMAGE_ITEM_MARKER = '<!--ledger:damage-item-->';
/** Where a unit page takes the list of its items with marks. */
export const DAMAGE_UNIT_MARKER = '<!--ledger:damage-unit-->';
/** Where an item page takes the marks on one report. */
export const damageReportMarker = (file: string) => `<!--ledger:damage:${esc(file)}-->`;

export interface PageDamage {
  /** Path of the page's file under the build output. */
  page: string;
  inserts: [marker: string, html: string][];
}

const FIELD_NAMES: Record<string, string> = { deadline: '落实时限（deadline）', returns: '退回记录（returns）', extensions: '延期记录（extensions）', accountability: '问责记录（accountability）', referrals: '移送纪工委记录（referrals）', flag: '挂牌督办（flag）', state: '状态（state）' };
const fieldName = (f: string) => FIELD_NAMES[f] ?? FIELD_LABELS[f as StepField] ?? f;

function issueLi(site: Site, i: Issue, withField: boolean): string {
  const url = i.commit ? site.commitUrl(i.commit.sha) : undefined;
  const sha = i.commit ? (url ? `<a href="${esc(url)}">${esc(shortSha(i.commit.sha))}</a>` : esc(shortSha(i.commit.sha))) : '';
  const field = withField && i.field ? `<strong>${esc(fieldName(i.field))}</strong>：` : '';
  return (
    `<li>${field}【${esc(i.code)}】${esc(i.message)}` +
    (i.commit ? `<span class="small muted">（提交 ${sha}，${esc(i.commit.author)}，${esc(i.commit.date)}）</span>` : '') +
    (i.hint ? `<div class="hint small">提示：${esc(i.hint)}</div>` : '') +
    '</li>'
  );
}

/** Every page that gets marks, and the marks. */
export function damagePages(site: Site, c: CheckResult): PageDamage[] {
  const byItem = new Map<string, Issue[]>();
  for (const i of c.issues) {
    if (i.severity !== 'error') continue;
    const cls = classifyPath(i.file);
    if (!cls || (cls.kind !== 'item' && cls.kind !== 'report') || !site.byId.has(cls.itemId!)) continue;
    byItem.set(cls.itemId!, [...(byItem.get(cls.itemId!) ?? []), i]);
  }
  const pages: PageDamage[] = [];
  const byUnit = new Map<string, { id: string; title: string; n: number }[]>();
  for (const [id, issues] of byItem) {
    const v = site.byId.get(id)!;
    const shown = new Set(v.reports.map((r) => r.file));
    // a report that does not load is shown in its place with its own problems (invalidReports)
    const broken = new Set(invalidReports(site, id).map((x) => x.file));
    const inserts: [string, string][] = [];
    const perReport = new Map<string, Issue[]>();
    const onItem: Issue[] = [];
    for (const i of issues) {
      if (broken.has(i.file)) continue;
      if (i.file !== itemPath(id) && shown.has(i.file)) perReport.set(i.file, [...(perReport.get(i.file) ?? []), i]);
      else onItem.push(i);
    }
    for (const [file, list] of perReport) {
      inserts.push([
        damageReportMarker(file),
        `<div class="warn damage" role="note"><p><strong>历史检查：此份落实情况的提交不符合台账规定</strong>（以下为检查意见；页面显示的是现在仓库中的文本）</p><ul>${list.map((i) => issueLi(site, i, false)).join('')}</ul></div>`,
      ]);
    }
    if (onItem.length) {
      inserts.push([
        DAMAGE_ITEM_MARKER,
        `<div class="warn damage" role="note"><p><strong>历史检查发现本事项的台账记录有 ${onItem.length} 处不符合规定</strong>：本页显示的是现在仓库中的内容，以下字段或文件的改动未经合规办理。</p><ul>${onItem.map((i) => issueLi(site, i, true)).join('')}</ul></div>`,
      ]);
    }
    for (const u of new Set([v.item.lead_unit, ...v.item.co_units])) byUnit.set(u, [...(byUnit.get(u) ?? []), { id, title: v.item.title, n: issues.length }]);
    if (inserts.length) pages.push({ page: `items/${id}/index.html`, inserts });
  }
  for (const [unit, list] of byUnit) {
    if (!site.units.has(unit)) continue;
    pages.push({
      page: `units/${unit}/index.html`,
      inserts: [
        [
          DAMAGE_UNIT_MARKER,
          `<div class="warn damage" role="note"><p><strong>历史检查发现本单位 ${list.length} 项事项的台账记录有问题</strong>，请打开事项查看：</p><ul>${list
            .sort((a, b) => a.id.localeCompare(b.id))
            .map((x) => `<li><a href="${esc(itemHref(x.id))}">${esc(x.id)} ${esc(x.title)}</a>（${x.n} 处）</li>`)
            .join('')}</ul></div>`,
        ],
      ],
    });
  }
  return pages;
}

/** Reports of an item whose files do not load at HEAD: shown as 未通过校验 with what is wrong. */
export function invalidReports(site: Site, itemId: string): { file: string; name: string; issues: Issue[] }[] {
  const dir = `${reportsDir(itemId)}/`;
  const byFile = new Map<string, Issue[]>();
  for (const i of site.loadIssues) if (i.file.startsWith(dir) && i.severity === 'error') byFile.set(i.file, [...(byFile.get(i.file) ?? []), i]);
  return [...byFile].sort(([a], [b]) => a.localeCompare(b)).map(([file, issues]) => ({ file, name: file.slice(dir.length), issues }));
}
