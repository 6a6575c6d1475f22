/**
 * Synthetic ledgers for the benchmark: N items of the three kinds, each
 * moved step by step by the right people with reports from its units, so a
 * 10,000-item ledger has ~60,000 commits that pass the history check.
 * Deterministic (seeded), lazy (commits are yielded, not held in memory).
 */
import { addDays } from '../domain/dates.ts';
import { itemPath, reportPath, summaryPath } from '../format/layout.ts';
import { recordText, yamlFileText } from '../format/serialise.ts';
import type { NewCommit } from '../io/git/fast-import.ts';

/** A seeded pseudo-random source (mulberry32): the same ledger, or the same test items, every run. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = Array.from({ length: 20 }, (_, i) => ({ id: `unit-${i + 1}`, name: `第${i + 1}责任单位`, type: i < 12 ? 'department' : 'community' }));
const PEOPLE = [
  { id: 'office-1', name: '考核督查办甲', title: '考核督查办主任', roles: ['office'], emails: ['office1@bench.example'] },
  { id: 'main-1', name: '主要领导甲', title: '党工委书记', roles: ['main_leader'], emails: ['main1@bench.example'] },
  { id: 'sup-1', name: '督查领导甲', title: '党工委副书记', roles: ['supervision_leader', 'leader'], emails: ['sup1@bench.example'] },
  ...Array.from({ length: 6 }, (_, i) => ({ id: `leader-${i + 1}`, name: `分管领导${i + 1}`, title: '办事处副主任', roles: ['leader'], emails: [`leader${i + 1}@bench.example`] })),
  ...UNITS.map((u, i) => ({ id: `head-${i + 1}`, name: `${u.name}负责人`, title: '主任', roles: ['unit'], unit: u.id, emails: [`head${i + 1}@bench.example`] })),
];
const who = (id: string) => {
  const p = PEOPLE.find((x) => x.id === id)!;
  return { name: p.name, email: p.emails[0]! };
};

const FILLER =
  '根据街道党工委部署，责任单位要进一步提高认识，细化工作方案，明确时间节点和责任人，确保各项任务按期保质完成。' +
  '考核督查办将加强跟踪督办，对进度滞后的单位及时提醒，对推诿扯皮、落实不力的严肃问责。';

export interface GenerateOptions {
  items: number;
  seed?: number;
  /** First day of the generated history. */
  start?: string;
}

const SUPERIOR = ['registered', 'instructed', 'assigned', 'in_progress', 'reported', 'submitted', 'closed', 'archived'];
const MEETING = ['registered', 'assigned', 'in_progress'];
const SPECIAL = ['applied', 'approved', 'planned', 'inspecting'];

/** The commits of a generated ledger, oldest first. */
export function* generateLedger(opts: GenerateOptions): Generator<NewCommit> {
  const rand = rng(opts.seed ?? 42);
  const start = opts.start ?? '2019-01-02';
  const at = (date: string, k: number) => Date.parse(`${date}T09:00:00+08:00`) / 1000 + k * 30;
  const commit = (date: string, k: number, by: string, message: string, files: [string, string][]): NewCommit => ({
    author: who(by),
    time: at(date, k),
    tz: '+0800',
    message,
    files: new Map(files),
  });
  yield commit(start, 0, 'office-1', '建立台账', [
    ['records/config.yml', yamlFileText({ organisation: '基准街道', office: '基准街道考核督查办', bulletin_name: '基准督查' })],
    ['records/people.yml', yamlFileText({ people: PEOPLE })],
    ['records/units.yml', yamlFileText({ units: UNITS })],
  ]);
  const GROUP = 10;
  // a group of ten items every ~3 days: ~1,250 items a year (a busy office),
  // so 10,000 items span eight years as a real ledger of that size would
  const counters = new Map<string, { item: number; notice: number; plan: number; summary: number }>();
  /** Each superior item reaching 已汇报 gets the next 督查汇报 number of its year. */
  const summaryIds = new Map<string, string>();
  const summaryIdOf = (id: string) => summaryIds.get(id)!;
  for (let g = 0; g * GROUP < opts.items; g++) {
    const day0 = addDays(start, 1 + Math.floor(g * 2.9));
    const r = rand();
    const kind = r < 0.5 ? 'superior' : r < 0.8 ? 'meeting' : 'special';
    const year = day0.slice(0, 4);
    const c = counters.get(year) ?? { item: 0, notice: 0, plan: 0, summary: 0 };
    counters.set(year, c);
    const ids = Array.from({ length: Math.min(GROUP, opts.items - g * GROUP) }, () => `DB-${year}-${String(++c.item).padStart(4, '0')}`);
    const items = ids.map((id, i) => {
      const unit = UNITS[(g * 3 + i) % UNITS.length]!;
      const co = UNITS[(g * 3 + i + 7) % UNITS.length]!;
      const leader = `leader-${((g + i) % 6) + 1}`;
      const unitIdx = UNITS.indexOf(unit) + 1;
      const path = kind === 'superior' ? SUPERIOR : kind === 'meeting' ? MEETING : SPECIAL;
      const upto = 1 + Math.floor(rand() * path.length);
      return { id: `${id}`, unit: unit.id, co: co.id, head: `head-${unitIdx}`, leader, path: path.slice(0, upto), reports: 2 + Math.floor(rand() * 5) };
    });
    for (const it of items) if (it.path.includes('reported')) summaryIds.set(it.id, `HB-${year}-${String(++c.summary).padStart(3, '0')}`);
    let k = 1;
    const file = (id: string) => itemPath(id);
    const noticeId = `TZ-${year}-${String(kind === 'meeting' ? ++c.notice : c.notice).padStart(3, '0')}`;
    const planId = `FA-${year}-${String(kind === 'special' ? ++c.plan : c.plan).padStart(3, '0')}`;
    // one document per group (notice for meeting items, plan for special ones)
    for (const it of items) {
      const base: Record<string, unknown> = {
        id: it.id,
        title: `${kind === 'superior' ? '上级交办' : kind === 'meeting' ? '会议议定' : '专项督查'}事项 ${it.id}`,
        kind,
        source:
          kind === 'superior'
            ? { type: 'document', name: '上级文件', doc_no: `区委办〔${year}〕${g + 1}号`, date: day0 }
            : kind === 'meeting'
              ? { type: 'party_committee', name: `党工委会议（第${g + 1}次）`, date: day0 }
              : { type: 'department', name: '部门专项督查申请', date: day0 },
        content: `${it.id} 的督查内容。${FILLER}`,
        requirements: `按期完成，每月报送进展。${FILLER}`,
        deadline: addDays(day0, 60),
        leaders: [it.leader],
        lead_unit: it.unit,
        co_units: [it.co],
        reports_due: 'monthly',
        visibility: 'internal',
      };
      const steps: Record<string, [number, Record<string, unknown>, string]> = {
        registered: [0, { registered: { date: day0, by: 'office-1' } }, 'office-1'],
        applied: [
          0,
          { application: { date: day0, by: it.head, reviewed_by: it.leader, reason: '确需专项督查。', targets: [it.unit], mode: 'written', from: addDays(day0, 3), to: addDays(day0, 30), mergeable: false } },
          it.head,
        ],
        instructed: [1, { instruction: { date: addDays(day0, 1), by: 'main-1', text: '请抓好落实。' } }, 'main-1'],
        approved: [1, { approval: { date: addDays(day0, 1), by: 'main-1', text: '同意。' } }, 'main-1'],
        assigned: [2, { assigned: kind === 'meeting' ? { date: addDays(day0, 2), by: 'office-1', notice: noticeId } : { date: addDays(day0, 2), by: 'office-1' } }, 'office-1'],
        planned: [2, { planned: { date: addDays(day0, 2), by: 'office-1', plan: planId } }, 'office-1'],
        in_progress: [3, { arranged: { date: addDays(day0, 3), by: it.leader } }, it.leader],
        inspecting: [3, { inspection: { date: addDays(day0, 3) } }, 'office-1'],
        reported: [20, { summary: { date: addDays(day0, 20), by: 'office-1', document: summaryIdOf(it.id) } }, 'office-1'],
        submitted: [21, { submitted: { date: addDays(day0, 21), by: 'office-1', to: '区委督查室' } }, 'office-1'],
        closed: [
          25,
          {
            // the first report (day 5) is the evidence, accepted the day before closure
            reviews: [{ date: addDays(day0, 24), by: 'office-1', report: `${addDays(day0, 5)}-${it.unit}.md`, result: 'accepted' }],
            closure: { date: addDays(day0, 25), by: 'office-1', reports: [`${addDays(day0, 5)}-${it.unit}.md`], method: 'document', verified_by: 'office-1' },
          },
          'office-1',
        ],
        archived: [26, { archive: { date: addDays(day0, 26), by: 'office-1', ref: `档案-${it.id}` } }, 'office-1'],
      };
      (it as { steps?: typeof steps; base?: typeof base }).steps = steps;
      (it as { base?: typeof base }).base = base;
    }
    type Ev = { day: number; order: number; make: () => NewCommit };
    const evs: Ev[] = [];
    items.forEach((it, i) => {
      const steps = (it as unknown as { steps: Record<string, [number, Record<string, unknown>, string]> }).steps;
      // a superior item's 督查汇报: reviewed and instructed before 已汇报, revised before 上报
      if (it.path.includes('reported')) {
        const doc = (revised: boolean) =>
          recordText(
            {
              id: summaryIdOf(it.id),
              title: `关于${it.id}落实情况的汇报`,
              item: it.id,
              to: '区委督查室',
              drafted: { date: addDays(day0, 18), by: 'office-1' },
              reviewed: { date: addDays(day0, 19), by: 'sup-1' },
              instructed: { date: addDays(day0, 20), by: 'main-1', text: '同意上报。' },
              ...(revised ? { revised: { date: addDays(day0, 21), by: 'office-1' } } : {}),
            },
            `${FILLER}\n`,
          );
        const file = summaryPath(summaryIdOf(it.id));
        evs.push({ day: 20, order: 5 + i, make: () => commit(addDays(day0, 20), k++, 'office-1', `${summaryIdOf(it.id)} 督查汇报`, [[file, doc(false)]]) });
        if (it.path.includes('submitted')) evs.push({ day: 21, order: 5 + i, make: () => commit(addDays(day0, 21), k++, 'office-1', `${summaryIdOf(it.id)} 定稿`, [[file, doc(true)]]) });
      }
      let acc = { ...(it as unknown as { base: Record<string, unknown> }).base };
      for (const s of it.path) {
        const [d, fields, by] = steps[s]!;
        acc = { ...acc, ...fields, state: s };
        const text = recordText(acc, `${FILLER}\n`);
        evs.push({ day: d, order: 10 + i, make: () => commit(addDays(day0, d), k++, by, `${it.id} → ${s}`, [[file(it.id), text]]) });
      }
      const started = it.path.includes('in_progress') || it.path.includes('inspecting');
      for (let n = 0; started && n < it.reports; n++) {
        const d = 5 + n * 7;
        const date = addDays(day0, d);
        evs.push({
          day: d,
          order: 50 + i,
          make: () =>
            commit(date, k++, it.head, `${it.id} 报送落实情况`, [
              [reportPath(it.id, `${date}-${it.unit}.md`), recordText({ date, unit: it.unit, by: it.head, progress: `第${n + 1}次报送：${FILLER}`, problems: '暂无。', next: '继续推进。' })],
            ]),
        });
      }
    });
    if (kind === 'meeting' && items.some((it) => it.path.includes('assigned'))) {
      const text = recordText({ id: noticeId, title: `督办通知（第${g + 1}组）`, date: addDays(day0, 2), by: 'office-1', items: items.map((i) => i.id), to_units: [...new Set(items.flatMap((i) => [i.unit, i.co]))] }, `${FILLER}\n`);
      evs.push({ day: 2, order: 0, make: () => commit(addDays(day0, 2), k++, 'office-1', `印发督办通知 ${noticeId}`, [[`records/notices/${noticeId}.md`, text]]) });
    }
    if (kind === 'special' && items.some((it) => it.path.includes('planned'))) {
      const planned = items.filter((it) => it.path.includes('planned') || it.path.includes('approved'));
      const text = recordText({
        id: planId,
        title: `专项督查考核方案（第${g + 1}组）`,
        date: addDays(day0, 2),
        by: 'office-1',
        applications: planned.map((i) => i.id),
        mode: 'written',
        period: { from: addDays(day0, 3), to: addDays(day0, 30) },
        targets: [...new Set(planned.map((i) => i.unit))],
        content: FILLER,
        requirements: FILLER,
      });
      evs.push({ day: 2, order: 0, make: () => commit(addDays(day0, 2), k++, 'office-1', `方案备案 ${planId}`, [[`records/plans/${planId}.md`, text]]) });
    }
    evs.sort((a, b) => a.day - b.day || a.order - b.order);
    for (const e of evs) yield e.make();
  }
}
