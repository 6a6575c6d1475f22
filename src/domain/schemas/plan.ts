/**
 * A 《专项督查考核方案》 (special supervision plan), `records/plans/<id>.md`.
 * One plan may cover several applications merged into one inspection.
 */
import { z } from 'zod';
import { calendarDate, itemId, listOf, optionalText, personRef, planId, text, unitRef, visibility } from './common.ts';

export const INSPECTION_MODES = ['onsite', 'written'] as const;
export const MODE_LABELS: Record<(typeof INSPECTION_MODES)[number], string> = {
  onsite: '实地督查考核',
  written: '电话和文字督查',
};

export const plan = z.strictObject({
  /** 编号，例如 FA-2026-001 */
  id: planId,
  /** 方案名称 */
  title: text,
  /** 备案日期 */
  date: calendarDate,
  /** 起草人（考核督查办） */
  by: personRef,
  /** 覆盖的督查考核申请（专项督查事项编号；合并的申请都列在这里） */
  applications: listOf(itemId).pipe(z.array(itemId).min(1, { error: '方案至少要覆盖一项申请' })),
  /** 督查方式：onsite 实地督查考核、written 电话和文字督查 */
  mode: z.enum(INSPECTION_MODES, { error: '督查方式只能是 onsite（实地督查考核）或 written（电话和文字督查）' }),
  /** 督查时间 */
  period: z.strictObject({
    /** 开始日期 */
    from: calendarDate,
    /** 结束日期 */
    to: calendarDate,
  }),
  /** 督查对象 */
  targets: listOf(unitRef).pipe(z.array(unitRef).min(1, { error: '至少要有一个督查对象' })),
  /** 督查内容 */
  content: text,
  /** 工作要求 */
  requirements: text,
  /** 《督查考核通知》：实地督查须提前向被督查考核单位下达 */
  inspection_notice: z
    .strictObject({
      /** 下达日期（不晚于督查开始日期） */
      date: calendarDate,
      /** 文号 */
      doc_no: text,
      /** 送达的被督查考核单位（应包括全部督查对象） */
      to: listOf(unitRef).pipe(z.array(unitRef).min(1, { error: '《督查考核通知》至少要送达一个被督查单位' })),
      /** 召集的督查人员 */
      staff: optionalText,
      /** 申请的公务车辆 */
      vehicle: optionalText,
    })
    .optional(),
  /** 打分和业务安排的业务部门 */
  scoring_units: listOf(unitRef).default([]),
  /** 公开范围 */
  visibility: visibility.default('internal'),
  /** 备注 */
  note: optionalText,
});
export type Plan = z.output<typeof plan>;
