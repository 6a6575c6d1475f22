/**
 * What one commit did to one supervision item, in words staff read on the
 * item's timeline: “状态 已交办 → 办理中”, “时限 2026-04-30 → 2026-05-31”,
 * “新增领导批示”. Never a raw diff. Pure: given two versions (or none) of an
 * item and a way to name people and units.
 */
import type { Item } from './schemas/item.ts';
import { CADENCE_LABELS, PRIORITY_LABELS, REMINDER_METHOD_LABELS, SOURCE_TYPE_LABELS } from './schemas/item.ts';
import { STATE_LABELS, type StepField } from './workflow.ts';

/** How people and units are named in the sentences (id → display name). */
export interface Names {
  person: (id: string) => string;
  unit: (id: string) => string;
}

export const plainNames: Names = { person: (id) => id, unit: (id) => id };

/** Step fields with the words for “this step was recorded”. */
export const STEP_WORDS: Record<StepField, string> = {
  registered: '登记备案',
  instruction: '领导批示',
  assigned: '交办',
  arranged: '分管领导安排办理',
  summary: '督查汇报',
  submitted: '上报上级',
  application: '督查考核申请',
  approval: '主要领导批准',
  rejection: '不予批准',
  merge: '合并督查',
  planned: '方案备案',
  inspection: '督查实施',
  lead_opinion: '主导性通报意见',
  bulletined: '通报',
  closure: '销号',
  archive: '归档',
  cancellation: '撤销',
};

const STEP_ORDER = Object.keys(STEP_WORDS) as StepField[];

/** Labels of the content fields, in the order they are described. */
export const CONTENT_WORDS = {
  title: '事项名称',
  source: '来源',
  content: '督查内容',
  requirements: '办理要求',
  leaders: '责任领导',
  lead_unit: '牵头单位',
  co_units: '配合单位',
  reports_due: '报送要求',
  priority: '缓急',
  visibility: '公开范围',
  tags: '标签',
} as const;

export const VISIBILITY_LABELS: Record<Item['visibility'], string> = {
  public: '公开',
  internal: '内部',
  restricted: '限定范围',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Short quote of free text for a sentence. */
export function clip(s: string, max = 40): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

export function reportsDueText(v: Item['reports_due']): string {
  return Array.isArray(v) ? `按日期报送：${v.join('、')}` : CADENCE_LABELS[v];
}

function stepDetail(f: StepField, it: Item, n: Names): string {
  switch (f) {
    case 'instruction':
      return it.instruction ? `（${n.person(it.instruction.by)}：${clip(it.instruction.text)}）` : '';
    case 'assigned':
      return it.assigned?.notice ? `（督办通知 ${it.assigned.notice}）` : '';
    case 'submitted':
      return it.submitted ? `（报 ${it.submitted.to}）` : '';
    case 'rejection':
      return it.rejection ? `（${clip(it.rejection.reason)}）` : '';
    case 'merge':
      return it.merge ? `（并入 ${it.merge.into}）` : '';
    case 'planned':
      return it.planned ? `（方案 ${it.planned.plan}）` : '';
    case 'bulletined':
      return it.bulletined ? `（${it.bulletined.bulletin}）` : '';
    case 'archive':
      return it.archive ? `（档号 ${it.archive.ref}）` : '';
    case 'cancellation':
      return it.cancellation ? `（${clip(it.cancellation.reason)}）` : '';
    default:
      return '';
  }
}

function contentValue(k: keyof typeof CONTENT_WORDS, it: Item, n: Names): string {
  switch (k) {
    case 'leaders':
      return it.leaders.map(n.person).join('、') || '无';
    case 'lead_unit':
      return n.unit(it.lead_unit);
    case 'co_units':
      return it.co_units.map(n.unit).join('、') || '无';
    case 'reports_due':
      return reportsDueText(it.reports_due);
    case 'priority':
      return PRIORITY_LABELS[it.priority];
    case 'visibility':
      return VISIBILITY_LABELS[it.visibility];
    case 'tags':
      return it.tags.join('、') || '无';
    case 'source':
      return `${SOURCE_TYPE_LABELS[it.source.type] ?? it.source.type}：${clip(it.source.name, 30)}`;
    default:
      return clip(String(it[k]), 30);
  }
}

/** Short values are shown as “from → to”; long text only as “修改”. */
const SHOW_VALUES = new Set<keyof typeof CONTENT_WORDS>(['leaders', 'lead_unit', 'co_units', 'reports_due', 'priority', 'visibility', 'tags']);

export interface ItemChange {
  /** The state move, when there was one. */
  from?: Item['state'];
  to?: Item['state'];
  /** Sentences, most important first. */
  words: string[];
}

/**
 * Describe the change from `before` to `after` (either may be missing:
 * created, deleted). `bodyChanged`: whether the Markdown body differs.
 */
export function describeItemChange(before: Item | undefined, after: Item | undefined, n: Names = plainNames, bodyChanged = false): ItemChange {
  if (!after) return { words: before ? ['删除事项文件'] : [] };
  if (!before) {
    const words = [`登记事项：${clip(after.title, 30)}（${STATE_LABELS[after.state]}）`, `时限 ${after.deadline}`];
    return { to: after.state, words };
  }
  const words: string[] = [];
  const out: ItemChange = { words };
  if (before.state !== after.state) {
    out.from = before.state;
    out.to = after.state;
    words.push(`状态 ${STATE_LABELS[before.state]} → ${STATE_LABELS[after.state]}`);
  }
  if (before.deadline !== after.deadline) words.push(`时限 ${before.deadline} → ${after.deadline}`);

  for (const f of STEP_ORDER) {
    const a = (before as Record<string, unknown>)[f];
    const b = (after as Record<string, unknown>)[f];
    if (a === undefined && b !== undefined) words.push(`新增${STEP_WORDS[f]}${stepDetail(f, after, n)}`);
    else if (a !== undefined && b === undefined) words.push(`删除${STEP_WORDS[f]}`);
    else if (a !== undefined && !same(a, b)) words.push(`修改${STEP_WORDS[f]}`);
  }

  const grown = <T>(a: T[], b: T[]) => (b.length >= a.length && a.every((e, i) => same(e, b[i])) ? b.slice(a.length) : undefined);
  const lists: [string, unknown[], unknown[], (e: never) => string][] = [
    ['延期记录', before.extensions, after.extensions, (e: Item['extensions'][number]) => `：${e.from} → ${e.to}（${n.person(e.approved_by)}批准）`],
    ['退回记录', before.returns, after.returns, (e: Item['returns'][number]) => `：${clip(e.reason)}`],
    ['问责记录', before.accountability, after.accountability, (e: Item['accountability'][number]) => `：${clip(e.measure, 30)}`],
    ['移送纪工委记录', before.referrals, after.referrals, (e: Item['referrals'][number]) => `（${n.person(e.approved_by)}批准）`],
    ['纪工委签收记录', before.referral_receipts, after.referral_receipts, (e: Item['referral_receipts'][number]) => `：第 ${e.referral} 条移送${e.case_no ? `，受理编号 ${e.case_no}` : ''}`],
    ['纪工委反馈记录', before.referral_outcomes, after.referral_outcomes, (e: Item['referral_outcomes'][number]) => `：第 ${e.referral} 条移送，${clip(e.result, 30)}`],
    ['签收记录', before.acknowledgements, after.acknowledgements, (e: Item['acknowledgements'][number]) => `：${n.unit(e.unit)}（${n.person(e.by)}，${e.date}）`],
    ['落实情况审核记录', before.reviews, after.reviews, (e: Item['reviews'][number]) => `：${e.report} ${e.result === 'accepted' ? '审核通过' : `退回重报${e.reason ? `（${clip(e.reason, 30)}）` : ''}`}`],
    ['实地督查考核得分', before.scores, after.scores, (e: Item['scores'][number]) => `：${n.unit(e.unit)} ${e.score} 分`],
    ['电话和文字督查汇总', before.inspection_summaries, after.inspection_summaries, (e: Item['inspection_summaries'][number]) => `：上报${n.person(e.to)}`],
    ['催办记录', before.reminders, after.reminders, (e: Item['reminders'][number]) => `：${REMINDER_METHOD_LABELS[e.method]}催办${e.to.join('、')}`],
  ];
  for (const [label, a, b, detail] of lists) {
    const added = grown(a, b);
    if (added === undefined) words.push(`改写${label}`);
    else for (const e of added) words.push(`新增${label}${detail(e as never)}`);
  }

  if (!same(before.flag, after.flag)) {
    if (!before.flag && after.flag) words.push(`挂牌督办：${clip(after.flag.reason)}`);
    else if (before.flag && !before.flag.lifted && after.flag?.lifted) words.push(`摘牌（${after.flag.lifted}）`);
    else if (before.flag && !after.flag) words.push('删除挂牌督办');
    else words.push('修改挂牌督办');
  }

  for (const k of Object.keys(CONTENT_WORDS) as (keyof typeof CONTENT_WORDS)[]) {
    if (same(before[k], after[k])) continue;
    words.push(
      SHOW_VALUES.has(k)
        ? `${CONTENT_WORDS[k]} ${contentValue(k, before, n)} → ${contentValue(k, after, n)}`
        : `修改${CONTENT_WORDS[k]}`,
    );
  }
  if (bodyChanged) words.push('修改正文说明');
  if (!words.length) words.push('格式调整（内容未变）');
  return out;
}

/** A new progress report, as a timeline sentence. */
export function describeReportAdded(unit: string, date: string, n: Names = plainNames): string {
  return `新增落实情况（${n.unit(unit)}，${date}）`;
}
