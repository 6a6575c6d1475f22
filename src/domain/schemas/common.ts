/**
 * Building blocks shared by every record schema.
 *
 * Pure: no fs, no Git. Messages written here are the ones staff see, so they
 * are Chinese and say what is allowed.
 */
import { z } from 'zod';

z.config(z.locales.zhCN());

/** Trim ASCII and full-width (U+3000) white space: staff type both by hand. */
const trimmed = z.string().transform((s) => s.trim());

/** A required, non-empty line of text (full-width spaces around it are dropped). */
export const text = trimmed.pipe(z.string().min(1, { error: '不能为空' }));

/** Free text that may be empty or missing. */
export const optionalText = trimmed.optional();

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar day written as YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/**
 * A calendar date in Beijing time, kept as the string `YYYY-MM-DD`.
 *
 * The YAML reader keeps dates as strings (YAML 1.2 core schema), so no value
 * is ever shifted to UTC midnight. A `Date` that slipped through another
 * parser is turned back into its calendar day.
 */
export const calendarDate = z
  .union([z.string(), z.date(), z.number()])
  .transform((v, ctx) => {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    const s = String(v).trim();
    if (!isCalendarDate(s)) {
      ctx.addIssue({
        code: 'custom',
        params: { code: 'bad-date' },
        message: `日期“${s}”无效：请写成 年-月-日，例如 2026-04-30（月、日各两位，且必须是真实存在的日期）`,
      });
      return z.NEVER;
    }
    return s;
  });

export type CalendarDate = string;

/** Identifiers of records: kebab-case for registries, prefixed numbers for records. */
export const slug = trimmed.pipe(
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: '标识只能用小写英文字母、数字和连字符，例如 urban、community-3、li-ming',
  }),
);

export const ITEM_ID_RE = /^DB-(\d{4})-(\d{4})$/;
export const NOTICE_ID_RE = /^TZ-(\d{4})-(\d{3})$/;
export const BULLETIN_ID_RE = /^TB-(\d{4})-(\d{2})$/;
export const PLAN_ID_RE = /^FA-(\d{4})-(\d{3})$/;
export const MEETING_ID_RE = /^HY-(\d{4})-(\d{3})$/;
export const SUMMARY_ID_RE = /^HB-(\d{4})-(\d{3})$/;

function idOf(re: RegExp, example: string, what: string) {
  return trimmed.pipe(
    z.string().regex(re, { error: `${what}编号格式应为 ${example}` }),
  );
}

export const itemId = idOf(ITEM_ID_RE, 'DB-2026-0031', '督办事项');
export const noticeId = idOf(NOTICE_ID_RE, 'TZ-2026-007', '督办通知');
export const bulletinId = idOf(BULLETIN_ID_RE, 'TB-2026-04', '督查通报');
export const planId = idOf(PLAN_ID_RE, 'FA-2026-001', '专项督查考核方案');
export const meetingId = idOf(MEETING_ID_RE, 'HY-2026-003', '会议（分解立项）');
export const summaryId = idOf(SUMMARY_ID_RE, 'HB-2026-002', '督查汇报');

/**
 * The file name of a progress report in the item's `reports/` folder, e.g.
 * `2026-03-20-urban.md` (a review or a closure names the report it judges).
 */
export const reportName = trimmed.pipe(
  z.string().regex(/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/, {
    error: '应写落实情况的文件名（reports/ 文件夹中的文件），例如 2026-03-20-urban.md',
  }),
);

/**
 * The file name of an attachment in the item's `attachments/` folder:
 * letters (Chinese too), digits, `-`, `_`, brackets, and an extension; no
 * spaces or slashes, so a link to it never breaks.
 */
export const attachmentName = trimmed.pipe(
  z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}_\-（）()·]*\.[A-Za-z0-9]{2,5}$/u, {
    error: '应写 attachments/ 文件夹中的附件文件名，例如 批示件.pdf、现场照片-1.jpg（不含空格和斜杠）',
  }),
);

/** Attachment names referenced by a record (file names in the item's `attachments/`). */
export const attachmentList = listOf(attachmentName).default([]);

/** A reference to a person in `people.yml`. */
export const personRef = slug;
/** A reference to a unit in `units.yml`. */
export const unitRef = slug;

/** Disclosure scope: who may read a record in which build of the site. */
export const VISIBILITIES = ['public', 'internal', 'restricted'] as const;
export const visibility = z.enum(VISIBILITIES, {
  error: '公开范围只能是 public（全体公开）、internal（内部）或 restricted（限定范围）',
});
export type Visibility = z.output<typeof visibility>;

/** A list written either as a YAML list or, for one entry, as a single value. */
export function listOf<T extends z.ZodType>(inner: T) {
  return z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(inner));
}

/** Who did a step and when: the smallest step record. */
export const stepBy = z.strictObject({
  /** 日期 */
  date: calendarDate,
  /** 经办人 (people.yml) */
  by: personRef,
  /** 说明 */
  note: optionalText,
});
