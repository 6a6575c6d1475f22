/**
 * Volume control of special inspections (中办发〔2018〕56号: 严格控制督查
 * 考核总量和频次; the notice: 一事一请示，可合并进行的一律合并进行). For a
 * new or pending application: would it exceed the year's quota or a unit's
 * quota, and which open applications cover the same units in an
 * overlapping period (merge candidates). `ledger apply` calls
 * `checkApplication` and warns; the site shows `yearVolume`. Pure.
 */
import type { Plan } from './schemas/plan.ts';
import type { Quota } from './schemas/config.ts';
import type { Item } from './schemas/item.ts';
import { VOID_STATES } from './workflow.ts';

/** What volume control reads: the items and plans (a Ledger, or a site build's lists). */
export interface VolumeLedger {
  items: readonly { value: Item }[];
  plans: readonly { value: Plan }[];
}

export interface Application {
  /** The application's own id when it is already a record (left out of the counts). */
  id?: string;
  date: string;
  /** Units to be inspected. */
  units: string[];
  /** When the inspection would run (default: from the application date to its deadline). */
  from: string;
  to: string;
}

export interface Overlap {
  id: string;
  title: string;
  state: Item['state'];
  shared: string[];
  from: string;
  to: string;
}

export interface VolumeWarning {
  code: 'year-quota' | 'unit-quota' | 'overlap';
  message: string;
}

export interface ApplicationCheck {
  year: number;
  /** Special inspections of the year counted so far (without this one). */
  used: number;
  limit: number;
  perUnit: { unit: string; count: number; limit: number }[];
  overlaps: Overlap[];
  warnings: VolumeWarning[];
  /** Ids this application could be merged with (可合并进行的一律合并进行). */
  mergeWith: string[];
}

const OPEN_APPLICATION: readonly Item['state'][] = ['applied', 'approved', 'planned'];

/** The units a special inspection covers: its plan's targets once planned, else its co-units. */
export function inspectedUnits(it: Item, ledger: VolumeLedger): string[] {
  const plan = it.planned ? ledger.plans.find((p) => p.value.id === it.planned!.plan) : undefined;
  return plan ? plan.value.targets : (it.application?.targets ?? it.co_units);
}

/** When a special inspection runs: its plan's period, else the application's proposed dates. */
export function inspectionSpan(it: Item, ledger: VolumeLedger): { from: string; to: string } {
  const plan = it.planned ? ledger.plans.find((p) => p.value.id === it.planned!.plan) : undefined;
  if (plan) return plan.value.period;
  const app = it.application;
  return app ? { from: app.from, to: app.to } : { from: it.source.date, to: it.deadline };
}

/** Special inspections of `year` that count against the quota (not rejected, merged or cancelled). */
export function countedInspections(ledger: VolumeLedger, year: number, except?: string): Item[] {
  return ledger.items
    .map((r) => r.value)
    .filter((it) => it.kind === 'special' && it.id !== except && !VOID_STATES.includes(it.state) && (it.application?.date ?? it.source.date).startsWith(String(year)));
}

export interface YearVolume {
  year: number;
  limit: number;
  perUnitLimit: number;
  inspections: { id: string; title: string; state: Item['state']; units: string[]; from: string; to: string }[];
  perUnit: { unit: string; count: number; ids: string[] }[];
}

/** The year's special inspections against the quota, and the inspections each unit received. */
export function yearVolume(ledger: VolumeLedger, year: number, quota: Quota): YearVolume {
  const list = countedInspections(ledger, year).map((it) => ({ id: it.id, title: it.title, state: it.state, units: inspectedUnits(it, ledger), ...inspectionSpan(it, ledger) }));
  const m = new Map<string, string[]>();
  for (const x of list) for (const u of x.units) (m.get(u) ?? m.set(u, []).get(u)!).push(x.id);
  return {
    year,
    limit: quota.special_per_year,
    perUnitLimit: quota.per_unit_per_year,
    inspections: list.sort((a, b) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id)),
    perUnit: [...m].map(([unit, ids]) => ({ unit, count: ids.length, ids })).sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit)),
  };
}

export function checkApplication(ledger: VolumeLedger, app: Application, quota: Quota, unitName: (id: string) => string = (u) => u): ApplicationCheck {
  const year = Number(app.date.slice(0, 4));
  const counted = countedInspections(ledger, year, app.id);
  const warnings: VolumeWarning[] = [];
  if (counted.length + 1 > quota.special_per_year) {
    warnings.push({ code: 'year-quota', message: `${year}年已有专项督查 ${counted.length} 项，再批准此项将超过年度总量 ${quota.special_per_year} 项` });
  }
  const perUnit = app.units.map((unit) => ({ unit, count: counted.filter((it) => inspectedUnits(it, ledger).includes(unit)).length, limit: quota.per_unit_per_year }));
  for (const u of perUnit) {
    if (u.count + 1 > u.limit) warnings.push({ code: 'unit-quota', message: `${unitName(u.unit)}${year}年已接受专项督查 ${u.count} 次，再督查将超过每单位 ${u.limit} 次的上限` });
  }
  const overlaps: Overlap[] = [];
  for (const it of counted) {
    if (!OPEN_APPLICATION.includes(it.state) && it.state !== 'inspecting') continue;
    const span = inspectionSpan(it, ledger);
    if (span.to < app.from || span.from > app.to) continue;
    const shared = inspectedUnits(it, ledger).filter((u) => app.units.includes(u));
    if (shared.length === 0) continue;
    overlaps.push({ id: it.id, title: it.title, state: it.state, shared, ...span });
  }
  for (const o of overlaps) {
    warnings.push({ code: 'overlap', message: `${o.id}“${o.title}”同期（${o.from}至${o.to}）也督查 ${o.shared.map(unitName).join('、')}，可合并进行的一律合并进行：建议合并` });
  }
  return { year, used: counted.length, limit: quota.special_per_year, perUnit, overlaps, warnings, mergeWith: overlaps.filter((o) => OPEN_APPLICATION.includes(o.state)).map((o) => o.id) };
}
