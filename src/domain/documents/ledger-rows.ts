/**
 * The rows of the 《督查工作台账》 as real ledgers print it (序号, 编号, 类别,
 * 事项, 来源, 责任领导, 牵头单位, 配合单位, 时限, 状态, 最新进展, 警示灯,
 * 备注), one per item, for the Excel writer and anything else that lays
 * the ledger out as a table. Pure.
 */
import { itemFigures, LIGHT_LABELS, type Light } from '../figures.ts';
import type { Ledger } from '../ledger.ts';
import type { Period } from '../period.ts';
import { PRIORITY_LABELS, SOURCE_TYPE_LABELS, type Item } from '../schemas/item.ts';
import { KIND_LABELS, STATE_LABELS, type ItemKind } from '../workflow.ts';
import { namesOf } from './names.ts';

export interface LedgerRow {
  id: string;
  year: string;
  kind: ItemKind;
  kindLabel: string;
  title: string;
  source: string;
  leaders: string;
  leadUnit: string;
  coUnits: string;
  /** Deadline in force (YYYY-MM-DD). */
  deadline: string;
  state: string;
  latest: string;
  /** Date of the latest report, if any. */
  latestDate?: string;
  light: Light;
  lightLabel: string;
  note: string;
}

export const LEDGER_COLUMNS = ['序号', '编号', '类别', '事项', '来源', '责任领导', '牵头单位', '配合单位', '时限', '状态', '最新进展', '警示灯', '备注'] as const;

/** Whether `it` belongs in the 台账 of `p`: registered by its end and open, due or registered within it. */
export function activeIn(it: Item, p: Period): boolean {
  const created = it.registered?.date ?? it.application?.date ?? it.source.date;
  if (created > p.to) return false;
  if (created >= p.from || (it.deadline >= p.from && it.deadline <= p.to)) return true;
  const ended = it.closure?.date ?? it.cancellation?.date ?? it.rejection?.date ?? it.merge?.date;
  return !ended || ended >= p.from;
}

function noteOf(it: Item): string {
  const parts: string[] = [];
  if (it.priority !== 'normal') parts.push(PRIORITY_LABELS[it.priority]);
  if (it.flag && !it.flag.lifted) parts.push(`挂牌督办（${it.flag.date}）`);
  if (it.extensions.length) parts.push(`延期${it.extensions.length}次，原时限${it.extensions[0]!.from}`);
  if (it.returns.length) parts.push(`退回${it.returns.length}次`);
  if (it.accountability.length) parts.push(`问责${it.accountability.length}次`);
  if (it.cancellation) parts.push(`撤销：${it.cancellation.reason}`);
  if (it.merge) parts.push(`并入${it.merge.into}`);
  if (it.source.doc_no) parts.push(it.source.doc_no);
  return parts.join('；');
}

export function ledgerRows(ledger: Ledger, today: string, period?: Period): LedgerRow[] {
  const n = namesOf(ledger);
  const cfg = ledger.config?.value;
  const settings = { today, warningDays: cfg?.warning_days ?? 7, graceDays: cfg?.feedback_grace_days ?? 2 };
  const reports = new Map<string, { date: string; done: boolean; progress: string }[]>();
  for (const r of ledger.reports) (reports.get(r.itemId) ?? reports.set(r.itemId, []).get(r.itemId)!).push({ date: r.value.date, done: r.value.done, progress: r.value.progress });
  return ledger.items
    .map((r) => r.value)
    .filter((it) => !period || activeIn(it, period))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((it) => {
      const rs = (reports.get(it.id) ?? []).sort((a, b) => a.date.localeCompare(b.date));
      const last = rs[rs.length - 1];
      const fig = itemFigures(it, rs, settings);
      return {
        id: it.id,
        year: it.id.slice(3, 7),
        kind: it.kind,
        kindLabel: KIND_LABELS[it.kind],
        title: it.title,
        source: `${it.source.name}（${SOURCE_TYPE_LABELS[it.source.type] ?? it.source.type}，${it.source.date}）`,
        leaders: it.leaders.map(n.person).join('、'),
        leadUnit: n.unit(it.lead_unit),
        coUnits: it.co_units.map(n.unit).join('、'),
        deadline: it.deadline,
        state: STATE_LABELS[it.state],
        latest: last ? `${last.date} ${last.progress}` : '',
        latestDate: last?.date,
        light: fig.light,
        lightLabel: LIGHT_LABELS[fig.light],
        note: noteOf(it),
      };
    });
}
