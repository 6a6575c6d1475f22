/**
 * What search finds: one record per item (with its reports), bulletin,
 * notice, plan, meeting and 督查汇报 of this build — built from the same filtered data as the
 * pages, so nothing outside the build's audience can be indexed.
 */
import { KIND_LABELS, STATE_LABELS } from '../../domain/workflow.ts';
import type { Site } from '../data/load-site.ts';
import { meetingHref, summaryHref } from '../view/doc-links.ts';
import { bulletinHref, itemHref, noticeHref, planHref } from '../view/links.ts';

export interface SearchRecord {
  url: string;
  /** Plain text (not yet split into words: see segment.ts). */
  content: string;
  meta: Record<string, string>;
}

/** Markdown → plain words (headings, emphasis, links reduced to their text). */
export function markdownText(md: string): string {
  return md
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[#>*_`|~-]+/g, ' ');
}

/**
 * Parts of a record as sentences (a full stop after each part that has
 * none), each sentence once: an item's text repeats itself (the body
 * restates the content and requirements, reports repeat their wording), and
 * a repeated sentence finds nothing a first one does not while Pagefind's
 * time grows with the text (the 10,000-item bench ledger: 41 % of the text
 * was repeats).
 */
export function sentences(parts: string[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    const p = part.replace(/\s+/g, ' ').trim();
    if (!p) continue;
    for (const x of (/[。！？；：.!?;:]$/.test(p) ? p : `${p}。`).split(/(?<=[。！？；])/)) {
      const t = x.trim();
      if (t && !seen.has(t)) {
        seen.add(t);
        out.push(t);
      }
    }
  }
  return out.join('');
}

export function searchRecords(site: Site): SearchRecord[] {
  const n = site.names;
  const out: SearchRecord[] = [];
  for (const v of site.items) {
    const it = v.item;
    const parts = [
      it.id, it.title, KIND_LABELS[it.kind], STATE_LABELS[it.state], it.source.name, it.source.doc_no ?? '', it.source.issuer ?? '',
      it.content, it.requirements, it.leaders.map(n.person).join(' '), n.unit(it.lead_unit), it.co_units.map(n.unit).join(' '),
      it.instruction?.text ?? '', it.tags.join(' '), markdownText(v.body),
      ...v.reports.map((r) => [r.value.date, n.unit(r.value.unit), r.value.progress, r.value.problems ?? '', r.value.next ?? '', markdownText(r.body)].join(' ')),
      it.lead_opinion ? `${it.lead_opinion.problems} ${it.lead_opinion.causes} ${it.lead_opinion.next_steps}` : '',
    ];
    out.push({ url: itemHref(it.id), content: sentences(parts), meta: { title: it.title, 编号: it.id, 类型: '督办事项' } });
  }
  for (const b of site.bulletins) {
    const v = b.value;
    const title = `《${site.config.bulletin_name}》${v.year}年第${v.number}期：${v.title}`;
    const items = v.items.map((id) => site.byId.get(id)?.item.title ?? '').join(' ');
    out.push({ url: bulletinHref(v.year, v.number), content: sentences([title, markdownText(b.body), items]), meta: { title, 类型: '督查通报' } });
  }
  for (const x of site.notices) {
    const v = x.value;
    const items = v.items.map((id) => site.byId.get(id)?.item.title ?? '').join(' ');
    out.push({ url: noticeHref(v.id), content: sentences([v.title, v.doc_no ?? '', markdownText(x.body), items, v.report_requirement ?? '']), meta: { title: v.title, 类型: '督办通知' } });
  }
  for (const x of site.plans) {
    const v = x.value;
    out.push({ url: planHref(v.id), content: sentences([v.title, v.content, v.requirements, v.targets.map(n.unit).join('、'), markdownText(x.body)]), meta: { title: v.title, 类型: '专项督查方案' } });
  }
  for (const x of site.meetings) {
    const v = x.value;
    const items = v.items.map((id) => site.byId.get(id)?.item.title ?? '').join(' ');
    out.push({ url: meetingHref(v.id), content: sentences([v.title, v.minutes_no ?? '', v.date, markdownText(x.body), items]), meta: { title: v.title, 编号: v.id, 类型: '会议分解立项' } });
  }
  for (const x of site.summaries) {
    const v = x.value;
    const steps = [v.reviewed?.opinion ?? '', v.instructed?.text ?? '', v.revised?.note ?? ''];
    out.push({ url: summaryHref(v.id), content: sentences([v.title, v.item, site.byId.get(v.item)?.item.title ?? '', v.to, markdownText(x.body), ...steps]), meta: { title: v.title, 编号: v.id, 类型: '督查汇报' } });
  }
  return out;
}
