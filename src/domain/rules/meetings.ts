/**
 * 分解立项 (notice 二、（二）1): a meeting record lists the items its
 * decisions were decomposed into, and each of those items names the
 * meeting as its source — same type, same date.
 */
import type { Issue } from '../issues.ts';
import { KIND_LABELS } from '../workflow.ts';
import { SOURCE_TYPE_LABELS } from '../schemas/item.ts';
import { at, type Rule } from './context.ts';

export const meetingLinks: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const m of ctx.ledger.meetings) {
    m.value.items.forEach((id, i) => {
      const it = ctx.index.items.get(id)?.value;
      if (!it) return; // reported by references
      if (it.kind !== 'meeting') out.push(at(m, ['items', i], 'meeting-mismatch', { detail: `${id} 是“${KIND_LABELS[it.kind]}”事项，会议只能分解出会议督办事项` }));
      else if (it.source.meeting !== m.value.id) {
        out.push(at(m, ['items', i], 'meeting-mismatch', { detail: `事项 ${id} 的 source.meeting ${it.source.meeting ? `是 ${it.source.meeting}` : '没有填写'}，应为本会议 ${m.value.id}` }));
      }
    });
  }
  for (const rec of ctx.ledger.items) {
    const it = rec.value;
    const ref = it.source.meeting;
    if (!ref) continue;
    if (it.kind !== 'meeting') {
      out.push(at(rec, ['source', 'meeting'], 'meeting-mismatch', { detail: `只有会议督办事项才由会议分解立项，本事项是“${KIND_LABELS[it.kind]}”` }));
      continue;
    }
    const m = ctx.index.meetings.get(ref)?.value;
    if (!m) continue;
    if (!m.items.includes(it.id)) out.push(at(rec, ['source', 'meeting'], 'meeting-mismatch', { detail: `会议 ${ref} 的 items 中没有本事项 ${it.id}` }));
    if (it.source.type !== m.type) {
      out.push(at(rec, ['source', 'type'], 'meeting-mismatch', { detail: `来源类型 ${it.source.type}（${SOURCE_TYPE_LABELS[it.source.type]}）与会议 ${ref} 的类型 ${m.type}（${SOURCE_TYPE_LABELS[m.type]}）不一致` }));
    }
    if (it.source.date !== m.date) out.push(at(rec, ['source', 'date'], 'meeting-mismatch', { detail: `来源日期 ${it.source.date} 与会议 ${ref} 的日期 ${m.date} 不一致` }));
  }
  return out;
};
