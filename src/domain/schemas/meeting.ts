/**
 * A meeting and what it decided (分解立项, notice 二、（二）1): a 党工委会议,
 * 科级干部例会, 专题工作会议, or a main leader's field visit (现场办公),
 * `records/meetings/<id>.md`. The office decomposes its decisions into
 * items, one per task; the record lists them and each item's
 * `source.meeting` points back. The Markdown body carries the minutes'
 * wording of the decisions.
 */
import { z } from 'zod';
import { calendarDate, itemId, listOf, meetingId, optionalText, personRef, text, visibility } from './common.ts';
import { SOURCE_TYPES, SOURCE_TYPE_LABELS } from './item.ts';

/** The source types of meeting items: a meeting record is one of these. */
export const MEETING_TYPES = SOURCE_TYPES.meeting;

export const meeting = z.strictObject({
  /** 编号，例如 HY-2026-003 */
  id: meetingId,
  /** 会议名称，例如 党工委会议（2026年第6次）；与所分解事项的 source.name 一致 */
  title: text,
  /** 会议类型：party_committee 党工委会议、cadre_meeting 科级干部例会、topic_meeting 专题工作会议、field_visit 主要领导调研/现场办公 */
  type: z.enum(MEETING_TYPES, {
    error: `会议类型只能是：${MEETING_TYPES.map((t) => `${t}（${SOURCE_TYPE_LABELS[t]}）`).join('、')}`,
  }),
  /** 会议（调研、现场办公）日期 */
  date: calendarDate,
  /** 会议纪要文号，例如 张范党工委纪〔2026〕6号 */
  minutes_no: optionalText,
  /** 主持人（people.yml） */
  chaired_by: personRef.optional(),
  /** 分解立项的经办人（考核督查办） */
  by: personRef,
  /** 分解立项的督办事项（每项任务一个事项） */
  items: listOf(itemId).pipe(z.array(itemId).min(1, { error: '至少要分解出一个督办事项' })),
  /** 公开范围 */
  visibility: visibility.default('internal'),
});
export type Meeting = z.output<typeof meeting>;
