/**
 * `ledger remind [--json] [--record] [--print FILE.docx]`: the 催办 list —
 * due soon, overdue, reports missed per the item's cadence — grouped by
 * unit and by leader, as text ready to send, as JSON, or as a printable
 * 催办单 (.docx); `--record` appends a 催办 entry (date, method, to whom, by
 * whom) to each listed item: the `remind` amendment of the workflow table,
 * taken through the step path (one commit). A mode of the `remind` step
 * command (`step-modes.ts`), used when no item id is given. Escalation
 * steps from config are suggested, never applied.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stepCatalogue } from '../domain/actions/catalogue.ts';
import { AMENDMENTS } from '../domain/workflow.ts';
import { chaseEntry, chaseLine, ESCALATION_LABELS, reminderList, reminderMessages, type ReminderList } from '../domain/documents/reminders.ts';
import { chineseDate, type OfficialDocument } from '../domain/documents/official-document.ts';
import { REMINDER_METHODS } from '../domain/schemas/item.ts';
import { Refusal, UsageError } from './errors.ts';
import type { Io } from './main.ts';
import { M } from './messages.ts';
import { progressBar } from './progress.ts';
import { addStepMode } from './step-modes.ts';
import { S } from './step-messages.ts';
import { takeStep } from './take-step.ts';
import { readWholeLedger, todayOf } from './whole-ledger.ts';

interface RemindOptions {
  json?: boolean;
  record?: boolean;
  method?: string;
  as?: string;
  print?: string;
  today?: string;
  dir?: string;
  dryRun?: boolean;
}

function text(list: ReminderList, office: string): string {
  if (list.chases.length === 0) return `截至 ${list.today}，没有即将到期、超期或漏报的事项。\n`;
  const L = [`截至 ${list.today}：需催办事项 ${list.chases.length} 项（超期 ${list.chases.filter((c) => c.daysLeft < 0).length} 项）`, ''];
  L.push('一、按责任单位（可直接发送）', '');
  for (const m of reminderMessages(list, office)) L.push(m.text, '');
  L.push('二、按责任领导', '');
  for (const g of list.byLeader) {
    L.push(`${g.name}：${g.chases.length} 项`);
    for (const c of g.chases) L.push(`  ${chaseLine(c)}`);
  }
  const suggested = list.chases.filter((c) => c.suggest);
  if (suggested.length) {
    L.push('', '三、建议的升级措施（按 config.yml 的 reminders.escalation；须另行办理，本命令不会自动执行）', '');
    for (const c of suggested) L.push(`  ${c.id} 超期${-c.daysLeft}天，已催办${c.chased}次：建议${ESCALATION_LABELS[c.suggest!]}`);
  }
  return `${L.join('\n')}\n`;
}

function sheet(list: ReminderList, office: string): OfficialDocument {
  return {
    masthead: { title: office },
    title: '督办事项催办单',
    blocks: list.byUnit.flatMap((g) => [
      { type: 'h' as const, level: 1, text: `${g.name}（${g.chases.length}项）` },
      {
        type: 'table' as const,
        head: ['编号', '事项', '时限', '情况', '建议'],
        rows: g.chases.map((c) => [c.id, c.title, c.deadline, chaseLine(c).replace(/^[^：]*：/, ''), c.suggest ? ESCALATION_LABELS[c.suggest] : '']),
      },
    ]),
    sign: { office, date: chineseDate(list.today) },
    banji: { reportTo: [], sendTo: [], issueTo: list.byUnit.map((g) => g.name), office, date: list.today },
  };
}

const REMIND_HELP = `\n  ledger remind\n  ledger remind --print 催办单.docx\n  ledger remind --record --as wang-fang --method phone     （为所列每个事项追加一条催办记录，一次提交）\n  ledger remind --json\n`;

/**
 * The list mode of the `remind` step: without item ids, `ledger remind`
 * lists what to chase; `--record` takes the table's `remind` amendment on
 * every listed item through the same step path as any step — one commit
 * naming the items, authored as `--as`, judged by the range check before
 * it lands. With ids it is the plain amendment (`ledger remind DB-… --to …`).
 */
export async function runRemind(opts: RemindOptions, io: Io): Promise<void> {
  const today = todayOf(opts.today);
  const method = (opts.method ?? 'phone') as (typeof REMINDER_METHODS)[number];
  if (!REMINDER_METHODS.includes(method)) throw new UsageError(`催办方式 “${opts.method}” 不对：只能是 ${REMINDER_METHODS.join('、')}`);
  if (opts.record && !opts.as) throw new UsageError('记录催办须用 --as 指明催办人（考核督查办人员），例如 --as wang-fang');
  const { ledger } = await readWholeLedger(opts.dir ?? '.', progressBar(opts.json || opts.record), { writeCache: !opts.record });
  const office = ledger.config?.value.office ?? '考核督查办';
  const list = reminderList(ledger, today);
  if (opts.record) {
    if (!list.chases.length) throw new Refusal(`截至 ${today} 没有需要催办的事项，没有提交`);
    const step = stepCatalogue().find((x) => x.action === AMENDMENTS.remind.action)!;
    const perItem = new Map(list.chases.map((c) => {
      const e = chaseEntry(c, today, opts.as!, method);
      return [c.id, { to: e.to, note: e.note }] as const;
    }));
    const r = await takeStep({ step, ids: list.chases.map((c) => c.id), as: opts.as!, raw: { method, date: today }, perItem, dir: opts.dir ?? '.', dryRun: opts.dryRun === true, today });
    if (!r.landed) {
      io.out(r.diff ?? '');
      io.out(`${S.dryRunDone}\n`);
    } else if (!opts.json) io.out(`${S.landed(r.commit.slice(0, 7), r.change.message.split('\n')[0]!)}\n`);
  }
  if (opts.print) {
    const { officialDocx } = await import('../io/docx/official-docx.ts');
    writeFileSync(resolve(opts.print), await officialDocx(sheet(list, office)));
    if (!opts.json) io.out(`已写出催办单 ${opts.print}（${list.byUnit.length} 个单位，${list.chases.length} 项）\n`);
  }
  if (opts.json) io.out(`${JSON.stringify({ ...list, messages: reminderMessages(list, office) }, null, 2)}\n`);
  else if (!opts.record && !opts.print) io.out(text(list, office));
}

addStepMode({
  action: AMENDMENTS.remind.action,
  // --as, --method, --dry-run, --today and --dir are the step command's own, shared
  options: [
    ['--json', M.json],
    ['--record', '在每个所列事项的 reminders 中追加一条催办记录（日期、方式、对象、催办人），一次提交'],
    ['--print <文件>', '把催办单写成 .docx（A4，可在 WPS 中打印）'],
  ],
  applies: (_opts, ids) => ids.length === 0,
  summary: '不写编号时列出需催办的事项，--record 全部记入台账',
  run: (opts, io) => runRemind(opts as RemindOptions, io),
  help: `\n不写编号时列出即将到期、已超期和未按要求报送的事项（按单位和领导分组），可打印催办单、可把催办记入台账：${REMIND_HELP}`,
});
