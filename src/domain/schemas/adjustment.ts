/**
 * A manual 加减分 (score adjustment) for a unit, decided by a main leader
 * with a reason: `records/adjustments/<year>/JF-<year>-<nnn>.md`. The
 * ranking of the period that contains `date` adds `points` to the unit's
 * score and lists the decision beside it (三、（三）“排出顺序、拉开档次”).
 */
import { z } from 'zod';
import { calendarDate, itemId, optionalText, personRef, text, unitRef, visibility } from './common.ts';

export const ADJUSTMENT_ID_RE = /^JF-(\d{4})-(\d{3})$/;

export const adjustment = z.strictObject({
  /** 编号，例如 JF-2026-001 */
  id: z.string().trim().regex(ADJUSTMENT_ID_RE, { error: '加减分编号格式应为 JF-2026-001' }),
  /** 决定日期：计入此日期所在统计期的排名 */
  date: calendarDate,
  /** 加减分的单位（units.yml） */
  unit: unitRef,
  /** 分值：加分为正，减分为负，例如 2 或 -3 */
  points: z.number().min(-20, { error: '一次加减分不超过 20 分' }).max(20, { error: '一次加减分不超过 20 分' }).refine((n) => n !== 0, { error: '分值不能为 0' }),
  /** 理由 */
  reason: text,
  /** 决定人（主要领导） */
  decided_by: personRef,
  /** 相关督办事项（可选） */
  item: itemId.optional(),
  /** 依据，例如 党工委会议（2026年第20次）纪要 */
  basis: optionalText,
  /** 公开范围 */
  visibility: visibility.default('internal'),
});
export type Adjustment = z.output<typeof adjustment>;
