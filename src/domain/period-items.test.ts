/**
 * `periodItemAt` (the fast path the figures run) gives exactly what the
 * reference `periodItem` gives — for every period of several years and
 * every item, on seeded random items (every cadence, extensions, closures,
 * void steps, flags, accountability, reports inside and outside their
 * grace, done reports, named dates listed twice) and on the demo ledger's
 * records — and the period tallies built from it are the reference's.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { periodFigures, periodItem, tallyPeriod, type PeriodItem, type ReportInput } from './period-figures.ts';
import { periodItemAt, prepareItem } from './period-items.ts';
import { monthPeriod, periodsOfYear, rangePeriod, type Period, asOfDate } from './period.ts';
import { config as configSchema } from './schemas/config.ts';
import { item as itemSchema, type Item } from './schemas/item.ts';
import { loadLedger } from '../format/load-ledger.ts';
import { readRecordsTree } from '../io/read-tree.ts';
import { rng } from '../demo/generate.ts';

const W = configSchema.parse({ organisation: 'x', office: 'x', bulletin_name: 'x' }).score;

const base = itemSchema.parse({
  id: 'DB-2025-0001',
  title: '事项',
  kind: 'meeting',
  source: { type: 'party_committee', name: '党工委会议', date: '2025-01-01' },
  content: '内容',
  requirements: '要求',
  deadline: '2025-06-30',
  leaders: ['l1'],
  lead_unit: 'u1',
  co_units: ['u2'],
  reports_due: 'once',
  state: 'in_progress',
  registered: { date: '2025-01-01', by: 'o' },
});

/** A random item with its reports, dates between 2024 and 2027. */
function randomItem(rand: () => number, n: number): { item: Item; reports: ReportInput[] } {
  const pick = <T,>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const chance = (p: number) => rand() < p;
  const after = (d: string, max: number) => addDays(d, Math.floor(rand() * max));
  const r0 = addDays('2024-01-01', Math.floor(rand() * 1000));
  const lead = pick(['u1', 'u2', 'u3']);
  const co = pick([[], ['u1'], ['u2', 'u4']]);
  const assigned = chance(0.75) ? { date: after(r0, 20), by: 'o' } : undefined;
  const inspection = chance(0.25) ? { date: after(r0, 60) } : undefined;
  const start = assigned?.date ?? inspection?.date ?? r0;
  let deadline = after(start, 400);
  const extensions: Item['extensions'] = [];
  let extDay = after(start, 100);
  for (let k = chance(0.3) ? Math.floor(rand() * 3) + 1 : 0; k > 0; k--) {
    const to = after(deadline, 120);
    extensions.push({ date: extDay, from: deadline, to, approved_by: 'm', reason: '延期' });
    deadline = to;
    extDay = after(extDay, 90);
  }
  const closure = chance(0.45) ? { date: after(start, 500), by: 'o' } : undefined;
  const archive = closure && chance(0.5) ? { date: after(closure.date, 60), by: 'o', ref: 'A1', attachments: [] } : undefined;
  const voidStep = chance(0.12) ? pick(['cancellation', 'rejection', 'merge'] as const) : undefined;
  const voidDate = after(r0, 400);
  const cadence = pick(['once', 'weekly', 'biweekly', 'monthly', 'monthly', 'dates'] as const);
  const named = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => after(r0, 500));
  if (chance(0.2)) named.push(named[0]!); // a date listed twice
  const flag = chance(0.2) ? { date: after(r0, 300), by: 'o', reason: '挂牌', ...(chance(0.5) ? { lifted: after(r0, 600) } : {}) } : undefined;
  const accountability = Array.from({ length: chance(0.2) ? 1 + Math.floor(rand() * 2) : 0 }, () => ({ date: after(r0, 500), kind: 'direct' as const, measure: '约谈', reason: '不力' }));
  const state = pick(['in_progress', 'closed', 'archived', 'cancelled', 'assigned', 'merged', 'rejected', 'inspecting', 'approved'] as const);
  const item = {
    ...base,
    id: `DB-2025-${String(n).padStart(4, '0')}`,
    kind: inspection && chance(0.7) ? 'special' : pick(['meeting', 'superior'] as const),
    lead_unit: lead,
    co_units: co,
    leaders: chance(0.5) ? ['l1'] : ['l2', 'l3'],
    deadline,
    extensions,
    reports_due: cadence === 'dates' ? named : cadence,
    state: closure ? (archive ? 'archived' : 'closed') : voidStep ? ({ cancellation: 'cancelled', rejection: 'rejected', merge: 'merged' } as const)[voidStep] : state,
    registered: chance(0.9) ? { date: r0, by: 'o' } : undefined,
    source: { ...base.source, date: r0 },
    assigned,
    inspection,
    closure,
    archive,
    ...(voidStep === 'cancellation' ? { cancellation: { date: voidDate, approved_by: 'm', reason: '撤销' } } : {}),
    ...(voidStep === 'rejection' ? { rejection: { date: voidDate, by: 'm', reason: '不批' } } : {}),
    ...(voidStep === 'merge' ? { merge: { date: voidDate, by: 'm', into: 'DB-2025-9999' } } : {}),
    flag,
    accountability,
  } as unknown as Item;
  const reports = Array.from({ length: Math.floor(rand() * 16) }, () => ({ date: after(start, 600), unit: chance(0.75) ? lead : pick(['u2', 'u4']), done: chance(0.1) }));
  return { item, reports };
}

const S = (today: string) => ({ today, warningDays: 7, graceDays: 3 });

function periodsUpTo(today: string): Period[] {
  const years = [2024, 2025, 2026, 2027].filter((y) => `${y}-01-01` <= today);
  return [
    rangePeriod('2000-01-01', today),
    rangePeriod('2025-02-10', '2025-03-05'),
    ...years.flatMap((y) => [...periodsOfYear(y, today), ...Array.from({ length: 12 }, (_, i) => monthPeriod(y, i + 1)).filter((p) => p.from <= today)]),
  ];
}

/** What counts in tallies and lists; `fig` compared on its own. */
const plain = (x: PeriodItem) => ({ ...x, fig: undefined, light: x.light });

function compareAll(input: { item: Item; reports: ReportInput[] }[], today: string) {
  const s = S(today);
  let compared = 0;
  let settled = 0;
  for (const { item, reports } of input) {
    const prep = prepareItem(item, reports);
    for (const p of periodsUpTo(today)) {
      const asOf = asOfDate(p, today);
      const ref = periodItem(item, reports, p, asOf, s);
      if (prep.irregular) continue; // periodFigures takes the reference's path for these
      const fast = periodItemAt(prep, p.from, asOf, s);
      const where = `${item.id} ${p.key} as of ${asOf}`;
      if (fast === 'settled') {
        settled++;
        expect(ref, where).toBeDefined();
        expect(tallyPeriod([ref!]), where).toEqual(tallyPeriod([]));
        continue;
      }
      if (!ref) {
        expect(fast, where).toBeUndefined();
        continue;
      }
      compared++;
      expect(fast, where).toBeDefined();
      expect(plain(fast!), where).toEqual(plain(ref));
      expect(fast!.fig, where).toEqual(ref.fig);
    }
  }
  return { compared, settled };
}

describe('periodItemAt is periodItem, faster', () => {
  it('on 400 random items, for every period of four years, on three statistics days', () => {
    const rand = rng(7);
    const input = Array.from({ length: 400 }, (_, i) => randomItem(rand, i + 1));
    let total = { compared: 0, settled: 0 };
    for (const today of ['2025-03-04', '2026-07-15', '2027-12-31']) {
      const r = compareAll(input, today);
      total = { compared: total.compared + r.compared, settled: total.settled + r.settled };
    }
    // the test compared what it claims to: real figures, and items it could skip
    expect(total.compared).toBeGreaterThan(10_000);
    expect(total.settled).toBeGreaterThan(1_000);
  });

  it('on the demo ledger', () => {
    const root = resolve(import.meta.dirname, '../..');
    const { ledger } = loadLedger(readRecordsTree(root).sources);
    const byItem = new Map<string, ReportInput[]>();
    for (const r of ledger.reports) (byItem.get(r.itemId) ?? byItem.set(r.itemId, []).get(r.itemId)!).push({ date: r.value.date, unit: r.value.unit, done: r.value.done });
    const input = ledger.items.map((r) => ({ item: r.value, reports: byItem.get(r.value.id) ?? [] }));
    expect(input.length).toBeGreaterThan(20);
    expect(compareAll(input, '2026-11-24').compared).toBeGreaterThan(100);
  });

  it('periodFigures: the same tallies per unit and leader as the reference items give', () => {
    const rand = rng(11);
    const input = Array.from({ length: 300 }, (_, i) => randomItem(rand, i + 1));
    const today = '2026-09-30';
    const s = S(today);
    for (const p of periodsUpTo(today)) {
      const asOf = asOfDate(p, today);
      const refs = input.map((x) => periodItem(x.item, x.reports, p, asOf, s)).filter((x): x is PeriodItem => !!x);
      const f = periodFigures({ items: input }, p, s, { weights: W, rankedUnits: ['u1', 'u2', 'u3'] });
      expect(f.all, p.key).toEqual(tallyPeriod(refs));
      const group = (key: (x: PeriodItem) => string[]) => {
        const m = new Map<string, PeriodItem[]>();
        for (const x of refs) for (const k of key(x)) (m.get(k) ?? m.set(k, []).get(k)!).push(x);
        return new Map([...m].sort((a, b) => a[0].localeCompare(b[0])).map(([k, l]) => [k, tallyPeriod(l)]));
      };
      expect(f.byUnit, p.key).toEqual(group((x) => [x.leadUnit]));
      expect(f.byLeader, p.key).toEqual(group((x) => x.leaders));
      // the items that count are the reference's, less those closed before the period with nothing in it
      const kept = new Set(f.items.map((x) => x.id));
      for (const x of refs) if (!kept.has(x.id)) expect(tallyPeriod([x]), `${x.id} ${p.key}`).toEqual(tallyPeriod([]));
    }
  });
});
