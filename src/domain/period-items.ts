/**
 * One item's figures as of a period's statistics date, fast: the same
 * numbers as `periodItem` in period-figures.ts (the reference: it reads the
 * item as of the date with `itemAsOf` and recomputes its whole report
 * schedule and matching), from a schedule and a report matching computed
 * once per item and looked up per period.
 *
 * Why: the site shows ~19 periods a year since the ledger began (year,
 * halves, quarters, months). Recomputing every item's schedule from its
 * start for each of them cost 30 s of a 10,000-item build and grew with the
 * square of the ledger's age. Here a period costs a few comparisons per item
 * plus the due dates inside the period.
 *
 * Why it is the same: a periodic schedule (weekly, biweekly, monthly, named
 * dates) as of any date is a prefix of the item's whole schedule; matching
 * reports to due dates is greedy in date order, so the answer for a due date
 * whose grace ended by the statistics date depends only on reports up to
 * that date and on the earlier due dates — exactly the whole-history
 * matching. Only due dates still inside their grace on the statistics date
 * (a report dated later could have answered them) are matched again, from
 * the same state. `period-items.test.ts` holds it to the reference on
 * generated ledgers, for every period and every item.
 *
 * Pure: items and dates in, numbers out.
 */
import { toDay } from './dates.ts';
import { itemFigures, periodicDates, type ItemFigures, type Light } from './figures.ts';
import type { Item } from './schemas/item.ts';

/** What the period figures need of a report. */
export interface ReportDates {
  date: string;
  unit: string;
  done?: boolean;
}

/** Settings fixed for a whole build (all periods share them). */
export interface PrepareSettings {
  /** No statistics date is later than this. */
  today: string;
  warningDays: number;
  graceDays: number;
}

/** One item of a period's figures. */
export interface PeriodItem {
  id: string;
  leadUnit: string;
  leaders: string[];
  /** The item's warning light on the statistics date. */
  light: Light;
  /** The item's figures as of the statistics date. */
  fig: ItemFigures;
  /** Deadline in force on the statistics date. */
  deadline: string;
  /** 应办结 in this period: counted in 办结率 and 按期办结率. */
  due: boolean;
  done: boolean;
  onTime: boolean;
  /** Due in the period, not finished, deadline passed. */
  overdue: boolean;
  feedbackDue: string[];
  feedbackAnswered: string[];
  flagged: boolean;
  accountability: number;
}


/** A schedule of due dates from one start, with the whole-history matching of the lead unit's reports. */
interface Schedule {
  /** Due dates up to this day. */
  until: string;
  dates: string[];
  days: number[];
  /** Per due date: answered in the whole-history matching. */
  answered: boolean[];
  /** Per report (in date order): the due date it answered in that matching, or Infinity. */
  usedBy: number[];
  startDay: number;
}

/** What is computed once per item. */
export interface PreparedItem {
  item: Item;
  reports: readonly ReportDates[];
  /** When the item entered the ledger (before that it is in no period). */
  created: string;
  /** The earliest cancellation, rejection or merge: from then on it counts in no period. */
  voidOn?: string;
  /**
   * A closed item's last date of any kind (steps, deadlines, reports): a
   * period that begins after it gets nothing from the item — neither a due
   * date, nor a report, nor a light.
   */
  settled?: string;
  /** The lead unit's report dates (only they answer for the item), sorted, as days. */
  ownDates: string[];
  ownDays: number[];
  /** The lead unit's first report marked done. */
  firstDone?: string;
  /** The deadline as days (when there is no extension, the deadline in force on any day). */
  deadlineDay: number;
  schedules: Map<string, Schedule | null>;
  /**
   * Named report dates listed twice: the reference matches by date, not by
   * position, so such an item takes the reference's path.
   */
  irregular: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The latest calendar date anywhere in a value (fields of any depth). */
function lastDate(v: unknown, acc = ''): string {
  if (typeof v === 'string') return DATE.test(v) && v > acc ? v : acc;
  if (Array.isArray(v)) {
    for (const x of v) acc = lastDate(x, acc);
    return acc;
  }
  if (v && typeof v === 'object') for (const x of Object.values(v)) acc = lastDate(x, acc);
  return acc;
}

export function prepareItem(item: Item, reports: readonly ReportDates[]): PreparedItem {
  const own = reports.filter((r) => r.unit === item.lead_unit);
  const ownDates = own.map((r) => r.date).sort();
  const firstDone = own.filter((r) => r.done).map((r) => r.date).sort()[0];
  const voids = [item.cancellation?.date, item.rejection?.date, item.merge?.date].filter((d): d is string => !!d).sort();
  let settled: string | undefined;
  if (item.closure) {
    settled = lastDate(item);
    for (const r of reports) if (r.date > settled) settled = r.date;
  }
  return {
    item,
    reports,
    created: createdOn(item),
    voidOn: voids[0],
    settled,
    ownDates,
    ownDays: ownDates.map(toDay),
    firstDone,
    deadlineDay: toDay(item.deadline),
    schedules: new Map(),
    irregular: Array.isArray(item.reports_due) && new Set(item.reports_due).size !== item.reports_due.length,
  };
}

/** The periodic schedule from `start` up to `until` (what `dueDates` lists), matched with the reports. */
function schedule(p: PreparedItem, start: string, until: string, graceDays: number): Schedule | null {
  const hit = p.schedules.get(start);
  if (hit !== undefined && (hit === null || hit.until >= until)) return hit;
  const rd = p.item.reports_due;
  let dates: string[];
  if (rd === 'once') dates = [];
  else if (Array.isArray(rd)) dates = [...rd].sort();
  else dates = periodicDates(start, rd, until);
  const days = dates.map(toDay);
  const startDay = toDay(start);
  // the whole-history greedy matching (figures.ts matchFeedback), remembering who answered what
  const usedBy = p.ownDays.map(() => Infinity);
  const answered = days.map(() => false);
  let prev = startDay - 1;
  for (let j = 0; j < days.length; j++) {
    const dueUntil = days[j]! + graceDays;
    for (let i = 0; i < p.ownDays.length; i++) {
      const r = p.ownDays[i]!;
      if (usedBy[i] === Infinity && r > prev && r <= dueUntil) {
        usedBy[i] = j;
        answered[j] = true;
        break;
      }
    }
    prev = days[j]!;
  }
  const s = rd === 'once' ? null : { until, dates, days, answered, usedBy, startDay };
  p.schedules.set(start, s);
  return s;
}

/** First index in sorted `a` whose value is > x (`strict`) or >= x. */
function bound(a: readonly string[], x: string, strict: boolean): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? a[mid]! <= x : a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A period as the per-item measure needs it (computed once per period). */
export interface PeriodAt {
  from: string;
  asOf: string;
  asOfDay: number;
  /** Schedules reach this day (no statistics date is later). */
  until: string;
}

export function periodAt(from: string, asOf: string, s: PrepareSettings): PeriodAt {
  return { from, asOf, asOfDay: toDay(asOf), until: s.today > asOf ? s.today : asOf };
}

/** What one item adds to a period's tallies (reused from item to item: no allocation per item). */
export interface Measure {
  light: Light;
  deadline: string;
  /** 应办结 in the period. */
  due: boolean;
  /** Finished by the statistics date (whether due or not). */
  finished: boolean;
  onTime: boolean;
  overdue: boolean;
  feedbackDue: number;
  feedbackAnswered: number;
  flagged: boolean;
  accountability: number;
}

export const newMeasure = (): Measure => ({ light: 'none', deadline: '', due: false, finished: false, onTime: false, overdue: false, feedbackDue: 0, feedbackAnswered: 0, flagged: false, accountability: 0 });

export const NOT_COUNTED = 0;
export const SETTLED = 1;
export const COUNTED = 2;

/**
 * Measure the item in a period: `NOT_COUNTED` when it does not count then
 * (not yet registered, or void), `SETTLED` when it was closed before the
 * period began and adds nothing to it, else `COUNTED` with `m` filled in
 * (and the period's due dates pushed to `dates` when given).
 */
export function measureItem(p: PreparedItem, at: PeriodAt, s: PrepareSettings, m: Measure, dates?: { due: string[]; answered: string[] }): number {
  if (p.irregular) throw new Error(`measureItem: ${p.item.id} has named report dates listed twice (use the reference)`);
  const { from, asOf, asOfDay } = at;
  if (p.created > asOf) return NOT_COUNTED;
  if (p.voidOn !== undefined && p.voidOn <= asOf) return NOT_COUNTED;
  if (p.settled !== undefined && p.settled < from && p.settled <= asOf) return SETTLED;
  const it = p.item;
  const closure = it.closure && it.closure.date <= asOf ? it.closure : undefined;
  const done = closure !== undefined;
  let deadline = it.deadline;
  let deadlineDay = p.deadlineDay;
  if (it.extensions.length) {
    let last: (typeof it.extensions)[number] | undefined;
    for (const e of it.extensions) if (e.date <= asOf) last = e;
    deadline = last ? last.to : it.extensions[0]!.from;
    deadlineDay = toDay(deadline);
  }
  const doneReport = p.firstDone !== undefined && p.firstDone <= asOf ? p.firstDone : undefined;
  const finished = closure ? (doneReport && doneReport < closure.date ? doneReport : closure.date) : undefined;
  // figures.ts lightOf, on days
  const left = deadlineDay - asOfDay;
  m.light = done ? 'done' : left < 0 ? 'red' : left <= s.warningDays ? 'yellow' : 'green';
  const start = it.assigned && it.assigned.date <= asOf ? it.assigned.date : it.inspection && it.inspection.date <= asOf ? it.inspection.date : undefined;
  let feedbackDue = 0;
  let feedbackAnswered = 0;
  const lastCounted = asOfDay - s.graceDays - 1;
  if (start !== undefined) {
    const end = closure ? closure.date : asOf;
    const sched = schedule(p, start, at.until, s.graceDays);
    if (sched === null) {
      // once: by the deadline, or when the work was finished before it
      const d = finished && finished < deadline ? finished : deadline;
      if (d <= end && d >= from) {
        const day = toDay(d);
        const startDay = toDay(start);
        let answered = false;
        for (const r of p.ownDays) {
          if (r > asOfDay) break;
          if (r > startDay - 1 && r <= day + s.graceDays) {
            answered = true;
            break;
          }
        }
        if (answered || day <= lastCounted) {
          feedbackDue++;
          dates?.due.push(d);
        }
        if (answered) {
          feedbackAnswered++;
          dates?.answered.push(d);
        }
      }
    } else {
      const n = bound(sched.dates, end, true);
      const lo = bound(sched.dates, from, false);
      // due dates still within their grace on asOf are matched again with the reports given by then
      let k = n;
      while (k > 0 && sched.days[k - 1]! + s.graceDays > asOfDay) k--;
      let again: boolean[] | undefined;
      if (k < n) {
        again = [];
        const used = p.ownDays.map((_, i) => sched.usedBy[i]! < k);
        let prev = k === 0 ? sched.startDay - 1 : sched.days[k - 1]!;
        for (let j = k; j < n; j++) {
          const until = sched.days[j]! + s.graceDays;
          let got = false;
          for (let i = 0; i < p.ownDays.length; i++) {
            const r = p.ownDays[i]!;
            if (r > asOfDay) break;
            if (!used[i] && r > prev && r <= until) {
              used[i] = true;
              got = true;
              break;
            }
          }
          again.push(got);
          prev = sched.days[j]!;
        }
      }
      for (let j = lo; j < n; j++) {
        const answered = j < k ? sched.answered[j]! : again![j - k]!;
        if (answered || sched.days[j]! <= lastCounted) {
          feedbackDue++;
          dates?.due.push(sched.dates[j]!);
        }
        if (answered) {
          feedbackAnswered++;
          dates?.answered.push(sched.dates[j]!);
        }
      }
    }
  }
  const due = deadline >= from && deadline <= asOf;
  m.deadline = deadline;
  m.due = due;
  m.finished = done;
  m.onTime = done && !!finished && finished <= deadline;
  m.overdue = due && !done && deadlineDay < asOfDay;
  m.feedbackDue = feedbackDue;
  m.feedbackAnswered = feedbackAnswered;
  m.flagged = !!it.flag && it.flag.date >= from && it.flag.date <= asOf;
  let acc = 0;
  for (const a of it.accountability) if (a.date >= from && a.date <= asOf) acc++;
  m.accountability = acc;
  return COUNTED;
}

/** A period item with the item's own figures as of the date worked out only when asked for (a bulletin's overdue list). */
class PeriodRow implements PeriodItem {
  id: string;
  leadUnit: string;
  leaders: string[];
  light: Light;
  deadline: string;
  due: boolean;
  done: boolean;
  onTime: boolean;
  overdue: boolean;
  feedbackDue: string[];
  feedbackAnswered: string[];
  flagged: boolean;
  accountability: number;
  #fig: ItemFigures | undefined;
  #p: PreparedItem;
  #asOf: string;
  #s: PrepareSettings;
  constructor(p: PreparedItem, m: Measure, dates: { due: string[]; answered: string[] }, asOf: string, s: PrepareSettings) {
    const it = p.item;
    this.id = it.id;
    this.leadUnit = it.lead_unit;
    this.leaders = it.leaders;
    this.light = m.light;
    this.deadline = m.deadline;
    this.due = m.due;
    this.done = m.due && m.finished;
    this.onTime = m.due && m.onTime;
    this.overdue = m.overdue;
    this.feedbackDue = dates.due;
    this.feedbackAnswered = dates.answered;
    this.flagged = m.flagged;
    this.accountability = m.accountability;
    this.#p = p;
    this.#asOf = asOf;
    this.#s = s;
  }
  get fig(): ItemFigures {
    const it = this.#p.item;
    const asOf = this.#asOf;
    return (this.#fig ??= itemFigures(
      itemAsOf(it, asOf)!,
      this.#p.reports.filter((r) => r.date <= asOf && r.unit === it.lead_unit),
      { today: asOf, warningDays: this.#s.warningDays, graceDays: this.#s.graceDays },
    ));
  }
}

/**
 * The item in the period `from`..`asOf` (statistics date `asOf`):
 * `undefined` when it does not count then (not yet registered, or void),
 * `'settled'` when it was closed before the period began and adds nothing
 * to it, else its figures.
 */
export function periodItemAt(p: PreparedItem, from: string, asOf: string, s: PrepareSettings, at = periodAt(from, asOf, s)): PeriodItem | 'settled' | undefined {
  const m = newMeasure();
  const dates = { due: [] as string[], answered: [] as string[] };
  const r = measureItem(p, at, s, m, dates);
  if (r === NOT_COUNTED) return undefined;
  if (r === SETTLED) return 'settled';
  return new PeriodRow(p, m, dates, asOf, s);
}

/** When an item entered the ledger. */
const createdOn = (it: Item) => it.registered?.date ?? it.application?.date ?? it.source.date;

/**
 * The item as it stood on `day`, from its dated fields: steps dated later
 * are removed, the deadline is the one in force that day. `undefined` when
 * the item was not yet registered.
 */
export function itemAsOf(it: Item, day: string): Item | undefined {
  if (createdOn(it) > day) return undefined;
  const upTo = <T extends { date: string }>(v: T | undefined) => (v && v.date <= day ? v : undefined);
  const extensions = it.extensions.filter((e) => e.date <= day);
  const deadline = it.extensions.length === 0 ? it.deadline : (extensions[extensions.length - 1]?.to ?? it.extensions[0]!.from);
  const closure = upTo(it.closure);
  const cancellation = upTo(it.cancellation);
  const rejection = upTo(it.rejection);
  const merge = upTo(it.merge);
  const state = cancellation
    ? 'cancelled'
    : rejection
      ? 'rejected'
      : merge
        ? 'merged'
        : closure
          ? upTo(it.archive) ? 'archived' : 'closed'
          : it.state === 'closed' || it.state === 'archived' || it.state === 'cancelled' || it.state === 'rejected' || it.state === 'merged'
            ? it.kind === 'special' ? (upTo(it.inspection) ? 'inspecting' : 'approved') : 'in_progress'
            : it.state;
  const flag = it.flag && it.flag.date <= day ? { ...it.flag, lifted: it.flag.lifted && it.flag.lifted <= day ? it.flag.lifted : undefined } : undefined;
  return {
    ...it,
    state,
    deadline,
    extensions,
    closure,
    archive: upTo(it.archive),
    cancellation,
    rejection,
    merge,
    assigned: upTo(it.assigned),
    inspection: upTo(it.inspection),
    flag,
    accountability: it.accountability.filter((a) => a.date <= day),
  };
}
