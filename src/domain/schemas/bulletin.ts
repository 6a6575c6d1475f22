/**
 * A 督查通报 (bulletin), issued as the office's periodical (《张范督查》 in
 * the demo; the name is `bulletin_name` in config). Numbered per year:
 * `records/bulletins/<year>/TB-<year>-<nn>.md`.
 */
import { z } from 'zod';
import { bulletinId, calendarDate, itemId, listOf, optionalText, personRef, text, visibility } from './common.ts';

export const BULLETIN_KINDS = ['report', 'meeting', 'special', 'overdue'] as const;
export const BULLETIN_KIND_LABELS: Record<(typeof BULLETIN_KINDS)[number], string> = {
  report: '督查汇报',
  meeting: '会议督办通报',
  special: '专项督查通报',
  overdue: '超期事项通报',
};

const sign = z.strictObject({ date: calendarDate, by: personRef });

export const bulletin = z.strictObject({
  /** 编号，例如 TB-2026-04（年份与期号） */
  id: bulletinId,
  /** 年份 */
  year: z.number().int().min(2000).max(2100),
  /** 期号（当年第几期） */
  number: z.number().int().min(1).max(99),
  /** 总期号（可选） */
  total: z.number().int().min(1).optional(),
  /** 标题 */
  title: text,
  /** 通报类型 */
  kind: z.enum(BULLETIN_KINDS, { error: `通报类型只能是：${BULLETIN_KINDS.join('、')}` }),
  /** 印发日期 */
  date: calendarDate,
  /** 通报涉及的督办事项 */
  items: listOf(itemId).default([]),
  /** 起草（考核督查办） */
  drafted: sign,
  /** 审阅（分管考核督查领导） */
  reviewed: sign,
  /** 批示印发（主要领导） */
  approved: z.strictObject({ date: calendarDate, by: personRef, text: optionalText }),
  /** 版记：报、送、发 */
  distribution: z.strictObject({
    report_to: listOf(text).default([]),
    send_to: listOf(text).default([]),
    issue_to: listOf(text).pipe(z.array(text).min(1, { error: '“发”（issue_to）至少要有一项' })),
  }),
  /** 印发份数 */
  copies: z.number().int().min(1).optional(),
  /** 公开范围 */
  visibility: visibility.default('internal'),
});
export type Bulletin = z.output<typeof bulletin>;
