/**
 * The 催办 list (三、（一）“以严格的时限要求，倒逼各责任单位加快工作落实”):
 * what is due soon, what is overdue, and which reports were missed per the
 * item's cadence, grouped by unit and by leader, with the escalation step
 * config suggests for each overdue item (提醒 → 催办 → 挂牌督办 → 问责 after
 * N days) — suggested, never applied. Pure.
 */
import { daysBetween } from '../dates.ts';
import { dueDates, itemFigures, reportingStart } from '../figures.ts';
import type { Ledger } from '../ledger.ts';
import type { ReminderSettings } from '../schemas/config.ts';
import type { Item } from '../schemas/item.ts';
import { namesOf } from './names.ts';

export type Escalation = ReminderSettings['escalation'][number]['step'];

export const ESCALATION_LABELS: Record<Escalation, string> = {
  remind: '提醒',
  chase: '催办',
  flag: '挂牌督办',
  accountability: '建议问责',
};

export interface Chase {
  id: string;
  title: string;
  unit: string;
  unitName: string;
  leaders: string[];
  deadline: string;
  /** Days until the deadline (negative: overdue). */
  daysLeft: number;
  reasons: ('overdue' | 'due-soon' | 'report-missed' | 'report-soon')[];
  /** Report due dates passed without a report of the lead unit. */
  missed: string[];
  /** The next report due date within `report_soon_days`. */
  nextReport?: string;
  /** The escalation config suggests (overdue items), unless already taken. */
  suggest?: Escalation;
  /** Chases already recorded on the item. */
  chased: number;
  lastChased?: string;
}

export interface ReminderList {
  today: string;
  chases: Chase[];
  byUnit: { unit: string; name: string; chases: Chase[] }[];
  byLeader: { person: string; name: string; chases: Chase[] }[];
}

const handedOut = (it: Item, today: string) => {
  const s = reportingStart(it);
  return !!s && s <= today;
};

export function reminderList(ledger: Ledger, today: string): ReminderList {
  const cfg = ledger.config?.value;
  const r = cfg?.reminders ?? { report_soon_days: 3, escalation: [] };
  const soonDays = r.due_soon_days ?? cfg?.warning_days ?? 7;
  const settings = { today, warningDays: cfg?.warning_days ?? 7, graceDays: cfg?.feedback_grace_days ?? 2 };
  const n = namesOf(ledger);
  const reports = new Map<string, { date: string; unit: string; done: boolean }[]>();
  for (const x of ledger.reports) (reports.get(x.itemId) ?? reports.set(x.itemId, []).get(x.itemId)!).push({ date: x.value.date, unit: x.value.unit, done: x.value.done });
  const ladder = [...r.escalation].sort((a, b) => a.after_days - b.after_days);
  const chases: Chase[] = [];
  for (const rec of ledger.items) {
    const it = rec.value;
    if (!handedOut(it, today)) continue;
    const own = (reports.get(it.id) ?? []).filter((x) => x.unit === it.lead_unit);
    const fig = itemFigures(it, own, settings);
    if (!fig.counted || fig.done) continue;
    const reasons: Chase['reasons'] = [];
    if (fig.overdue) reasons.push('overdue');
    else if (fig.daysLeft <= soonDays) reasons.push('due-soon');
    if (fig.feedbackMissed.length) reasons.push('report-missed');
    const upcoming = dueDates(it, addDaysText(today, r.report_soon_days)).find((d) => d >= today);
    const lastReport = own.map((x) => x.date).sort().at(-1);
    const nextReport = upcoming && (!lastReport || lastReport < today) ? upcoming : undefined;
    if (nextReport) reasons.push('report-soon');
    if (reasons.length === 0) continue;
    let suggest: Escalation | undefined;
    if (fig.overdue) {
      for (const step of ladder) if (fig.daysOverdue >= step.after_days) suggest = step.step;
      if (suggest === 'flag' && it.flag && !it.flag.lifted) suggest = 'chase';
    }
    chases.push({
      id: it.id,
      title: it.title,
      unit: it.lead_unit,
      unitName: n.unitFull(it.lead_unit),
      leaders: it.leaders,
      deadline: it.deadline,
      daysLeft: fig.daysLeft,
      reasons,
      missed: fig.feedbackMissed,
      nextReport,
      suggest,
      chased: it.reminders.length,
      lastChased: it.reminders.at(-1)?.date,
    });
  }
  chases.sort((a, b) => a.daysLeft - b.daysLeft || a.id.localeCompare(b.id));
  const group = <K extends string>(key: (c: Chase) => K[]) => {
    const m = new Map<K, Chase[]>();
    for (const c of chases) for (const k of key(c)) (m.get(k) ?? m.set(k, []).get(k)!).push(c);
    return [...m].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  };
  return {
    today,
    chases,
    byUnit: group((c) => [c.unit]).map(([unit, list]) => ({ unit, name: n.unitFull(unit), chases: list })),
    byLeader: group((c) => c.leaders).map(([person, list]) => ({ person, name: n.person(person), chases: list })),
  };
}

function addDaysText(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** One line of a chase, as staff send it. */
export function chaseLine(c: Chase): string {
  const parts: string[] = [];
  if (c.daysLeft < 0) parts.push(`已超期${-c.daysLeft}天（时限${c.deadline}）`);
  else if (c.reasons.includes('due-soon')) parts.push(c.daysLeft === 0 ? `今天到期（${c.deadline}）` : `还有${c.daysLeft}天到期（${c.deadline}）`);
  if (c.missed.length) parts.push(`${c.missed.length}次未按时报送落实情况（应于${c.missed.slice(-3).join('、')}报送）`);
  if (c.nextReport) parts.push(`请于${c.nextReport}前报送落实情况`);
  return `${c.id}“${c.title}”：${parts.join('；')}`;
}

/** The text ready to send to each unit. */
export function reminderMessages(list: ReminderList, office: string): { unit: string; name: string; text: string }[] {
  return list.byUnit.map((g) => ({
    unit: g.unit,
    name: g.name,
    text: [`【催办】${g.name}：`, `你单位牵头的以下督办事项需抓紧办理，请按要求在台账中报送落实情况：`, ...g.chases.map((c, i) => `${i + 1}. ${chaseLine(c)}`), `${office}　${list.today}`].join('\n'),
  }));
}

/** A day's chase of `c` as the entry `--record` appends to the item. */
export function chaseEntry(c: Chase, today: string, by: string, method: 'phone' | 'message' | 'notice' | 'visit') {
  return { date: today, method, to: [c.unitName], by, note: chaseLine(c).replace(/^[^：]*：/, '') };
}

export { daysBetween };
