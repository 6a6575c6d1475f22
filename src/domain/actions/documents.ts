/**
 * The documents a step issues with it: assigning meeting items issues a
 * 《督办通知》 listing them, filing a special inspection issues its
 * 《专项督查考核方案》, bulletining issues the 督查通报. Each is found by the
 * item field that refers to it (`assigned.notice`); when the step is given
 * no number, the document is created with the next free one, its fields
 * derived from the items (recipients from their leaders and units) unless
 * given. Pure: ids, dates, names in; the document's data and body out.
 *
 * A meeting record for 分解立项 is written once for a batch of new items
 * (`BATCH_DOCUMENTS`); the command and the writer pick these up.
 */
import type { z } from 'zod';
import { bulletin as bulletinSchema, type BULLETIN_KINDS } from '../schemas/bulletin.ts';
import type { Config } from '../schemas/config.ts';
import type { Item } from '../schemas/item.ts';
import { meeting as meetingSchema } from '../schemas/meeting.ts';
import { notice as noticeSchema } from '../schemas/notice.ts';
import type { Person } from '../schemas/people.ts';
import { MODE_LABELS, plan as planSchema } from '../schemas/plan.ts';
import { KIND_LABELS, type ItemKind } from '../workflow.ts';
import { inputsOfShape, withDefaults, type StepInput } from './inputs.ts';
import type { NumberedKind } from './numbering.ts';

export interface DocumentContext {
  id: string;
  year: string;
  number: number;
  /** 文号 following the last document of this kind. */
  docNo: string;
  date: string;
  actor: Person;
  /** The items the step moves (as they were before it). */
  items: Item[];
  /** Values of the document's own inputs, by option name. */
  values: Record<string, unknown>;
  config?: Config;
  unitName: (id: string) => string;
  personName: (id: string) => string;
}

export interface DocumentSpec {
  kind: NumberedKind & ('notice' | 'plan' | 'bulletin');
  label: string;
  /** The item field naming the document. */
  ref: string[];
  /** Item kinds whose step creates the document when no number is given. */
  createFor: ItemKind[];
  /** The 文号 pattern used when the ledger has no document of this kind yet. */
  docNoFallback?: (config?: Config) => string;
  inputs: StepInput[];
  build(ctx: DocumentContext): { data: Record<string, unknown>; body: string };
}

const shapeOf = (s: unknown) => (s as z.ZodObject).shape as unknown as Parameters<typeof inputsOfShape>[1];

/** Document inputs: every key of its schema but those the step derives; all optional (derived when absent). */
function documentInputs(kind: 'notice' | 'plan' | 'bulletin' | 'meeting', schema: unknown, omit: string[], derived: string[], required: string[] = []): StepInput[] {
  const shape = Object.fromEntries(Object.entries(shapeOf(schema)).filter(([k]) => !omit.includes(k)));
  return withDefaults(inputsOfShape(kind, shape, [], '', '', false)).map((i) => ({
    ...i,
    required: required.includes(i.option),
    default: required.includes(i.option) ? undefined : (i.default ?? (derived.includes(i.option) ? 'derived' : undefined)),
  }));
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const list = (v: unknown) => (Array.isArray(v) && v.length ? (v as string[]) : undefined);
const orgShort = (config?: Config) => (config?.organisation ?? '').replace(/(街道|办事处)$/, '') || '督查';
const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** Drop keys whose value is undefined or an empty optional list, keeping key order. */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export const NOTICE: DocumentSpec = {
  kind: 'notice',
  label: '督办通知',
  ref: ['assigned', 'notice'],
  createFor: ['meeting'],
  docNoFallback: (c) => `${orgShort(c)}督办〔2026〕1号`,
  inputs: documentInputs('notice', noticeSchema, ['id', 'date', 'by', 'items'], ['title', 'doc-no', 'to-leaders', 'to-units', 'report-requirement', 'visibility']),
  build(ctx) {
    const v = ctx.values;
    const its = ctx.items;
    const sources = uniq(its.map((i) => i.source.name));
    const title =
      str(v.title) ?? (sources.length === 1 && its.length > 1 ? `关于督办${sources[0]}议定事项的通知` : `关于督办“${its[0]!.title}”${its.length > 1 ? `等${its.length}项事项` : ''}的通知`);
    const toLeaders = list(v['to-leaders']) ?? uniq(its.flatMap((i) => i.leaders));
    const toUnits = list(v['to-units']) ?? uniq(its.flatMap((i) => [i.lead_unit, ...i.co_units]));
    const requirement = str(v['report-requirement']) ?? (its.length === 1 ? its[0]!.requirements : undefined);
    const docNo = str(v['doc-no']) ?? ctx.docNo;
    const data = compact({
      id: ctx.id,
      title,
      doc_no: docNo,
      date: ctx.date,
      by: ctx.actor.id,
      approved_by: str(v['approved-by']),
      items: its.map((i) => i.id),
      to_leaders: toLeaders,
      to_units: toUnits,
      report_requirement: requirement,
      visibility: str(v.visibility) ?? 'internal',
    });
    const lines = [
      '# 督办通知',
      '',
      `**${docNo}**`,
      '',
      `## ${title}`,
      '',
      `${toUnits.map(ctx.unitName).join('、')}：`,
      '',
      `根据${sources.join('、')}要求和街道主要领导批示意见，现将有关事项督办如下，请相关分管领导安排责任单位抓好落实。`,
      '',
      '## 一、督办事项',
      '',
      ...its.flatMap((i, n) => [
        `${n + 1}. **${i.title}**（${i.id}）`,
        `   - 督查内容：${i.content}`,
        `   - 牵头单位：${ctx.unitName(i.lead_unit)}${i.co_units.length ? `；配合单位：${i.co_units.map(ctx.unitName).join('、')}` : ''}`,
        `   - 责任领导：${i.leaders.map(ctx.personName).join('、')}`,
        `   - 落实时限：${i.deadline}`,
      ]),
      '',
      '## 二、办理要求',
      '',
      ...its.map((i, n) => `${n + 1}. ${i.title}：${i.requirements}`),
      '',
      '请各责任单位按办理要求和时限抓好落实，通过台账报送落实情况；遇有困难及时向分管领导和考核督查办报告。',
      '',
      `联系人：${ctx.config?.office ?? '考核督查办'} ${ctx.actor.name}`,
      '',
      `${ctx.config?.office ?? '考核督查办'}　　${cnDate(ctx.date)}`,
      '',
    ];
    return { data, body: lines.join('\n') };
  },
};

export const PLAN: DocumentSpec = {
  kind: 'plan',
  label: '专项督查考核方案',
  ref: ['planned', 'plan'],
  createFor: ['special'],
  inputs: documentInputs('plan', planSchema, ['id', 'date', 'by'], ['title', 'applications', 'targets', 'content', 'requirements', 'scoring-units', 'visibility', 'inspection-notice-to'], ['mode', 'period-from', 'period-to']),
  build(ctx) {
    const v = ctx.values;
    const its = ctx.items;
    const first = its[0]!;
    const applications = uniq([...its.map((i) => i.id), ...(list(v.applications) ?? [])]);
    const mode = str(v.mode) as keyof typeof MODE_LABELS;
    const period = { from: str(v['period-from'])!, to: str(v['period-to'])! };
    const targets = list(v.targets) ?? uniq(its.flatMap((i) => i.co_units.length ? i.co_units : [i.lead_unit]));
    const noticeDoc = str(v['inspection-notice-doc-no']);
    const data = compact({
      id: ctx.id,
      title: str(v.title) ?? `${first.title.replace(/专项督查$/, '')}专项督查考核方案`,
      date: ctx.date,
      by: ctx.actor.id,
      applications,
      mode,
      period,
      targets,
      content: str(v.content) ?? first.content,
      requirements: str(v.requirements) ?? first.requirements,
      inspection_notice: noticeDoc
        ? compact({
            date: str(v['inspection-notice-date']) ?? ctx.date,
            doc_no: noticeDoc,
            to: list(v['inspection-notice-to']) ?? targets,
            staff: str(v['inspection-notice-staff']),
            vehicle: str(v['inspection-notice-vehicle']),
          })
        : undefined,
      scoring_units: list(v['scoring-units']) ?? uniq(its.map((i) => i.lead_unit)),
      visibility: str(v.visibility) ?? 'internal',
      note: str(v.note),
    });
    const d = data as { title: string; content: string; requirements: string };
    const body = [
      `# ${d.title}`,
      '',
      `根据${uniq(its.map((i) => ctx.unitName(i.lead_unit))).join('、')}的督查考核申请及街道主要领导批示，制定本方案。`,
      '',
      '## 一、督查时间',
      '',
      `${cnDate(period.from)}至${cnDate(period.to)}。`,
      '',
      '## 二、督查对象',
      '',
      `${targets.map(ctx.unitName).join('、')}。`,
      '',
      '## 三、督查内容',
      '',
      d.content,
      '',
      '## 四、督查方式',
      '',
      `${MODE_LABELS[mode] ?? mode}。`,
      '',
      '## 五、工作要求',
      '',
      d.requirements,
      '',
      `${ctx.config?.office ?? '考核督查办'}　　${cnDate(ctx.date)}`,
      '',
    ];
    return { data, body: body.join('\n') };
  },
};

export const BULLETIN: DocumentSpec = {
  kind: 'bulletin',
  label: '督查通报',
  ref: ['bulletined', 'bulletin'],
  createFor: ['meeting', 'special'],
  inputs: documentInputs('bulletin', bulletinSchema, ['id', 'year', 'number', 'date', 'items', 'drafted', 'period', 'figures', 'draft'], ['title', 'kind', 'distribution-issue-to', 'visibility'], ['reviewed-by', 'approved-by']),
  build(ctx) {
    const v = ctx.values;
    const its = ctx.items;
    const kind = (str(v.kind) ?? (its.every((i) => i.kind === 'special') ? 'special' : 'meeting')) as (typeof BULLETIN_KINDS)[number];
    const title = str(v.title) ?? `关于${its.length === 1 ? `“${its[0]!.title}”` : `${KIND_LABELS[its[0]!.kind as ItemKind]}事项`}落实情况的通报`;
    const issueTo = list(v['distribution-issue-to']) ?? ['各部门、各社区'];
    const reportTo = list(v['distribution-report-to']) ?? [];
    const sendTo = list(v['distribution-send-to']) ?? [];
    const data = compact({
      id: ctx.id,
      year: Number(ctx.year),
      number: ctx.number,
      total: typeof v.total === 'number' ? v.total : undefined,
      title,
      kind,
      date: ctx.date,
      items: its.map((i) => i.id),
      drafted: { date: str(v['drafted-date']) ?? ctx.date, by: ctx.actor.id },
      reviewed: { date: str(v['reviewed-date']) ?? ctx.date, by: str(v['reviewed-by'])! },
      approved: compact({ date: str(v['approved-date']) ?? ctx.date, by: str(v['approved-by'])!, text: str(v['approved-text']) }),
      distribution: { report_to: reportTo, send_to: sendTo, issue_to: issueTo },
      copies: typeof v.copies === 'number' ? v.copies : undefined,
      visibility: str(v.visibility) ?? 'internal',
    });
    const body = [
      `${issueTo.join('、')}：`,
      '',
      `现将${uniq(its.map((i) => KIND_LABELS[i.kind as ItemKind])).join('、')}事项的落实情况通报如下。`,
      '',
      '## 一、通报事项',
      '',
      ...its.map((i, n) => `${n + 1}. **${i.title}**（${i.id}）：牵头单位${ctx.unitName(i.lead_unit)}，落实时限 ${i.deadline}。`),
      '',
      // no 版记 in the body: distribution, date and copies are laid out from the fields
    ];
    return { data, body: body.join('\n') };
  },
};

/** Documents a step issues, found by the item field that names them. */
export const DOCUMENTS: DocumentSpec[] = [NOTICE, PLAN, BULLETIN];

/**
 * A document written once for a batch of new items: the meeting record of
 * 分解立项 (records/meetings/), listing the items one meeting's decisions
 * were decomposed into. Each new item names it (`source.meeting`); a batch
 * registered with `--source-meeting HY-…` joins that meeting's record
 * instead of starting a new one.
 */
export interface BatchDocumentSpec {
  action: string;
  kind: NumberedKind & 'meeting';
  label: string;
  /** Item kinds whose batch registration writes it. */
  createFor: ItemKind[];
  /** The item field naming it. */
  ref: string[];
  /** The record's list of the items. */
  itemsKey: string;
  /** Its own options (besides what the items give). */
  inputs: StepInput[];
  build(ctx: DocumentContext): { data: Record<string, unknown>; body: string };
}

const VISIBILITY_ORDER = ['public', 'internal', 'restricted'];

export const MEETING: BatchDocumentSpec = {
  action: 'register',
  kind: 'meeting',
  label: '会议分解立项记录',
  createFor: ['meeting'],
  ref: ['source', 'meeting'],
  itemsKey: 'items',
  inputs: documentInputs('meeting', meetingSchema, ['id', 'title', 'type', 'date', 'by', 'items', 'visibility'], ['minutes-no']),
  build(ctx) {
    const its = ctx.items;
    const first = its[0]!;
    // the record is as open as its most restricted item
    const visibility = VISIBILITY_ORDER[Math.max(...its.map((i) => VISIBILITY_ORDER.indexOf(i.visibility)))] ?? 'internal';
    const data = compact({
      id: ctx.id,
      title: first.source.name,
      type: first.source.type,
      date: first.source.date,
      minutes_no: str(ctx.values['minutes-no']) ?? first.source.doc_no,
      chaired_by: str(ctx.values['chaired-by']),
      by: ctx.actor.id,
      items: its.map((i) => i.id),
      visibility,
    });
    const body = [
      `# ${first.source.name}`,
      '',
      `${cnDate(first.source.date)}会议议定的事项，分解立项如下（一项任务一个督办事项）：`,
      '',
      ...its.map((i, n) => `${n + 1}. **${i.title}**（${i.id}）：${i.content}牵头单位${ctx.unitName(i.lead_unit)}${i.co_units.length ? `，配合单位${i.co_units.map(ctx.unitName).join('、')}` : ''}；责任领导${i.leaders.map(ctx.personName).join('、')}；落实时限 ${i.deadline}。`),
      '',
    ];
    return { data, body: body.join('\n') };
  },
};

export const BATCH_DOCUMENTS: BatchDocumentSpec[] = [MEETING];

/** The document an item field refers to, if it is one. */
export function documentAt(path: readonly string[]): DocumentSpec | undefined {
  return DOCUMENTS.find((d) => d.ref.join('.') === path.join('.'));
}
