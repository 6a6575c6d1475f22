/**
 * 督查汇报 (notice 二、（一）4): the document and the superior item agree;
 * its review chain (DOCUMENTS.summary in the workflow table) lands in order
 * and is complete before the item counts as 已汇报; it is revised on the
 * instruction before the item is sent up; it compiles only the item's own
 * reports that were in by the time it was drafted.
 */
import type { Issue } from '../issues.ts';
import type { SummaryDoc } from '../schemas/summary.ts';
import { DOCUMENTS, KIND_LABELS } from '../workflow.ts';
import { at, type Rule } from './context.ts';

const STEPS = DOCUMENTS.summary.steps!;
const stepOf = (d: SummaryDoc, field: string) => (d as unknown as Record<string, { date: string } | undefined>)[field];

export const summaryLinks: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const rec of ctx.ledger.summaries) {
    const d = rec.value;
    const it = ctx.index.items.get(d.item)?.value;
    if (it && it.kind !== 'superior') out.push(at(rec, ['item'], 'summary-mismatch', { detail: `督查汇报用于上级督查事项，${d.item} 是“${KIND_LABELS[it.kind]}”事项（会议督办、专项督查形成督查通报）` }));
    const reports = ctx.index.reportsByItem.get(d.item) ?? [];
    d.materials.forEach((name, i) => {
      const r = reports.find((x) => x.name === name);
      if (r && r.value.date > d.drafted.date) out.push(at(rec, ['materials', i], 'summary-mismatch', { detail: `汇总的落实情况 ${name} 报送于 ${r.value.date}，晚于起草日期 ${d.drafted.date}` }));
    });
    // the chain lands in order: each step only after the one before it
    STEPS.forEach((s, k) => {
      if (k === 0) return;
      const here = stepOf(d, s.field);
      const prev = STEPS[k - 1]!;
      const before = stepOf(d, prev.field);
      if (here && !before) out.push(at(rec, [s.field], 'summary-chain', { detail: `有“${s.label}”（${s.field}）却没有“${prev.label}”（${prev.field}）` }));
      else if (here && before && here.date < before.date) {
        out.push(at(rec, [s.field, 'date'], 'date-order', { later: `${s.label}（${s.field}）`, laterDate: here.date, earlier: `${prev.label}（${prev.field}）`, earlierDate: before.date }));
      }
    });
  }
  for (const rec of ctx.ledger.items) {
    const it = rec.value;
    if (!it.summary) continue;
    const d = ctx.index.summaries.get(it.summary.document)?.value;
    if (!d) continue;
    if (d.item !== it.id) {
      out.push(at(rec, ['summary', 'document'], 'summary-mismatch', { detail: `督查汇报 ${d.id} 汇报的是 ${d.item}，不是本事项 ${it.id}` }));
      continue;
    }
    const missing = [d.reviewed ? undefined : STEPS[1]!, d.instructed ? undefined : STEPS[2]!].find((x) => x);
    if (missing) {
      out.push(at(rec, ['summary', 'document'], 'summary-chain', { detail: `督查汇报 ${d.id} 尚未“${missing.label}”（${missing.field}），事项不能改为已汇报` }));
    } else if (d.instructed && it.summary.date < d.instructed.date) {
      out.push(at(rec, ['summary', 'date'], 'date-order', { later: '督查汇报（summary）', laterDate: it.summary.date, earlier: `督查汇报 ${d.id} 的主要领导批示`, earlierDate: d.instructed.date }));
    }
    if (it.submitted) {
      if (!d.revised) out.push(at(rec, ['submitted'], 'summary-chain', { detail: `督查汇报 ${d.id} 尚未按批示意见修改定稿（revised），不能上报` }));
      else if (it.submitted.date < d.revised.date) {
        out.push(at(rec, ['submitted', 'date'], 'date-order', { later: '上报（submitted）', laterDate: it.submitted.date, earlier: `督查汇报 ${d.id} 的修改定稿`, earlierDate: d.revised.date }));
      }
    }
  }
  return out;
};
