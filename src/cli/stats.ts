/**
 * `ledger stats [--period P] [--json] [--build AUDIENCE] [--export FILE]`: the
 * figures of a period — 办结率, 按期办结率, 反馈率, per unit and leader, the
 * ranking — from `domain/period-figures.ts`, the same function the site's
 * figures pages call (a test holds them equal). `--export` writes the unit
 * scores for 绩效目标考核 as .xlsx or .csv.
 */
import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { namesOf } from '../domain/documents/names.ts';
import { TIER_LABELS } from '../domain/figures.ts';
import { ledgerFigures } from '../domain/ledger-figures.ts';
import { figuresJson, percent, type PeriodFigures } from '../domain/period-figures.ts';
import { UsageError } from './errors.ts';
import type { Register } from './main.ts';
import { M } from './messages.ts';
import { progressBar } from './progress.ts';
import { audience, periodOption } from './ledger-scope.ts';
import { readWholeLedger, todayOf } from './whole-ledger.ts';

interface StatsOptions {
  period?: string;
  json?: boolean;
  build?: string;
  export?: string;
  today?: string;
  dir?: string;
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Unit scores as CSV (UTF-8 with BOM so Excel and WPS read the Chinese). */
export function scoresCsv(f: PeriodFigures, unitName: (id: string) => string): string {
  const ranked = new Map(f.ranking.map((r) => [r.unit, r]));
  const head = ['统计期', '统计截至', '名次', '单位标识', '单位', '档次', '得分', '应办结', '已办结', '按期办结', '超期未办结', '办结率', '按期办结率', '应反馈', '按时反馈', '反馈率', '挂牌', '问责', '加减分'];
  const rows = [...f.byUnit]
    .sort((a, b) => (ranked.get(a[0])?.rank ?? 999) - (ranked.get(b[0])?.rank ?? 999) || a[0].localeCompare(b[0]))
    .map(([u, t]) => {
      const r = ranked.get(u);
      return [f.period.key, f.asOf, r?.rank, u, unitName(u), r ? TIER_LABELS[r.tier] : '', r?.score, t.due, t.done, t.onTime, t.overdue, percent(t.completionRate), percent(t.onTimeRate), t.feedbackDue, t.feedbackAnswered, percent(t.feedbackRate), t.flagged, t.accountability, t.adjustment];
    });
  return `\uFEFF${[head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function text(f: PeriodFigures, unitName: (id: string) => string, partial?: string): string {
  const a = f.all;
  const L = [
    `${f.period.label}（${f.period.from} 至 ${f.period.to}，统计截至 ${f.asOf}）`,
    `应办结 ${a.due} 项：已办结 ${a.done}，按期办结 ${a.onTime}，超期未办结 ${a.overdue}；办结率 ${percent(a.completionRate)}，按期办结率 ${percent(a.onTimeRate)}`,
    `应反馈 ${a.feedbackDue} 次，按时反馈 ${a.feedbackAnswered} 次，反馈率 ${percent(a.feedbackRate)}；挂牌 ${a.flagged}，问责 ${a.accountability}`,
    '',
  ];
  if (partial) L.push(partial);
  else if (f.ranking.length === 0) L.push('本期没有可排名的单位。');
  else {
    L.push('名次  得分   办结率  按期办结率  反馈率  超期  单位');
    for (const r of f.ranking) {
      const t = r.tally;
      L.push(`${String(r.rank).padStart(4)}  ${String(r.score).padStart(5)}  ${percent(t.completionRate).padStart(6)}  ${percent(t.onTimeRate).padStart(10)}  ${percent(t.feedbackRate).padStart(6)}  ${String(t.overdue).padStart(4)}  ${unitName(r.unit)}（${TIER_LABELS[r.tier]}）`);
    }
  }
  L.push('', '口径：应办结 = 现行时限在统计期内且不晚于统计日的事项（事项计入牵头单位）；办结率 = 已办结 ÷ 应办结；按期办结率 = 按期办结 ÷ 应办结；反馈率 = 按时反馈 ÷ 应反馈（只计牵头单位自己的报送）。');
  return `${L.join('\n')}\n`;
}

export const registerStats: Register = (program, io) => {
  program
    .command('stats')
    .description('统计某一期间的办结率、按期办结率、反馈率和责任单位排名（与网站“统计排名”一致）')
    .option('--period <统计期>', `${M.period}；默认今年`)
    .option('--json', M.json)
    .option('--build <版本>', '只统计 config.yml 中某个站点版本（如 public）看得到的事项；只看到部分事项时不排名')
    .option('--export <文件>', '把各单位得分导出为 .xlsx 或 .csv（用于绩效目标考核）')
    .option('--today <日期>', M.today)
    .option('--dir <文件夹>', M.dir)
    .addHelpText('after', `\n${M.examples}\n  ledger stats --period 2026Q3\n  ledger stats --period 2026-11 --json\n  ledger stats --period 2026 --export 2026年督查考核得分.xlsx\n`)
    .action(async (opts: StatsOptions) => {
      const today = todayOf(opts.today);
      const period = periodOption(opts.period, today);
      const { ledger: full } = await readWholeLedger(opts.dir ?? '.', progressBar(opts.json), { writeCache: true });
      const { ledger, partial } = audience(full, opts.build);
      const f0 = ledgerFigures(ledger, period, today);
      const f = partial ? { ...f0, ranking: [] } : f0;
      const n = namesOf(ledger);
      if (opts.export) {
        const ext = extname(opts.export).toLowerCase();
        if (ext === '.xlsx') await (await import('../io/xlsx/ledger-xlsx.ts')).writeScoresXlsx(resolve(opts.export), ledger.config?.value.organisation ?? '', f, n.unitFull);
        else if (ext === '.csv') writeFileSync(resolve(opts.export), scoresCsv(f, n.unitFull));
        else throw new UsageError(`导出文件应以 .xlsx 或 .csv 结尾：${opts.export}`);
        if (!opts.json) io.out(`已导出 ${f.byUnit.size} 个单位的${period.label}得分到 ${opts.export}\n`);
      }
      if (opts.json) io.out(`${JSON.stringify({ ...figuresJson(f, n), ...(partial ? { partial } : {}) }, null, 2)}\n`);
      else if (!opts.export) io.out(text(f, n.unitFull, partial));
    });
};
