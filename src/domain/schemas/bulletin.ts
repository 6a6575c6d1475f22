/**
 * A 督查通报 (bulletin), issued as the office's periodical (《张范督查》 in
 * the demo; the name is `bulletin_name` in config). Numbered per year:
 * `records/bulletins/<year>/TB-<year>-<nn>.md`.
 */
import { z } from 'zod';
import { bulletinId, calendarDate, itemId, listOf, optionalText, personRef, text, unitRef, visibility } from './common.ts';
import { scoreWeights } from './config.ts';

export const BULLETIN_KINDS = ['report', 'meeting', 'special', 'overdue'] as const;
export const BULLETIN_KIND_LABELS: Record<(typeof BULLETIN_KINDS)[number], string> = {
  report: '督查汇报',
  meeting: '会议督办通报',
  special: '专项督查通报',
  overdue: '超期事项通报',
};

const sign = z.strictObject({ date: calendarDate, by: personRef });

/** A rate as the bulletin prints it: “66.7%”, or “—” when nothing was due. */
const rateText = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const count = z.number().int().min(0);

/** One row of the ranking a bulletin publishes. */
export const rankingRow = z.strictObject({
  /** 名次 */
  rank: z.number().int().min(1),
  /** 单位（units.yml） */
  unit: unitRef,
  /** 综合得分 */
  score: z.number(),
  /** 办结率 */
  completion_rate: rateText,
  /** 按期办结率 */
  on_time_rate: rateText,
  /** 反馈率 */
  feedback_rate: rateText,
  /** 超期未办结件数 */
  overdue: count,
});

/**
 * The figures a bulletin states, as data: written by `ledger bulletin`,
 * recomputed by the checker from the ledger as of `as_of` (a hand-changed
 * number is flagged).
 */
export const bulletinFigures = z.strictObject({
  /** 统计截止日期 */
  as_of: calendarDate,
  /** 应办结件数（时限在统计期内） */
  due: count,
  /** 已办结 */
  done: count,
  /** 按期办结 */
  on_time: count,
  /** 超期未办结 */
  overdue: count,
  /** 应反馈次数 */
  feedback_due: count,
  /** 按时反馈次数 */
  feedback_answered: count,
  /** 办结率 */
  completion_rate: rateText,
  /** 按期办结率 */
  on_time_rate: rateText,
  /** 反馈率 */
  feedback_rate: rateText,
  /** 责任单位排名 */
  ranking: z.array(rankingRow).default([]),
  /**
   * 排名所用的计分办法（生成通报时 config.yml 的 score）：核对排名时按此计算，
   * 此后修改计分办法不影响已印发的通报
   */
  score: scoreWeights.optional(),
});
export type BulletinFigures = z.output<typeof bulletinFigures>;

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
  /** 统计期：2026（年）、2026H2、2026Q3、2026-11 或 2026-03-01..2026-05-31 */
  period: z.union([z.string(), z.number()]).transform((v) => String(v).trim()).optional(),
  /** 本期统计数据（由 ledger bulletin 计算，不得手改） */
  figures: bulletinFigures.optional(),
  /** 通报涉及的督办事项 */
  items: listOf(itemId).default([]),
  /** 起草（考核督查办） */
  drafted: sign,
  /** 草稿：ledger bulletin 生成、尚待审阅批示；印发前删去此行并填写 reviewed、approved */
  draft: z.boolean().default(false),
  /** 审阅（分管考核督查领导）；草稿可暂缺 */
  reviewed: sign.optional(),
  /** 批示印发（主要领导）；草稿可暂缺 */
  approved: z.strictObject({ date: calendarDate, by: personRef, text: optionalText }).optional(),
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
}).superRefine((b, ctx) => {
  // an issued bulletin carries its approval chain; only a draft may lack it
  if (b.draft) return;
  if (!b.reviewed) ctx.addIssue({ code: 'custom', path: ['reviewed'], message: '已印发的通报须有审阅记录' });
  if (!b.approved) ctx.addIssue({ code: 'custom', path: ['approved'], message: '已印发的通报须有主要领导批示' });
});
export type Bulletin = z.output<typeof bulletin>;
