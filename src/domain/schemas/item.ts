/**
 * A supervision item (督办事项): one row of the 《督查工作台账》, stored as
 * `records/items/<year>/<id>/item.md`. The three kinds share one shape; what differs
 * (sources, states) is checked against the workflow table.
 */
import { z } from 'zod';
import {
  bulletinId,
  calendarDate,
  itemId,
  listOf,
  noticeId,
  optionalText,
  personRef,
  planId,
  text,
  unitRef,
  visibility,
} from './common.ts';
import { ITEM_KINDS, STATES, STATE_LABELS, KIND_LABELS } from '../workflow.ts';

export const SOURCE_TYPES = {
  superior: ['document', 'meeting', 'speech', 'instruction', 'assignment', 'phone'],
  meeting: ['party_committee', 'cadre_meeting', 'topic_meeting', 'field_visit'],
  special: ['department'],
} as const;

export const SOURCE_TYPE_LABELS: Record<string, string> = {
  document: '上级重要文件',
  meeting: '上级重要会议',
  speech: '领导重要讲话',
  instruction: '上级领导批示',
  assignment: '上级交办事项',
  phone: '上级电话通知',
  party_committee: '党工委会议',
  cadre_meeting: '科级干部例会',
  topic_meeting: '专题工作会议',
  field_visit: '主要领导调研/现场办公',
  department: '部门申请专项督查',
};

const ALL_SOURCE_TYPES = [...new Set(Object.values(SOURCE_TYPES).flat())] as [string, ...string[]];

export const source = z.strictObject({
  /** 来源类型（上级文件、党工委会议……），须与事项类别相符 */
  type: z.enum(ALL_SOURCE_TYPES, {
    error: `来源类型只能是：${ALL_SOURCE_TYPES.map((t) => `${t}（${SOURCE_TYPE_LABELS[t]}）`).join('、')}`,
  }),
  /** 来源名称：文件标题、会议名称 */
  name: text,
  /** 文号，例如 区委办〔2026〕12号 */
  doc_no: optionalText,
  /** 发文或会议日期 */
  date: calendarDate,
  /** 发文/交办机关，例如 高新区党工委 */
  issuer: optionalText,
});

/** How a 催办 reached the unit. */
export const REMINDER_METHODS = ['phone', 'message', 'notice', 'visit'] as const;
export const REMINDER_METHOD_LABELS: Record<(typeof REMINDER_METHODS)[number], string> = {
  phone: '电话',
  message: '短信/工作群',
  notice: '书面催办单',
  visit: '上门',
};

export const PRIORITIES = ['normal', 'urgent', 'special'] as const;
export const PRIORITY_LABELS: Record<(typeof PRIORITIES)[number], string> = {
  normal: '常规',
  urgent: '急事急办',
  special: '特事特办',
};

export const REPORT_CADENCES = ['once', 'weekly', 'biweekly', 'monthly'] as const;
export const CADENCE_LABELS: Record<(typeof REPORT_CADENCES)[number], string> = {
  once: '办结时报送一次',
  weekly: '每周报送',
  biweekly: '每两周报送',
  monthly: '每月报送',
};

/** 报送要求：一个周期，或具体的报送日期列表。 */
export const reportsDue = z.union([
  z.enum(REPORT_CADENCES, {
    error: `报送要求只能是 ${REPORT_CADENCES.join('、')}，或者一组日期（例如 [2026-04-10, 2026-04-30]）`,
  }),
  z.array(calendarDate).min(1),
]);

const step = z.strictObject({ date: calendarDate, by: personRef, note: optionalText });

export const item = z.strictObject({
  /** 编号，例如 DB-2026-0031；与文件夹名一致，一经登记不得更改 */
  id: itemId,
  /** 事项名称 */
  title: text,
  /** 类别：superior 上级督查、meeting 会议督办、special 专项督查；不得更改 */
  kind: z.enum(ITEM_KINDS, {
    error: `类别只能是：${ITEM_KINDS.map((k) => `${k}（${KIND_LABELS[k]}）`).join('、')}`,
  }),
  /** 来源 */
  source,
  /** 督查内容 */
  content: text,
  /** 办理要求 */
  requirements: text,
  /** 落实时限；只能通过追加延期记录（extensions）更改 */
  deadline: calendarDate,
  /** 责任领导（people.yml） */
  leaders: listOf(personRef).pipe(z.array(personRef).min(1, { error: '至少要有一位责任领导' })),
  /** 牵头单位（units.yml）：对事项负总责，计入该单位的统计 */
  lead_unit: unitRef,
  /** 配合单位 */
  co_units: listOf(unitRef).default([]),
  /** 报送要求 */
  reports_due: reportsDue.default('once'),
  /** 缓急：normal 常规、urgent 急事急办、special 特事特办 */
  priority: z
    .enum(PRIORITIES, { error: '缓急只能是 normal（常规）、urgent（急事急办）或 special（特事特办）' })
    .default('normal'),
  /** 当前状态（见工作流程表） */
  state: z.enum(STATES, {
    error: `状态只能是：${STATES.map((s) => `${s}（${STATE_LABELS[s]}）`).join('、')}`,
  }),
  /** 公开范围 */
  visibility: visibility.default('internal'),
  /** 标签 */
  tags: listOf(text).default([]),

  /** 登记：考核督查办登记备案 */
  registered: step.optional(),
  /** 领导批示：主要领导批阅意见，登记后不得改写 */
  instruction: z.strictObject({ date: calendarDate, by: personRef, text }).optional(),
  /** 交办：批示件转报或印发《督办通知》 */
  assigned: z.strictObject({ date: calendarDate, by: personRef, notice: noticeId.optional(), note: optionalText }).optional(),
  /** 分管领导安排相关部门办理 */
  arranged: step.optional(),
  /** 督查汇报：考核督查办起草，分管考核督查领导审阅，主要领导批示 */
  summary: z
    .strictObject({
      date: calendarDate,
      by: personRef,
      reviewed_by: personRef,
      approved_by: personRef,
      approval_text: text,
    })
    .optional(),
  /** 上报上级有关部门 */
  submitted: z.strictObject({ date: calendarDate, by: personRef, to: text, doc_no: optionalText }).optional(),
  /** 专项督查考核申请 */
  application: z
    .strictObject({ date: calendarDate, by: personRef, reviewed_by: personRef, reason: text })
    .optional(),
  /** 主要领导批准 */
  approval: z.strictObject({ date: calendarDate, by: personRef, text }).optional(),
  /** 不予批准 */
  rejection: z.strictObject({ date: calendarDate, by: personRef, reason: text }).optional(),
  /** 合并到另一项专项督查 */
  merge: z.strictObject({ date: calendarDate, by: personRef, into: itemId, reason: optionalText }).optional(),
  /** 《专项督查考核方案》备案 */
  planned: z.strictObject({ date: calendarDate, by: personRef, plan: planId }).optional(),
  /** 督查实施开始 */
  inspection: z.strictObject({ date: calendarDate, note: optionalText }).optional(),
  /** 业务部门主导性通报意见 */
  lead_opinion: z
    .strictObject({
      date: calendarDate,
      signed_by: personRef,
      problems: text,
      causes: text,
      next_steps: text,
    })
    .optional(),
  /** 已通报：督查通报编号 */
  bulletined: z.strictObject({ date: calendarDate, bulletin: bulletinId }).optional(),
  /** 销号 */
  closure: step.optional(),
  /** 归档 */
  archive: z.strictObject({ date: calendarDate, by: personRef, ref: text }).optional(),
  /** 撤销：须经主要领导同意 */
  cancellation: z.strictObject({ date: calendarDate, approved_by: personRef, reason: text }).optional(),

  /** 退回记录：只能追加 */
  returns: z.array(z.strictObject({ date: calendarDate, by: personRef, reason: text })).default([]),
  /** 延期记录：只能追加；最后一条的 to 即当前时限 */
  extensions: z
    .array(
      z.strictObject({
        date: calendarDate,
        from: calendarDate,
        to: calendarDate,
        approved_by: personRef,
        reason: text,
      }),
    )
    .default([]),
  /** 挂牌督办 */
  flag: z
    .strictObject({ date: calendarDate, by: personRef, reason: text, lifted: calendarDate.optional() })
    .optional(),
  /** 问责记录：只能追加 */
  accountability: z
    .array(
      z.strictObject({
        date: calendarDate,
        unit: unitRef.optional(),
        person: optionalText,
        measure: text,
        reason: text,
        decided_by: personRef,
      }),
    )
    .default([]),
  /** 移送街道纪工委：只能追加 */
  referrals: z
    .array(z.strictObject({ date: calendarDate, by: personRef, reason: text, case_no: optionalText }))
    .default([]),
  /** 催办记录：只能追加（ledger remind --record） */
  reminders: z
    .array(
      z.strictObject({
        /** 催办日期 */
        date: calendarDate,
        /** 方式：phone 电话、message 短信/工作群、notice 书面催办单、visit 上门 */
        method: z.enum(REMINDER_METHODS, { error: `催办方式只能是：${REMINDER_METHODS.map((m) => `${m}（${REMINDER_METHOD_LABELS[m]}）`).join('、')}` }),
        /** 催办对象：单位全称或人员，例如 城市管理办公室 */
        to: listOf(text).pipe(z.array(text).min(1, { error: '至少写一个催办对象' })),
        /** 催办人（考核督查办） */
        by: personRef,
        /** 催办内容 */
        note: optionalText,
      }),
    )
    .default([]),
});

export type Item = z.output<typeof item>;
export type ItemInput = z.input<typeof item>;
export type Priority = Item['priority'];
