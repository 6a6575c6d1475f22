/**
 * A progress report (落实情况), one file per report under the item's
 * `reports/` folder, named `YYYY-MM-DD-<unit>.md` (a `-2` suffix for a
 * second report of the same unit on the same day). Append-only: once landed
 * it is never edited again.
 */
import { z } from 'zod';
import { calendarDate, listOf, optionalText, personRef, text, unitRef } from './common.ts';

export const report = z.strictObject({
  /** 报送日期 */
  date: calendarDate,
  /** 报送单位（须为牵头或配合单位） */
  unit: unitRef,
  /** 报送人（people.yml） */
  by: personRef,
  /** 工作进展 */
  progress: text,
  /** 存在问题 */
  problems: optionalText,
  /** 下步打算 */
  next: optionalText,
  /** 是否报告已办结 */
  done: z.boolean().default(false),
  /** 附件名称 */
  attachments: listOf(text).default([]),
});
export type Report = z.output<typeof report>;

export const REPORT_FILE_RE = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*?)(?:-(\d+))?\.md$/;
