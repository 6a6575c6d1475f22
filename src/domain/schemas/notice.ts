/** A 《督办通知》 (assignment notice), `records/notices/<id>.md`. */
import { z } from 'zod';
import { calendarDate, itemId, listOf, noticeId, optionalText, personRef, text, unitRef, visibility } from './common.ts';

export const notice = z.strictObject({
  /** 编号，例如 TZ-2026-007 */
  id: noticeId,
  /** 标题 */
  title: text,
  /** 文号，例如 张范督办〔2026〕7号 */
  doc_no: optionalText,
  /** 印发日期 */
  date: calendarDate,
  /** 经办人（考核督查办） */
  by: personRef,
  /** 依据的主要领导批示人 */
  approved_by: personRef.optional(),
  /** 督办事项 */
  items: listOf(itemId).pipe(z.array(itemId).min(1, { error: '督办通知至少要列出一个督办事项' })),
  /** 送达领导 */
  to_leaders: listOf(personRef).default([]),
  /** 送达单位 */
  to_units: listOf(unitRef).pipe(z.array(unitRef).min(1, { error: '至少要有一个送达单位' })),
  /** 报送要求 */
  report_requirement: optionalText,
  /** 公开范围 */
  visibility: visibility.default('internal'),
});
export type Notice = z.output<typeof notice>;
