/**
 * The figures the notice asks for (三、（三）“提高督办事项的办结率、反馈率”;
 * “排出顺序、拉开档次、分出好坏”): 办结率, 按期办结率, 反馈率, overdue and
 * flagged counts, per unit and per leader, and the ranking of units by a
 * configurable score. Pure: items, report dates and a date in; numbers out.
 *
 * Everything is measured on results — finished, on time, answered — never
 * on activity (commits, edits, words, clicks), which the rules against
 * 形式主义 forbid and which staff would game.
 *
 * Definitions (shown on the site's figures page; keep both in step):
 * - 不计入统计: cancelled, rejected and merged items (VOID_STATES).
 * - 已办结: closed or archived. Finished on the date of the first report
 *   marked `done` if there is one (the unit's result), else the closure date.
 * - 按期办结: finished on or before the deadline in force (after extensions
 *   approved by a main leader).
 * - 应办结: finished, or its deadline has passed.
 * - 超期: not finished and the deadline has passed.
 * - 办结率 = 已办结 ÷ 应办结; 按期办结率 = 按期办结 ÷ 应办结 (items not yet due
 *   count in neither: see period-figures.ts for the figures of a period).
 * - 反馈率 = 按时反馈次数 ÷ 应反馈次数. The dates a report is due come
 *   from `reports_due` (weekly / biweekly / monthly from the day the item was
 *   handed over, or named dates, or once by the deadline or completion); each
 *   due date is answered by one report of the item dated after the previous
 *   due date and no later than due + `feedback_grace_days`. A due date
 *   counts once its grace has run out or it was answered.
 * - 得分 = (Σ 权重×比率 over the rates a unit has) ÷ (Σ those weights) ×
 *   (Σ all rate weights) − overdue_penalty × 超期件数 − flag_penalty × 挂牌件数
 *   − accountability_penalty × 问责次数. A rate with no denominator (e.g. no
 *   report due yet) is left out rather than counted as 0 or 100%.
 */
import type { Item } from './schemas/item.ts';
import type { ScoreWeights } from './schemas/config.ts';
import { addMonths, daysBetween, fromDay, toDay } from './dates.ts';
import { DONE_STATES, VOID_STATES, type State } from './workflow.ts';

export type Light = 'green' | 'yellow' | 'red' | 'done' | 'none';

export const LIGHT_LABELS: Record<Light, string> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  done: '已办结',
  none: '不计',
};

export const LIGHT_MEANINGS: Record<Light, string> = {
  green: '正常推进',
  yellow: '临近时限',
  red: '已超期',
  done: '已办结',
  none: '已撤销/未批准/已合并',
};

export const isDone = (s: State) => DONE_STATES.includes(s);
export const isVoid = (s: State) => VOID_STATES.includes(s);
export const isOpen = (s: State) => !isDone(s) && !isVoid(s);

/**
 * The warning light of an item on `today` — the same function runs in the
 * browser to recompute lights from the reader's date.
 */
export function lightOf(open: boolean, done: boolean, deadline: string, today: string, warningDays: number): Light {
  if (done) return 'done';
  if (!open) return 'none';
  const left = daysBetween(today, deadline);
  if (left < 0) return 'red';
  if (left <= warningDays) return 'yellow';
  return 'green';
}

export interface ReportDate {
  date: string;
  done?: boolean;
}

export interface FigureSettings {
  today: string;
  warningDays: number;
  graceDays: number;
}

/** Figures of one item. */
export interface ItemFigures {
  id: string;
  counted: boolean;
  done: boolean;
  /** Date the work was finished (done items only). */
  finished?: string;
  onTime: boolean;
  /** Deadline passed (finished or not): 应办结. */
  due: boolean;
  overdue: boolean;
  /** Days past the deadline (overdue items), else 0. */
  daysOverdue: number;
  /** Days until the deadline (negative when past). */
  daysLeft: number;
  light: Light;
  flagged: boolean;
  /** Flag still in force (not lifted). */
  flagActive: boolean;
  accountability: number;
  /** Report due dates that count by `today`. */
  feedbackDue: string[];
  /** Of those, the ones answered in time. */
  feedbackAnswered: string[];
  /** Due dates not answered (for the item page). */
  feedbackMissed: string[];
}

/**
 * The day units start reporting: when the item was handed over (assigned,
 * or for a special inspection, when it started). The checker rejects
 * reports dated earlier, so the schedule of due dates starts here too.
 */
export function reportingStart(it: Item): string | undefined {
  return it.assigned?.date ?? it.inspection?.date;
}

/** Dates by which a report of `it` was due, up to `end`. */
export function dueDates(it: Item, end: string, finished?: string): string[] {
  const start = reportingStart(it);
  if (!start) return [];
  const rd = it.reports_due;
  if (Array.isArray(rd)) return [...rd].sort().filter((d) => d <= end);
  if (rd === 'once') {
    const d = finished && finished < it.deadline ? finished : it.deadline;
    return d <= end ? [d] : [];
  }
  return periodicDates(start, rd, end);
}

/**
 * The due dates of a periodic schedule from `start` (not counting the start
 * itself) up to `end`: every 7 or 14 days, or on the same day of every
 * following month (held to the month's last day).
 */
export function periodicDates(start: string, cadence: 'weekly' | 'biweekly' | 'monthly', end: string): string[] {
  const out: string[] = [];
  if (cadence === 'monthly') {
    for (let k = 1; k < 1000; k++) {
      const d = addMonths(start, k);
      if (d > end) break;
      out.push(d);
    }
    return out;
  }
  const step = cadence === 'weekly' ? 7 : 14;
  const last = toDay(end);
  for (let day = toDay(start) + step; day <= last; day += step) out.push(fromDay(day));
  return out;
}

/** Match due dates to reports (each report answers at most one due date). */
export function matchFeedback(start: string, dues: string[], reports: string[], graceDays: number): Set<string> {
  const sorted = reports.map(toDay).sort((a, b) => a - b);
  const used = new Array<boolean>(sorted.length).fill(false);
  const answered = new Set<string>();
  let prev = toDay(start) - 1;
  for (const d of dues) {
    const day = toDay(d);
    const until = day + graceDays;
    const k = sorted.findIndex((r, i) => !used[i] && r > prev && r <= until);
    if (k >= 0) {
      used[k] = true;
      answered.add(d);
    }
    prev = day;
  }
  return answered;
}

export function itemFigures(it: Item, reports: readonly ReportDate[], s: FigureSettings): ItemFigures {
  const counted = !isVoid(it.state);
  const done = isDone(it.state);
  const doneReport = reports.filter((r) => r.done).map((r) => r.date).sort()[0];
  const finished = done ? (doneReport && it.closure && doneReport < it.closure.date ? doneReport : it.closure?.date ?? it.archive?.date ?? doneReport) : undefined;
  const daysLeft = daysBetween(s.today, it.deadline);
  const onTime = done && !!finished && finished <= it.deadline;
  const overdue = counted && !done && daysLeft < 0;
  const end = it.closure?.date ?? it.cancellation?.date ?? s.today;
  const start = reportingStart(it);
  const dues = counted && start ? dueDates(it, end < s.today ? end : s.today, finished) : [];
  const answered = start ? matchFeedback(start, dues, reports.map((r) => r.date), s.graceDays) : new Set<string>();
  const lastCounted = toDay(s.today) - s.graceDays - 1;
  const counting = dues.filter((d) => answered.has(d) || toDay(d) <= lastCounted);
  return {
    id: it.id,
    counted,
    done,
    finished,
    onTime,
    due: counted && (done || daysLeft < 0),
    overdue,
    daysOverdue: overdue ? -daysLeft : 0,
    daysLeft,
    light: lightOf(counted && !done, done, it.deadline, s.today, s.warningDays),
    flagged: counted && !!it.flag,
    flagActive: counted && !!it.flag && !it.flag.lifted,
    accountability: it.accountability.length,
    feedbackDue: counting,
    feedbackAnswered: counting.filter((d) => answered.has(d)),
    feedbackMissed: counting.filter((d) => !answered.has(d)),
  };
}

/** Sums and rates over a set of items (a unit's, a leader's, everyone's). */
export interface Tally {
  total: number;
  done: number;
  onTime: number;
  due: number;
  open: number;
  overdue: number;
  flagged: number;
  flagActive: number;
  accountability: number;
  feedbackDue: number;
  feedbackAnswered: number;
  red: number;
  yellow: number;
  green: number;
  /** 0–1, or null when there is nothing to divide by. */
  completionRate: number | null;
  onTimeRate: number | null;
  feedbackRate: number | null;
}

const rate = (a: number, b: number) => (b > 0 ? a / b : null);

export function tally(list: readonly ItemFigures[]): Tally {
  const t = {
    total: 0, done: 0, onTime: 0, due: 0, open: 0, overdue: 0, flagged: 0, flagActive: 0,
    accountability: 0, feedbackDue: 0, feedbackAnswered: 0, red: 0, yellow: 0, green: 0,
  };
  for (const f of list) {
    if (!f.counted) continue;
    t.total++;
    if (f.done) t.done++;
    else t.open++;
    if (f.onTime) t.onTime++;
    if (f.due) t.due++;
    if (f.overdue) t.overdue++;
    if (f.flagged) t.flagged++;
    if (f.flagActive) t.flagActive++;
    t.accountability += f.accountability;
    t.feedbackDue += f.feedbackDue.length;
    t.feedbackAnswered += f.feedbackAnswered.length;
    if (f.light === 'red') t.red++;
    else if (f.light === 'yellow') t.yellow++;
    else if (f.light === 'green') t.green++;
  }
  return {
    ...t,
    completionRate: rate(t.done, t.due),
    onTimeRate: rate(t.onTime, t.due),
    feedbackRate: rate(t.feedbackAnswered, t.feedbackDue),
  };
}

export const TIER_LABELS = ['第一档（好）', '第二档（较好）', '第三档（一般）', '第四档（差）'] as const;

/** “87.5%”, or “—” when there is no denominator. */
export function percent(r: number | null, digits = 1): string {
  return r === null ? '—' : `${(r * 100).toFixed(digits).replace(/\.0+$/, '')}%`;
}
