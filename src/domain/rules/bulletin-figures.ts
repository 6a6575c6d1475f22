/**
 * A bulletin's stated figures are data, not prose: the checker recomputes
 * them from the ledger as of the bulletin's `as_of` and flags any number
 * that differs (a hand-changed rate). Rates typed into the prose of 一、总体
 * 情况 are held to the same figures. The 版记 is laid out from the
 * bulletin's fields, so a typed one in the body is flagged too.
 */
import type { Issue } from '../issues.ts';
import type { Located } from '../ledger.ts';
import { ledgerFigures } from '../ledger-figures.ts';
import { figureInput } from '../ledger-figures.ts';
import { parsePeriod } from '../period.ts';
import { tallyJson, type PeriodFigures, type PeriodTally } from '../period-figures.ts';
import type { Bulletin } from '../schemas/bulletin.ts';
import { issue } from '../issues.ts';
import { at, dottedPath, type Rule } from './context.ts';

/** The figures fields of a bulletin and what the ledger says they are. */
export function statedFigures(f: PeriodFigures) {
  // a bulletin states the counts and rates, not the 加减分 columns
  const t = (x: PeriodTally) => {
    const { due, done, on_time, overdue, feedback_due, feedback_answered, completion_rate, on_time_rate, feedback_rate } = tallyJson(x);
    return { due, done, on_time, overdue, feedback_due, feedback_answered, completion_rate, on_time_rate, feedback_rate };
  };
  const all = t(f.all);
  return {
    as_of: f.asOf,
    ...all,
    ranking: f.ranking.map((r) => {
      const u = t(r.tally);
      return { rank: r.rank, unit: r.unit, score: r.score, completion_rate: u.completion_rate, on_time_rate: u.on_time_rate, feedback_rate: u.feedback_rate, overdue: u.overdue };
    }),
  };
}
export type StatedFigures = ReturnType<typeof statedFigures>;

const RATE_WORDS: [RegExp, 'completion_rate' | 'on_time_rate' | 'feedback_rate'][] = [
  [/按期办结率[为是达到：:\s]*([\d.]+%)/gu, 'on_time_rate'],
  [/(?<!按期)办结率[为是达到：:\s]*([\d.]+%)/gu, 'completion_rate'],
  [/反馈率[为是达到：:\s]*([\d.]+%)/gu, 'feedback_rate'],
];

/** Lines of the body's 一、总体情况 section, with their file line numbers. */
function overviewLines(b: Located<Bulletin>): { text: string; line: number }[] {
  const lines = b.body.split(/\r?\n/);
  const out: { text: string; line: number }[] = [];
  let inside = false;
  lines.forEach((text, i) => {
    if (/^#{1,6}\s/.test(text)) inside = /总体情况/.test(text);
    else if (inside) out.push({ text, line: b.bodyLine + i });
  });
  return out;
}

/** A 版记 typed into the body: 报：/送：/发： lines, or the 印发 line. */
const BANJI_LINE = /^\s*(?:(?:报|送|发|抄送|主送)[：:]|.*\d{4}年\d{1,2}月\d{1,2}日印发)/u;

export const typedBanji: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const b of ctx.ledger.bulletins) {
    const lines = b.body.split(/\r?\n/);
    const k = lines.findIndex((l) => BANJI_LINE.test(l));
    if (k >= 0) out.push(issue('bulletin-typed-banji', { file: b.file, line: b.bodyLine + k }, { text: lines[k]!.trim().slice(0, 40) }));
  }
  return out;
};

export const bulletinFigureRule: Rule = (ctx) => {
  const out: Issue[] = [];
  const withFigures = ctx.ledger.bulletins.filter((b) => b.value.figures);
  // figures need every item: a history check's partial ledger waits for the working-tree check
  if (!ctx.complete || withFigures.length === 0) return out;
  // an item that does not validate is missing from the sums: its own issue says what to fix, no cascade here
  if ([...ctx.ledger.invalid].some((id) => id.startsWith('DB-'))) return out;
  const input = figureInput(ctx.ledger);
  for (const b of withFigures) {
    const v = b.value;
    const f = v.figures!;
    if (!v.period) {
      out.push(at(b, ['figures'], 'bulletin-period', { detail: '通报写了统计数据 figures，但没有写统计期 period' }));
      continue;
    }
    const parsed = parsePeriod(v.period);
    if (!parsed.ok) {
      out.push(at(b, ['period'], 'bulletin-period', { detail: parsed.message }));
      continue;
    }
    if (f.as_of > v.date) {
      out.push(at(b, ['figures', 'as_of'], 'bulletin-period', { detail: `统计截止日期 ${f.as_of} 晚于印发日期 ${v.date}` }));
      continue;
    }
    const computed = statedFigures(ledgerFigures(ctx.ledger, parsed.period, f.as_of, input, f.score));
    const report = (path: (string | number)[], stated: unknown, want: unknown) =>
      out.push(at(b, path, 'bulletin-figures', { field: dottedPath(path), stated: String(stated), computed: String(want), asOf: computed.as_of, period: parsed.period.key }));
    if (f.as_of !== computed.as_of) report(['figures', 'as_of'], f.as_of, computed.as_of);
    for (const key of ['due', 'done', 'on_time', 'overdue', 'feedback_due', 'feedback_answered', 'completion_rate', 'on_time_rate', 'feedback_rate'] as const) {
      if (String(f[key]) !== String(computed[key])) report(['figures', key], f[key], computed[key]);
    }
    const rows = f.ranking;
    const want = computed.ranking;
    if (rows.length !== want.length) report(['figures', 'ranking'], `${rows.length} 个单位`, `${want.length} 个单位`);
    rows.forEach((row, i) => {
      const w = want[i];
      if (!w) return;
      for (const key of ['unit', 'rank', 'score', 'completion_rate', 'on_time_rate', 'feedback_rate', 'overdue'] as const) {
        if (String(row[key]) !== String(w[key])) report(['figures', 'ranking', i, key], row[key], w[key]);
      }
    });
    // rates typed in the prose of 一、总体情况
    for (const { text, line } of overviewLines(b)) {
      for (const [re, key] of RATE_WORDS) {
        for (const m of text.matchAll(re)) {
          const typed = m[1]!;
          if (typed !== computed[key]) {
            out.push(issue('bulletin-figures', { file: b.file, line }, { field: `正文“一、总体情况”中的${key === 'completion_rate' ? '办结率' : key === 'on_time_rate' ? '按期办结率' : '反馈率'}`, stated: typed, computed: computed[key], asOf: computed.as_of, period: parsed.period.key }));
          }
        }
      }
    }
  }
  return out;
};
