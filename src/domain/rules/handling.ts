/**
 * Handling an item after 交办 (notice 二、（一）2–3, 5 and （二）2–3, 5): the
 * units' 签收, the office's review of each progress report (accepted, or
 * returned with a reason), and the evidence a 销号 rests on — the reports
 * it names must have been accepted before it.
 */
import type { Issue } from '../issues.ts';
import type { Located } from '../ledger.ts';
import type { Item } from '../schemas/item.ts';
import { LIST_LABELS } from '../workflow.ts';
import { at, type Rule } from './context.ts';

/** One entry per key in an append-only list: the second is a duplicate. */
function duplicates(rec: Located<Item>, list: 'acknowledgements' | 'reviews' | 'scores' | 'referral_receipts' | 'referral_outcomes', keyOf: (e: never) => string, what: (key: string) => string, field: string): Issue[] {
  const out: Issue[] = [];
  const first = new Map<string, number>();
  (rec.value[list] as unknown[]).forEach((e, i) => {
    const key = keyOf(e as never);
    const f = first.get(key);
    if (f === undefined) first.set(key, i);
    else out.push(at(rec, [list, i, field], 'duplicate-entry', { label: LIST_LABELS[list], what: what(key), first: f + 1, n: i + 1 }));
  });
  return out;
}

export const acknowledgements: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const rec of ctx.ledger.items) {
    const it = rec.value;
    if (!it.acknowledgements.length) continue;
    const allowed = [it.lead_unit, ...it.co_units];
    it.acknowledgements.forEach((a, i) => {
      if (!allowed.includes(a.unit) && ctx.index.units.has(a.unit)) {
        out.push(at(rec, ['acknowledgements', i, 'unit'], 'acknowledge-unit', { unit: a.unit, item: it.id, allowed: allowed.join('、') }));
      }
      if (!it.assigned || a.date < it.assigned.date) {
        out.push(at(rec, ['acknowledgements', i, 'date'], 'acknowledge-early', { date: a.date, assigned: it.assigned?.date ?? '（尚未交办）' }));
      }
      const by = ctx.index.people.get(a.by)?.value;
      if (by?.unit && by.unit !== a.unit && !by.roles.includes('office')) out.push(at(rec, ['acknowledgements', i, 'by'], 'acknowledge-by', { by: a.by, unit: a.unit }));
    });
    out.push(...duplicates(rec, 'acknowledgements', (e: Item['acknowledgements'][number]) => e.unit, (k) => `单位 ${k} 的签收`, 'unit'));
  }
  return out;
};

export const reviews: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const rec of ctx.ledger.items) {
    const it = rec.value;
    if (!it.reviews.length) continue;
    const reports = ctx.index.reportsByItem.get(it.id) ?? [];
    it.reviews.forEach((r, i) => {
      const report = reports.find((x) => x.name === r.report);
      if (report && r.date < report.value.date) {
        out.push(at(rec, ['reviews', i, 'date'], 'date-order', { later: `第 ${i + 1} 条审核（reviews）`, laterDate: r.date, earlier: `落实情况（${r.report}）`, earlierDate: report.value.date }));
      }
      if (r.result === 'returned' && !r.reason) out.push(at(rec, ['reviews', i, 'result'], 'review-reason', { n: i + 1, report: r.report }));
    });
    out.push(...duplicates(rec, 'reviews', (e: Item['reviews'][number]) => e.report, (k) => `落实情况 ${k} 的审核`, 'report'));
  }
  return out;
};

export const closureEvidence: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const rec of ctx.ledger.items) {
    const it = rec.value;
    const c = it.closure;
    if (!c) continue;
    const reports = ctx.index.reportsByItem.get(it.id) ?? [];
    c.reports.forEach((name, j) => {
      const report = reports.find((x) => x.name === name);
      if (!report) return; // reported by fileReferences
      const review = it.reviews.find((r) => r.report === name);
      let why: string | undefined;
      if (report.value.date > c.date) why = `的报送日期 ${report.value.date} 晚于销号日期 ${c.date}`;
      else if (!review) why = '尚未经考核督查办审核（reviews 中没有它的审核记录）';
      else if (review.result === 'returned') why = `已于 ${review.date} 被退回重报${review.reason ? `（${review.reason}）` : ''}`;
      else if (review.date > c.date) why = `的审核通过日期 ${review.date} 晚于销号日期 ${c.date}`;
      if (why) out.push(at(rec, ['closure', 'reports', j], 'closure-evidence', { report: name, why }));
    });
  }
  return out;
};

export { duplicates };
