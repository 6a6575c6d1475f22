/**
 * A supervision item (督办事项): one row of the 《督查工作台账》, stored as
 * `records/items/<year>/<id>/item.md`. The three kinds share one shape; what differs
 * (sources, states) is checked against the workflow table.
 */
import { z } from 'zod';
import {
  attachmentList,
  bulletinId,
  calendarDate,
  itemId,
  listOf,
  meetingId,
  noticeId,
  optionalText,
  personRef,
  planId,
  reportName,
  summaryId,
  text,
  unitRef,
  visibility,
} from './common.ts';
import { ITEM_KINDS, STATES, STATE_LABELS, KIND_LABELS } from '../workflow.ts';
import { INSPECTION_MODES, MODE_LABELS } from './plan.ts';

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
  /** 会议督办：分解立项的会议记录编号（records/meetings/），例如 HY-2026-003 */
  meeting: meetingId.optional(),
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

const step = z.strictObject({
  /** 日期 */
  date: calendarDate,
  /** 经办人（people.yml） */
  by: personRef,
  /** 说明 */
  note: optionalText,
});

/** How the office verified the work before 销号 (核实方式). */
export const VERIFY_METHODS = ['document', 'onsite', 'phone', 'system'] as const;
export const VERIFY_LABELS: Record<(typeof VERIFY_METHODS)[number], string> = {
  document: '审核书面材料',
  onsite: '实地核查',
  phone: '电话核实',
  system: '平台/系统核查',
};

/** The office's judgement of one progress report (审核落实情况). */
export const REVIEW_RESULTS = ['accepted', 'returned'] as const;
export const REVIEW_LABELS: Record<(typeof REVIEW_RESULTS)[number], string> = {
  accepted: '审核通过',
  returned: '退回重报',
};

/**
 * Kinds of accountability (notice 三、（四）): 问责 of the unit's leaders and
 * the persons directly responsible, or 责成有关部门追究责任 in serious cases.
 * A referral to the 纪工委 is its own list (`referrals`).
 */
export const ACCOUNTABILITY_KINDS = ['direct', 'ordered'] as const;
export const ACCOUNTABILITY_LABELS: Record<(typeof ACCOUNTABILITY_KINDS)[number], string> = {
  direct: '问责',
  ordered: '责成有关部门追究责任',
};

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
  registered: z
    .strictObject({
      /** 登记日期 */
      date: calendarDate,
      /** 登记人（考核督查办） */
      by: personRef,
      /** 说明，例如电话通知的来电单位、来电人和通话要点 */
      note: optionalText,
      /** 附件：来文、电话记录单等（attachments/ 中的文件名） */
      attachments: attachmentList,
    })
    .optional(),
  /** 领导批示：主要领导批阅意见，登记后不得改写 */
  instruction: z
    .strictObject({
      /** 批示日期 */
      date: calendarDate,
      /** 批示人（主要领导） */
      by: personRef,
      /** 批示原文 */
      text,
      /** 附件：批示件扫描件（attachments/ 中的文件名） */
      attachments: attachmentList,
    })
    .optional(),
  /** 交办：批示件转报或印发《督办通知》 */
  assigned: z.strictObject({ date: calendarDate, by: personRef, notice: noticeId.optional(), note: optionalText }).optional(),
  /** 分管领导安排相关部门办理 */
  arranged: step.optional(),
  /** 督查汇报：汇报文稿（records/summaries/）经分管考核督查领导审阅、主要领导批示后登记 */
  summary: z
    .strictObject({
      /** 登记日期（不早于主要领导批示日期） */
      date: calendarDate,
      /** 经办人（考核督查办） */
      by: personRef,
      /** 督查汇报编号，例如 HB-2026-002 */
      document: summaryId,
    })
    .optional(),
  /** 上报上级有关部门 */
  submitted: z.strictObject({ date: calendarDate, by: personRef, to: text, doc_no: optionalText }).optional(),
  /** 《督查考核申请表》：一事一请示，报业务分管领导审核后报主要领导批示 */
  application: z
    .strictObject({
      /** 申请日期 */
      date: calendarDate,
      /** 申请人（责任部门经办人，或考核督查办代录） */
      by: personRef,
      /** 审核：本部门的业务分管（主管）领导 */
      reviewed_by: personRef,
      /** 申请事由 */
      reason: text,
      /** 督查对象（单位） */
      targets: listOf(unitRef).pipe(z.array(unitRef).min(1, { error: '至少要有一个督查对象' })),
      /** 拟督查方式：onsite 实地督查考核、written 电话和文字督查 */
      mode: z.enum(INSPECTION_MODES, {
        error: `督查方式只能是：${INSPECTION_MODES.map((m) => `${m}（${MODE_LABELS[m]}）`).join('、')}`,
      }),
      /** 拟督查时间：开始 */
      from: calendarDate,
      /** 拟督查时间：结束 */
      to: calendarDate,
      /** 是否可与其他督查检查合并进行 */
      mergeable: z.boolean({ error: '是否可合并（mergeable）只能写 true（可以合并）或 false（不能合并）' }),
      /** 可合并或不能合并的说明 */
      merge_note: optionalText,
    })
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
  /** 销号：依据哪些落实情况、如何核实 */
  closure: z
    .strictObject({
      /** 销号日期 */
      date: calendarDate,
      /** 销号人（考核督查办） */
      by: personRef,
      /** 依据的落实情况（reports/ 中的文件名，须已审核通过） */
      reports: listOf(reportName).pipe(z.array(reportName).min(1, { error: '销号须写明依据的落实情况（reports/ 中的文件名）' })),
      /** 核实方式：document 审核书面材料、onsite 实地核查、phone 电话核实、system 平台/系统核查 */
      method: z.enum(VERIFY_METHODS, {
        error: `核实方式只能是：${VERIFY_METHODS.map((m) => `${m}（${VERIFY_LABELS[m]}）`).join('、')}`,
      }),
      /** 核实人（people.yml） */
      verified_by: personRef,
      /** 说明 */
      note: optionalText,
      /** 附件：验收材料、现场照片等（attachments/ 中的文件名） */
      attachments: attachmentList,
    })
    .optional(),
  /** 归档 */
  archive: z
    .strictObject({
      /** 归档日期 */
      date: calendarDate,
      /** 归档人（考核督查办） */
      by: personRef,
      /** 档号 */
      ref: text,
      /** 附件：归档目录等（attachments/ 中的文件名） */
      attachments: attachmentList,
    })
    .optional(),
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
        /** 决定日期 */
        date: calendarDate,
        /** 方式：direct 问责、ordered 责成有关部门追究责任；不写为 direct */
        kind: z
          .enum(ACCOUNTABILITY_KINDS, {
            error: `问责方式只能是：${ACCOUNTABILITY_KINDS.map((k) => `${k}（${ACCOUNTABILITY_LABELS[k]}）`).join('、')}`,
          })
          .default('direct'),
        /** 被问责单位（units.yml） */
        unit: unitRef.optional(),
        /** 被问责人 */
        person: optionalText,
        /** 措施，例如 约谈、通报批评 */
        measure: text,
        /** 原因 */
        reason: text,
        /** 责成追究责任的部门（kind 为 ordered 时必填） */
        ordered_to: optionalText,
        /** 决定人（主要领导） */
        decided_by: personRef,
      }),
    )
    .default([]),
  /** 移送街道纪工委：只能追加；须经主要领导批准 */
  referrals: z
    .array(
      z.strictObject({
        /** 移送日期 */
        date: calendarDate,
        /** 经办人（考核督查办） */
        by: personRef,
        /** 批准人（主要领导） */
        approved_by: personRef,
        /** 移送的情况和线索（案情细节不写入台账） */
        reason: text,
      }),
    )
    .default([]),
  /** 纪工委签收移送：只能追加 */
  referral_receipts: z
    .array(
      z.strictObject({
        /** 签收日期 */
        date: calendarDate,
        /** 签收人（街道纪工委） */
        by: personRef,
        /** 签收的是第几条移送记录（从 1 起） */
        referral: z.number({ error: '应写第几条移送记录（数字，从 1 起）' }).int().min(1),
        /** 纪工委的受理编号 */
        case_no: optionalText,
      }),
    )
    .default([]),
  /** 纪工委反馈的处理结果：只能追加 */
  referral_outcomes: z
    .array(
      z.strictObject({
        /** 反馈日期 */
        date: calendarDate,
        /** 反馈人（街道纪工委） */
        by: personRef,
        /** 反馈的是第几条移送记录（从 1 起） */
        referral: z.number({ error: '应写第几条移送记录（数字，从 1 起）' }).int().min(1),
        /** 处理结果 */
        result: text,
      }),
    )
    .default([]),
  /** 签收：责任单位收到交办（批示件或《督办通知》）后签收；只能追加 */
  acknowledgements: z
    .array(
      z.strictObject({
        /** 签收日期 */
        date: calendarDate,
        /** 签收单位（牵头或配合单位） */
        unit: unitRef,
        /** 签收人（本单位人员，或考核督查办代录） */
        by: personRef,
        /** 说明 */
        note: optionalText,
      }),
    )
    .default([]),
  /** 审核落实情况：考核督查办逐份审核，通过或退回重报；只能追加 */
  reviews: z
    .array(
      z.strictObject({
        /** 审核日期 */
        date: calendarDate,
        /** 审核人（考核督查办） */
        by: personRef,
        /** 审核的落实情况（reports/ 中的文件名） */
        report: reportName,
        /** 结果：accepted 审核通过、returned 退回重报 */
        result: z.enum(REVIEW_RESULTS, { error: '审核结果只能是 accepted（审核通过）或 returned（退回重报）' }),
        /** 意见（退回重报时必填，写明退回原因） */
        reason: optionalText,
      }),
    )
    .default([]),
  /** 实地督查考核打分：业务部门对每个被督查单位打分；只能追加 */
  scores: z
    .array(
      z.strictObject({
        /** 打分日期 */
        date: calendarDate,
        /** 被督查单位 */
        unit: unitRef,
        /** 得分（0–100） */
        score: z.number({ error: '得分应为 0–100 的数字' }).min(0, { error: '得分不能小于 0' }).max(100, { error: '得分不能大于 100' }),
        /** 打分人（负责打分的业务部门人员） */
        by: personRef,
        /** 扣分情况、发现的问题 */
        note: optionalText,
      }),
    )
    .default([]),
  /** 电话和文字督查：考核督查办梳理汇总工作情况，上报主要领导；只能追加 */
  inspection_summaries: z
    .array(
      z.strictObject({
        /** 上报日期 */
        date: calendarDate,
        /** 梳理汇总人（考核督查办） */
        by: personRef,
        /** 上报的主要领导 */
        to: personRef,
        /** 汇总的工作情况 */
        text,
      }),
    )
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
