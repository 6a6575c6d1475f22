/**
 * Special supervision after the plan (notice 二、（三）2–4): applications
 * that could be merged are flagged (可合并进行的一律合并进行: two active
 * applications whose applicants both declared them mergeable, of the same
 * mode, with shared targets and overlapping times, under different plans); on-site
 * inspections are scored by the business department, per inspected unit;
 * phone/written inspections are summed up for the main leader; the
 * bulletin comes only once those results exist.
 */
import type { Issue } from '../issues.ts';
import type { Located } from '../ledger.ts';
import type { Item } from '../schemas/item.ts';
import { MODE_LABELS } from '../schemas/plan.ts';
import { at, type Rule } from './context.ts';
import { duplicates } from './handling.ts';

/** Special items still to be inspected or being inspected: where merging still helps. */
const ACTIVE = new Set(['approved', 'planned', 'inspecting']);

export const mergeCandidates: Rule = (ctx) => {
  const out: Issue[] = [];
  const byTarget = new Map<string, Located<Item>[]>();
  for (const rec of ctx.ledger.items) {
    const it = rec.value;
    if (it.kind !== 'special' || !it.application || !ACTIVE.has(it.state)) continue;
    for (const u of it.application.targets) {
      const l = byTarget.get(u) ?? [];
      l.push(rec);
      byTarget.set(u, l);
    }
  }
  const seen = new Set<string>();
  for (const all of byTarget.values()) {
    // only applications whose times overlap can be merged: sorted by start, each is paired with those
    // starting before it ends (a unit inspected year after year has hundreds; every pair would be quadratic)
    const list = all.filter((r) => r.value.application!.mergeable).sort((x, y) => (x.value.application!.from < y.value.application!.from ? -1 : x.value.application!.from > y.value.application!.from ? 1 : 0));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[j]!.value.application!.from <= list[i]!.value.application!.to; j++) {
        const pair = [list[i]!, list[j]!].sort((x, y) => x.value.application!.date.localeCompare(y.value.application!.date) || x.value.id.localeCompare(y.value.id));
        const a = pair[0]!;
        const b = pair[1]!;
        const key = `${a.value.id} ${b.value.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const pa = a.value.application!;
        const pb = b.value.application!;
        // both applicants said theirs could be merged, same mode, overlapping time
        if (!pa.mergeable || !pb.mergeable || pa.mode !== pb.mode || pa.to < pb.from || pb.to < pa.from) continue;
        const samePlan = a.value.planned && b.value.planned && a.value.planned.plan === b.value.planned.plan;
        if (samePlan) continue;
        const units = pb.targets.filter((u) => pa.targets.includes(u));
        out.push(at(b, ['application', 'targets'], 'merge-candidate', { other: a.value.id, units: units.join('、') }));
      }
    }
  }
  return out;
};

export const inspectionResults: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const rec of ctx.ledger.items) {
    const it = rec.value;
    if (it.kind !== 'special') continue;
    const plan = it.planned ? ctx.index.plans.get(it.planned.plan)?.value : undefined;
    if (plan) {
      const mode = MODE_LABELS[plan.mode];
      if (it.scores.length && plan.mode !== 'onsite') {
        out.push(at(rec, ['scores'], 'inspection-mode', { what: '打分（scores）', need: MODE_LABELS.onsite, plan: plan.id, mode }));
      }
      if (it.inspection_summaries.length && plan.mode !== 'written') {
        out.push(at(rec, ['inspection_summaries'], 'inspection-mode', { what: '梳理汇总（inspection_summaries）', need: MODE_LABELS.written, plan: plan.id, mode }));
      }
      const scoring = plan.scoring_units.length ? plan.scoring_units : [it.lead_unit];
      it.scores.forEach((s, i) => {
        if (!plan.targets.includes(s.unit) && ctx.index.units.has(s.unit)) {
          out.push(at(rec, ['scores', i, 'unit'], 'score-target', { unit: s.unit, plan: plan.id, targets: plan.targets.join('、') }));
        }
        const by = ctx.index.people.get(s.by)?.value;
        if (by?.unit && !by.roles.includes('office') && !scoring.includes(by.unit)) {
          out.push(at(rec, ['scores', i, 'by'], 'score-by', { by: s.by, plan: plan.id, scoring: scoring.join('、') }));
        }
      });
      if (it.lead_opinion) {
        if (plan.mode === 'onsite' && !it.scores.length) {
          out.push(at(rec, ['lead_opinion'], 'inspection-results-missing', { what: '实地督查考核的打分（scores）', how: '业务部门对每个被督查单位打分后，再形成主导性通报意见' }));
        }
        if (plan.mode === 'written' && !it.inspection_summaries.length) {
          out.push(at(rec, ['lead_opinion'], 'inspection-results-missing', { what: '电话和文字督查的梳理汇总（inspection_summaries）', how: '考核督查办梳理汇总工作情况、上报主要领导后，再形成主导性通报意见' }));
        }
      }
    }
    out.push(...duplicates(rec, 'scores', (e: Item['scores'][number]) => e.unit, (k) => `单位 ${k} 的得分`, 'unit'));
    it.scores.forEach((s, i) => {
      if (it.inspection && s.date < it.inspection.date) {
        out.push(at(rec, ['scores', i, 'date'], 'date-order', { later: `第 ${i + 1} 条打分（scores）`, laterDate: s.date, earlier: '督查实施（inspection）', earlierDate: it.inspection.date }));
      }
    });
    it.inspection_summaries.forEach((s, i) => {
      if (it.inspection && s.date < it.inspection.date) {
        out.push(at(rec, ['inspection_summaries', i, 'date'], 'date-order', { later: `第 ${i + 1} 条梳理汇总（inspection_summaries）`, laterDate: s.date, earlier: '督查实施（inspection）', earlierDate: it.inspection.date }));
      }
    });
  }
  return out;
};

export const applicationForm: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const rec of ctx.ledger.items) {
    const a = rec.value.application;
    if (a && a.to < a.from) out.push(at(rec, ['application', 'to'], 'date-order', { later: '拟督查结束日期（application.to）', laterDate: a.to, earlier: '拟督查开始日期（application.from）', earlierDate: a.from }));
  }
  return out;
};
