/**
 * Records that point at each other agree: notices and the items they assign
 * (sent to every unit of each item),
 * bulletins and the items they cover, plans and the applications they carry
 * out, merged applications and their target.
 */
import type { Issue } from '../issues.ts';
import { VOID_STATES } from '../workflow.ts';
import type { Item } from '../schemas/item.ts';
import { at, type Rule } from './context.ts';

/** An item has been handed to units (assigned, or its inspection started). */
const handedOut = (it: Item) => Boolean(it.assigned || it.inspection);

export const noticeLinks: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const rec of ctx.ledger.items) {
    const ref = rec.value.assigned?.notice;
    const n = ref ? ctx.index.notices.get(ref) : undefined;
    if (!n) continue;
    if (!n.value.items.includes(rec.value.id)) {
      out.push(at(rec, ['assigned', 'notice'], 'notice-mismatch', { detail: `督办通知 ${ref} 的 items 中没有本事项 ${rec.value.id}` }));
    }
    const units = [{ unit: rec.value.lead_unit, role: '牵头单位' }, ...rec.value.co_units.map((unit) => ({ unit, role: '配合单位' }))];
    for (const u of units) {
      // (a unit not in units.yml is reported as such; no second word about it)
      if (!n.value.to_units.includes(u.unit) && ctx.index.units.has(u.unit)) out.push(at(rec, ['assigned', 'notice'], 'notice-recipients', { notice: ref, role: u.role, unit: u.unit, file: n.file }));
    }
    if (rec.value.assigned && n.value.date > rec.value.assigned.date) {
      out.push(at(rec, ['assigned', 'date'], 'notice-mismatch', { detail: `交办日期 ${rec.value.assigned.date} 早于督办通知 ${ref} 的印发日期 ${n.value.date}` }));
    }
  }
  return out;
};

export const bulletinLinks: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const b of ctx.ledger.bulletins) {
    b.value.items.forEach((id, i) => {
      const it = ctx.index.items.get(id)?.value;
      if (!it) return;
      if (VOID_STATES.includes(it.state) || !handedOut(it)) {
        out.push(at(b, ['items', i], 'bulletin-mismatch', { detail: `通报涉及的事项 ${id} 状态为 ${it.state}，尚未交办或已撤销/合并/不予批准，不能列入通报` }));
      }
    });
  }
  for (const rec of ctx.ledger.items) {
    const ref = rec.value.bulletined?.bulletin;
    const b = ref ? ctx.index.bulletins.get(ref) : undefined;
    if (!b) continue;
    if (!b.value.items.includes(rec.value.id)) {
      out.push(at(rec, ['bulletined', 'bulletin'], 'bulletin-mismatch', { detail: `督查通报 ${ref} 的 items 中没有本事项 ${rec.value.id}` }));
    }
    if (rec.value.bulletined && rec.value.bulletined.date < b.value.date) {
      out.push(at(rec, ['bulletined', 'date'], 'bulletin-mismatch', { detail: `通报日期 ${rec.value.bulletined.date} 早于督查通报 ${ref} 的印发日期 ${b.value.date}`, hint: 'bulletined.date 填通报印发之日或之后' }));
    }
  }
  return out;
};

export const planLinks: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const p of ctx.ledger.plans) {
    const v = p.value;
    // the 《督查考核通知》 must be out before the on-site inspection starts
    const started = v.applications.some((id) => ctx.index.items.get(id)?.value.inspection);
    if (v.mode === 'onsite' && !v.inspection_notice && started) out.push(at(p, ['mode'], 'plan-onsite-notice'));
    if (v.inspection_notice && v.inspection_notice.date > v.period.from) {
      out.push(at(p, ['inspection_notice', 'date'], 'plan-mismatch', { detail: `《督查考核通知》下达日期 ${v.inspection_notice.date} 晚于督查开始日期 ${v.period.from}，须提前下达`, hint: 'inspection_notice.date 应不晚于 period.from' }));
    }
    const unsent = v.inspection_notice ? v.targets.filter((u) => !v.inspection_notice!.to.includes(u)) : [];
    if (unsent.length) {
      out.push(at(p, ['inspection_notice', 'to'], 'plan-mismatch', { detail: `《督查考核通知》没有送达督查对象 ${unsent.join('、')}`, hint: 'inspection_notice.to 应列出全部督查对象（targets），提前向每个被督查单位下达通知' }));
    }
    if (v.period.to < v.period.from) {
      out.push(at(p, ['period', 'to'], 'plan-mismatch', { detail: `督查结束日期 ${v.period.to} 早于开始日期 ${v.period.from}`, hint: '请核对督查时间 period 的 from（开始）和 to（结束）' }));
    }
    v.applications.forEach((id, i) => {
      const it = ctx.index.items.get(id)?.value;
      if (!it) return;
      if (it.kind !== 'special') {
        out.push(at(p, ['applications', i], 'plan-mismatch', { detail: `${id} 不是专项督查事项，不能列入方案` }));
      } else if (it.state === 'merged') {
        const into = it.merge?.into;
        if (into && !v.applications.includes(into)) {
          out.push(at(p, ['applications', i], 'plan-mismatch', { detail: `${id} 已合并到 ${into}，但 ${into} 不在本方案中` }));
        }
      } else if (it.planned && it.planned.plan !== v.id) {
        // an approved application not yet moved to `planned` is fine: the
        // plan is filed first, then each application points at it
        out.push(at(p, ['applications', i], 'plan-mismatch', { detail: `${id} 的 planned.plan 没有指向本方案 ${v.id}（状态 ${it.state}）` }));
      }
    });
  }
  for (const rec of ctx.ledger.items) {
    const ref = rec.value.planned?.plan;
    const p = ref ? ctx.index.plans.get(ref) : undefined;
    if (p && !p.value.applications.includes(rec.value.id)) {
      out.push(at(rec, ['planned', 'plan'], 'plan-mismatch', { detail: `方案 ${ref} 的 applications 中没有本事项 ${rec.value.id}` }));
    }
  }
  return out;
};

export const mergeLinks: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const rec of ctx.ledger.items) {
    const m = rec.value.merge;
    if (!m) continue;
    const target = ctx.index.items.get(m.into)?.value;
    if (!target) continue;
    if (m.into === rec.value.id) {
      out.push(at(rec, ['merge', 'into'], 'merge-target', { detail: '不能合并到本事项自身' }));
    } else if (target.kind !== 'special') {
      out.push(at(rec, ['merge', 'into'], 'merge-target', { detail: `合并目标 ${m.into} 不是专项督查事项` }));
    } else if (VOID_STATES.includes(target.state)) {
      out.push(at(rec, ['merge', 'into'], 'merge-target', { detail: `合并目标 ${m.into} 状态为 ${target.state}，已终结` }));
    } else if (target.planned) {
      const plan = ctx.index.plans.get(target.planned.plan);
      if (plan && !plan.value.applications.includes(rec.value.id)) {
        out.push(at(rec, ['merge', 'into'], 'merge-target', { detail: `合并目标 ${m.into} 的方案 ${plan.value.id} 没有把本申请 ${rec.value.id} 列入 applications` }));
      }
    }
  }
  return out;
};
