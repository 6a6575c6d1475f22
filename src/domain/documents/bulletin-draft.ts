/**
 * The next 督查通报 drafted from the ledger (issue: “bulletins drafted from
 * the ledger”): the record's fields (next 期号, period, figures as data,
 * items covered) and a Markdown body in the notice's structure — 一、总体
 * 情况 (figures computed, never typed), 二、进展较好的单位, 三、存在问题
 * (overdue, returned, flagged, extended, reports missed), 四、责任单位排名,
 * 五、下步要求 — for the office to edit the prose of before review. Pure.
 */
import { daysBetween } from '../dates.ts';
import type { Ledger } from '../ledger.ts';
import { ledgerFigures, figureInput } from '../ledger-figures.ts';
import type { Period } from '../period.ts';
import { TIER_LABELS } from '../figures.ts';
import { percent, type PeriodFigures } from '../period-figures.ts';
import { statedFigures } from '../rules/bulletin-figures.ts';
import type { Bulletin, BULLETIN_KINDS } from '../schemas/bulletin.ts';
import type { Item } from '../schemas/item.ts';
import { namesOf } from './names.ts';

export type DraftKind = Exclude<(typeof BULLETIN_KINDS)[number], 'report'>;

export interface DraftOptions {
  period: Period;
  today: string;
  /** Who drafts (an office person's id). */
  by: string;
  /** Only items of this kind (overdue: only overdue items); default every item, filed as a meeting bulletin. */
  kind?: DraftKind;
}

export interface BulletinDraft {
  /** The record's frontmatter fields. */
  record: Bulletin;
  body: string;
  figures: PeriodFigures;
}

const KIND_ITEMS: Record<DraftKind, (it: Item) => boolean> = {
  meeting: (it) => it.kind === 'meeting',
  special: (it) => it.kind === 'special',
  overdue: () => true,
};

/** The next number of `year`: one past the highest issued or drafted. */
export function nextBulletinNumber(ledger: Ledger, year: number): { number: number; total?: number } {
  const same = ledger.bulletins.filter((b) => b.value.year === year).map((b) => b.value.number);
  const totals = ledger.bulletins.map((b) => b.value.total).filter((t): t is number => typeof t === 'number');
  return { number: (same.length ? Math.max(...same) : 0) + 1, total: totals.length ? Math.max(...totals) + 1 : undefined };
}

const cell = (s: string) => s.replace(/\|/g, '／').replace(/\r?\n/g, ' ');
const short = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function draftBulletin(ledger: Ledger, o: DraftOptions): BulletinDraft {
  const kind = o.kind ?? 'meeting';
  const n = namesOf(ledger);
  const input = figureInput(ledger);
  const f = ledgerFigures(ledger, o.period, o.today, input);
  const stated = statedFigures(f);
  const byId = new Map(ledger.items.map((r) => [r.value.id, r.value]));
  const latest = new Map<string, { date: string; progress: string }>();
  for (const r of ledger.reports) {
    if (r.value.date > f.asOf) continue;
    const cur = latest.get(r.itemId);
    if (!cur || cur.date <= r.value.date) latest.set(r.itemId, { date: r.value.date, progress: r.value.progress });
  }
  // without an explicit kind the monthly bulletin covers every kind of item
  const pick = o.kind ? KIND_ITEMS[kind] : () => true;
  const inP = (d: string) => d >= o.period.from && d <= f.asOf;
  const handedOut = (it: Item) => Boolean(it.assigned?.date && it.assigned.date <= f.asOf) || Boolean(it.inspection?.date && it.inspection.date <= f.asOf);
  const due = f.items.filter((x) => x.due && pick(byId.get(x.id)!) && handedOut(byId.get(x.id)!));
  const overdue = f.items.filter((x) => x.fig.overdue && pick(byId.get(x.id)!) && handedOut(byId.get(x.id)!));
  const covered = kind === 'overdue' ? overdue : [...new Map([...due, ...overdue].map((x) => [x.id, x])).values()];
  covered.sort((a, b) => a.id.localeCompare(b.id));

  const year = Number(o.today.slice(0, 4));
  const { number, total } = nextBulletinNumber(ledger, year);
  const id = `TB-${year}-${String(number).padStart(2, '0')}`;
  const last = [...ledger.bulletins].sort((a, b) => b.value.date.localeCompare(a.value.date))[0]?.value;
  const distribution = last?.distribution ?? { report_to: [], send_to: [], issue_to: ['各部门、各社区、驻街单位'] };
  const titles: Record<DraftKind, string> = {
    meeting: `关于${o.period.label}督办事项落实情况的通报`,
    special: `关于${o.period.label}专项督查情况的通报`,
    overdue: `关于${o.period.label}超期未办结督办事项的通报`,
  };

  const a = f.all;
  const L: string[] = [];
  L.push(`${distribution.issue_to.join('，')}：`, '');
  L.push(`现将${o.period.label}督办事项落实情况通报如下。`, '');
  L.push('## 一、总体情况', '');
  L.push(
    `截至${f.asOf}，时限在本期内的督办事项${a.due}项，已办结${a.done}项，其中按期办结${a.onTime}项，超期未办结${a.overdue}项；` +
      `办结率${percent(a.completionRate)}，按期办结率${percent(a.onTimeRate)}。` +
      `本期应报送落实情况${a.feedbackDue}次，按时报送${a.feedbackAnswered}次，反馈率${percent(a.feedbackRate)}。`,
    '',
  );
  L.push('## 二、进展较好的单位', '');
  const good = f.ranking.filter((r) => r.tier === 0);
  if (good.length === 0) L.push('（本期没有可排名的单位。）', '');
  for (const r of good) {
    const t = r.tally;
    const onTimeItems = f.items.filter((x) => x.leadUnit === r.unit && x.onTime).map((x) => `“${short(byId.get(x.id)!.title)}”（${x.id}）`);
    const rates = ([['办结率', t.completionRate], ['按期办结率', t.onTimeRate], ['反馈率', t.feedbackRate]] as const)
      .filter(([, x]) => x !== null)
      .map(([w, x]) => `${w}${percent(x)}`);
    L.push(
      `**${n.unitFull(r.unit)}**：综合得分${r.score}分${rates.length ? `，${rates.join('，')}` : ''}` +
        (onTimeItems.length ? `；按期办结${onTimeItems.slice(0, 3).join('、')}${onTimeItems.length > 3 ? `等${onTimeItems.length}项` : ''}。` : '。'),
      '',
    );
  }
  L.push('## 三、存在问题', '');
  let k = 0;
  const sub = (title: string) => L.push(`### （${'一二三四五六七八九十'[k++]}）${title}`, '');
  if (overdue.length) {
    sub(`超期未办结事项（${overdue.length}项，含以前各期到期仍未办结的）`);
    L.push('| 编号 | 事项 | 牵头单位 | 落实时限 | 超期天数 | 最新进展 |', '|---|---|---|---|---|---|');
    for (const x of overdue) {
      const it = byId.get(x.id)!;
      const p = latest.get(x.id);
      L.push(`| ${x.id} | ${cell(short(it.title))} | ${n.unit(it.lead_unit)} | ${x.deadline} | ${daysBetween(x.deadline, f.asOf)} | ${p ? cell(`${p.date} ${short(p.progress, 40)}`) : '未报送'} |`);
    }
    L.push('');
  }
  const returned = ledger.items.map((r) => r.value).filter((it) => pick(it) && it.returns.some((x) => inP(x.date)));
  if (returned.length) {
    sub(`退回重办事项（${returned.length}项）`);
    for (const it of returned) for (const x of it.returns.filter((x) => inP(x.date))) L.push(`- ${it.id}“${short(it.title)}”（${n.unit(it.lead_unit)}）：${x.date}退回，原因：${x.reason}`);
    L.push('');
  }
  const flagged = ledger.items.map((r) => r.value).filter((it) => pick(it) && it.flag && inP(it.flag.date));
  if (flagged.length) {
    sub(`挂牌督办事项（${flagged.length}项）`);
    for (const it of flagged) L.push(`- ${it.id}“${short(it.title)}”（${n.unit(it.lead_unit)}）：${it.flag!.date}挂牌，${it.flag!.reason}`);
    L.push('');
  }
  const extended = ledger.items.map((r) => r.value).filter((it) => pick(it) && it.extensions.some((x) => inP(x.date)));
  if (extended.length) {
    sub(`延期事项（${extended.length}项）`);
    for (const it of extended) for (const x of it.extensions.filter((x) => inP(x.date))) L.push(`- ${it.id}“${short(it.title)}”（${n.unit(it.lead_unit)}）：时限由${x.from}延至${x.to}，${x.reason}`);
    L.push('');
  }
  const missed = [...f.byUnit].filter(([, t]) => t.feedbackDue > t.feedbackAnswered).sort((x, y) => y[1].feedbackDue - y[1].feedbackAnswered - (x[1].feedbackDue - x[1].feedbackAnswered));
  if (missed.length) {
    sub('未按时报送落实情况的单位');
    L.push(missed.map(([u, t]) => `${n.unit(u)}${t.feedbackDue - t.feedbackAnswered}次`).join('，') + '。', '');
  }
  if (k === 0) L.push('本期没有超期、退回、挂牌、延期或未按时报送的情况。', '');
  L.push('## 四、责任单位排名', '');
  if (f.ranking.length) {
    L.push('| 名次 | 单位 | 档次 | 得分 | 办结率 | 按期办结率 | 反馈率 | 超期 |', '|---|---|---|---|---|---|---|---|');
    for (const r of f.ranking) {
      const t = r.tally;
      L.push(`| ${r.rank} | ${n.unit(r.unit)} | ${TIER_LABELS[r.tier]} | ${r.score} | ${percent(t.completionRate)} | ${percent(t.onTimeRate)} | ${percent(t.feedbackRate)} | ${t.overdue} |`);
    }
    L.push('');
    if (f.adjustments.length) {
      L.push(`得分含主要领导决定的加减分：${f.adjustments.map((x) => `${n.unit(x.unit)}${x.points > 0 ? '+' : ''}${x.points}分（${x.reason}）`).join('；')}。`, '');
    }
  } else L.push('本期没有时限到期或应报送的事项，不排名。', '');
  L.push('## 五、下步要求', '');
  L.push('1. 超期未办结事项的牵头单位要倒排工期，明确办结时间，并按报送要求书面报送落实情况。', '');
  L.push('2. （请考核督查办根据主要领导意见补充。）', '');

  const record: Bulletin = {
    id,
    year,
    number,
    ...(total ? { total } : {}),
    title: titles[kind],
    kind,
    date: o.today,
    period: o.period.key,
    // the scoring the ranking was made with, so the bulletin is checked by it for good
    figures: ledger.config ? { ...stated, score: ledger.config.value.score } : stated,
    items: covered.map((x) => x.id),
    draft: true,
    drafted: { date: o.today, by: o.by },
    distribution,
    visibility: 'internal',
  } as Bulletin;
  return { record, body: L.join('\n'), figures: f };
}
