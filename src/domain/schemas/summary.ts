/**
 * A 督查汇报 (notice 二、（一）4), `records/summaries/<id>.md`: the office
 * compiles the units' written material (落实情况) on a superior item into
 * a report, the supervision leader (分管、主管考核督查领导) reviews it, the
 * main leader instructs, the office revises it on the instruction and it
 * is sent up (the item's `submitted` step). The Markdown body is the text
 * of the report; after the revision it is the version sent up.
 *
 * The chain lands step by step (`drafted` → `reviewed` → `instructed` →
 * `revised`, see `DOCUMENTS.summary` in the workflow table); a step once
 * written is never rewritten.
 */
import { z } from 'zod';
import { attachmentList, calendarDate, itemId, listOf, optionalText, personRef, reportName, summaryId, text, visibility } from './common.ts';

export const summaryDoc = z.strictObject({
  /** 编号，例如 HB-2026-002 */
  id: summaryId,
  /** 标题，例如 关于……落实情况的汇报 */
  title: text,
  /** 汇报的上级督查事项 */
  item: itemId,
  /** 主送：上报的上级机关，例如 高新区党工委督查室 */
  to: text,
  /** 汇总的落实情况（该事项 reports/ 中的文件名） */
  materials: listOf(reportName).default([]),
  /** 起草：考核督查办 */
  drafted: z.strictObject({
    /** 起草日期 */
    date: calendarDate,
    /** 起草人（考核督查办） */
    by: personRef,
  }),
  /** 审阅：分管、主管考核督查领导 */
  reviewed: z
    .strictObject({
      /** 审阅日期 */
      date: calendarDate,
      /** 审阅人（分管考核督查领导） */
      by: personRef,
      /** 审阅意见 */
      opinion: optionalText,
    })
    .optional(),
  /** 批示：街道主要领导 */
  instructed: z
    .strictObject({
      /** 批示日期 */
      date: calendarDate,
      /** 批示人（主要领导） */
      by: personRef,
      /** 批示原文 */
      text,
    })
    .optional(),
  /** 按批示意见修改、整理定稿（正文即上报稿） */
  revised: z
    .strictObject({
      /** 定稿日期 */
      date: calendarDate,
      /** 修改人（考核督查办） */
      by: personRef,
      /** 按批示所作的修改 */
      note: optionalText,
    })
    .optional(),
  /** 附件：上报稿的 PDF/OFD 等（该事项 attachments/ 中的文件名） */
  attachments: attachmentList,
  /** 公开范围 */
  visibility: visibility.default('internal'),
});
export type SummaryDoc = z.output<typeof summaryDoc>;
