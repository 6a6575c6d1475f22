/**
 * `ledger bulletin --period P` (also `ledger bulletin-draft`): write the
 * next 期号's 督查通报 as a draft record for review, figures computed from
 * the ledger. The draft itself is `domain/documents/bulletin-draft.ts`;
 * this file declares the options and writes the file.
 *
 * Hand-over: `bulletin` is also the workflow edge that moves an item to
 * 已通报. The generic edge command (src/cli, issue 8) calls
 * `runBulletinDraft(opts, io)` when `--period` is given and adds
 * `addDraftOptions` to its own options; until it exists, this module
 * registers `bulletin` itself (only when no other command has the name).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { draftBulletin, type DraftKind } from '../domain/documents/bulletin-draft.ts';
import { parsePeriod } from '../domain/period.ts';
import { percent } from '../domain/period-figures.ts';
import { bulletinPath } from '../format/layout.ts';
import { bulletinText } from '../format/bulletin-text.ts';
import { Refusal, UsageError } from './errors.ts';
import type { Io, Register } from './main.ts';
import { M } from './messages.ts';
import { progressBar } from './progress.ts';
import { readWholeLedger, todayOf } from './whole-ledger.ts';

export interface DraftCliOptions {
  period?: string;
  kind?: string;
  as?: string;
  dryRun?: boolean;
  today?: string;
  dir?: string;
  json?: boolean;
}

const KINDS: DraftKind[] = ['meeting', 'special', 'overdue'];

export const DRAFT_HELP = `\n${M.examples}\n  ledger bulletin --period 2026-11 --dry-run      看一看 11 月的通报草稿，不写文件\n  ledger bulletin --period 2026Q3 --as wang-fang  写出下一期通报草稿（records/bulletins/<年>/TB-<年>-<期>.md）\n  ledger bulletin --period 2026-11 --kind overdue 只通报超期未办结事项\n`;

/** The draft's options, for this module's command and for the generic `bulletin` edge command. */
export function addDraftOptions(cmd: Command): Command {
  return cmd
    .option('--period <统计期>', M.period)
    .option('--kind <类型>', '只通报某类事项：meeting（会议督办）、special（专项督查）、overdue（超期事项）；默认全部事项')
    .option('--as <人员>', `${M.as}；默认上一期通报的起草人`)
    .option('--dry-run', '只显示草稿，不写文件')
    .option('--today <日期>', M.today)
    .option('--dir <文件夹>', M.dir);
}

export async function runBulletinDraft(opts: DraftCliOptions, io: Io): Promise<void> {
  if (!opts.period) throw new UsageError('请用 --period 指定统计期，例如 --period 2026-11');
  const p = parsePeriod(opts.period);
  if (!p.ok) throw new UsageError(p.message);
  const kind = opts.kind as DraftKind | undefined;
  if (kind !== undefined && !KINDS.includes(kind)) throw new UsageError(`通报类型 “${opts.kind}” 不对：只能是 ${KINDS.join('、')}`);
  const today = todayOf(opts.today);
  if (p.period.from > today) throw new UsageError(`统计期 ${p.period.label} 还没有开始（今天是 ${today}）`);
  const progress = progressBar(opts.json);
  const { dir, ledger } = await readWholeLedger(opts.dir ?? '.', progress, { writeCache: false });
  const people = new Map(ledger.people.map((x) => [x.value.id, x.value]));
  const by =
    opts.as ??
    [...ledger.bulletins].sort((a, b) => b.value.date.localeCompare(a.value.date))[0]?.value.drafted.by ??
    ledger.people.find((x) => x.value.roles.includes('office') && x.value.active)?.value.id;
  if (!by || !people.has(by)) throw new UsageError(M.unknownPerson(by ?? '（未指定）'));
  if (!people.get(by)!.roles.includes('office')) throw new Refusal(`通报由考核督查办起草，${people.get(by)!.name}不是考核督查办人员`);
  const draft = draftBulletin(ledger, { period: p.period, today, by, kind });
  const r = draft.record;
  const path = bulletinPath(r.id, r.year);
  const text = bulletinText(r, draft.body);
  const a = draft.figures.all;
  const summary = `${r.id}（${p.period.label}，截至 ${draft.figures.asOf}）：应办结 ${a.due} 项，办结率 ${percent(a.completionRate)}，按期办结率 ${percent(a.onTimeRate)}，反馈率 ${percent(a.feedbackRate)}，涉及事项 ${r.items.length} 项，排名单位 ${draft.figures.ranking.length} 个`;
  if (opts.dryRun) {
    io.out(`${text}\n`);
    io.err(`（试运行，未写文件）${summary}\n`);
    return;
  }
  const abs = join(dir, path);
  if (existsSync(abs)) throw new Refusal(`${path} 已存在：第 ${r.number} 期已有通报，未改动任何文件`);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
  io.out(`已写出通报草稿 ${path}\n${summary}\n下一步：修改正文后提交，送分管考核督查领导审阅、主要领导批示。\n`);
}

export const registerBulletinDraft: Register = (program, io) => {
  const describe = (cmd: Command) =>
    addDraftOptions(cmd.description('按台账起草下一期督查通报（统计数据由台账计算）'))
      .addHelpText('after', DRAFT_HELP)
      .action((opts: DraftCliOptions) => runBulletinDraft(opts, io));
  describe(program.command('bulletin-draft'));
  // the generic edge command (issue 8) owns `bulletin` once it exists and hands over on --period
  if (!program.commands.some((c) => c.name() === 'bulletin')) describe(program.command('bulletin'));
};
