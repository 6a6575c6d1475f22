/**
 * Numbers are assigned, never typed: the next free item id (DB-2026-0053),
 * notice (TZ-2026-009), bulletin issue (TB-2026-11), plan (FA-2026-009),
 * meeting record (HY-2026-004) and 督查汇报 (HB-2026-003) of a year, the
 * next free report file name of a unit on a day, and the 文号 that follows
 * the last one. Pure: the caller collects every id seen on
 * every local and remote-tracking branch, so two clerks on two branches do
 * not take the same number.
 */
import { BULLETIN_ID_RE, ITEM_ID_RE, MEETING_ID_RE, NOTICE_ID_RE, PLAN_ID_RE, SUMMARY_ID_RE } from '../schemas/common.ts';

export type NumberedKind = 'item' | 'notice' | 'bulletin' | 'plan' | 'meeting' | 'summary';

export const NUMBERING: Record<NumberedKind, { re: RegExp; prefix: string; width: number }> = {
  item: { re: ITEM_ID_RE, prefix: 'DB', width: 4 },
  notice: { re: NOTICE_ID_RE, prefix: 'TZ', width: 3 },
  bulletin: { re: BULLETIN_ID_RE, prefix: 'TB', width: 2 },
  plan: { re: PLAN_ID_RE, prefix: 'FA', width: 3 },
  meeting: { re: MEETING_ID_RE, prefix: 'HY', width: 3 },
  summary: { re: SUMMARY_ID_RE, prefix: 'HB', width: 3 },
};

export function formatId(kind: NumberedKind, year: string | number, n: number): string {
  const f = NUMBERING[kind];
  return `${f.prefix}-${year}-${String(n).padStart(f.width, '0')}`;
}

/** The largest number of `kind` used in `year` among `seen` (0 when none). */
export function lastNumber(kind: NumberedKind, year: string | number, seen: Iterable<string>): number {
  let max = 0;
  for (const id of seen) {
    const m = NUMBERING[kind].re.exec(id);
    if (m && m[1] === String(year)) max = Math.max(max, Number(m[2]));
  }
  return max;
}

/** The next `count` free ids of `kind` in `year`. */
export function nextIds(kind: NumberedKind, year: string | number, seen: Iterable<string>, count = 1): string[] {
  const last = lastNumber(kind, year, seen);
  return Array.from({ length: count }, (_, i) => formatId(kind, year, last + 1 + i));
}

/** Number part of an id (`TB-2026-07` → 7). */
export const numberOf = (kind: NumberedKind, id: string): number => Number(NUMBERING[kind].re.exec(id)?.[2] ?? 0);

/** `2026-11-20-urban.md`, or `-2`, `-3`… when the unit already reported that day. */
export function nextReportName(date: string, unit: string, seen: Iterable<string>): string {
  const taken = new Set(seen);
  const base = `${date}-${unit}`;
  if (!taken.has(`${base}.md`)) return `${base}.md`;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}.md`)) return `${base}-${n}.md`;
}

/**
 * The 文号 of a new document: the last one's pattern with this year and
 * number (`张范督办〔2026〕7号` → `张范督办〔2026〕8号`), or `fallback`'s.
 */
export function nextDocNo(last: string | undefined, year: string | number, n: number, fallback: string): string {
  const pattern = last && /〔\d{4}〕\d+号/.test(last) ? last : fallback;
  return pattern.replace(/〔\d{4}〕\d+号/, `〔${year}〕${n}号`);
}

/**
 * A safe file name for an attachment (`schemas/common.ts`'s attachmentName:
 * letters, digits, `-`, `_`, brackets, no spaces or slashes): spaces and
 * other characters become `-`; the extension is the one of the type the
 * content shows (`ext`), and `-2`, `-3`… keep it clear of names taken.
 */
export function safeAttachmentName(original: string, ext: string, seen: Iterable<string>): string {
  const base = original.normalize('NFC').replace(/^.*[\\/]/, '');
  const stem =
    base
      .replace(/\.[^.]*$/, '')
      .replace(/[^\p{L}\p{N}_\-（）()·]+/gu, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[^\p{L}\p{N}]+|-+$/gu, '')
      .slice(0, 60) || '附件';
  const taken = new Set(seen);
  if (!taken.has(`${stem}.${ext}`)) return `${stem}.${ext}`;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}.${ext}`)) return `${stem}-${n}.${ext}`;
}
