/**
 * `ledger remind [--json] [--record] [--print FILE.docx]`: the 催办 list —
 * due soon, overdue, reports missed per the item's cadence — grouped by
 * unit and by leader, as text ready to send, as JSON, or as a printable
 * 催办单 (.docx); `--record` appends a 催办 entry (date, method, to whom, by
 * whom) to each listed item: the `remind` amendment of the workflow table.
 * Escalation steps from config are suggested, never applied.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chaseEntry, chaseLine, ESCALATION_LABELS, reminderList, reminderMessages, type ReminderList } from '../domain/documents/reminders.ts';
import { chineseDate, type OfficialDocument } from '../domain/documents/official-document.ts';
import { REMINDER_METHODS } from '../domain/schemas/item.ts';
import { item as itemSchema } from '../domain/schemas/item.ts';
import { appendListEntry } from '../format/append-entry.ts';
import { itemPath } from '../format/layout.ts';
import { parseFrontmatterText } from '../format/parse-record.ts';
import { validateParsed } from '../format/validate.ts';
import { officialDocx } from '../io/docx/official-docx.ts';
import { Refusal, UsageError } from './errors.ts';
import type { Register } from './main.ts';
import { M } from './messages.ts';
import { progressBar } from './progress.ts';
import { readWholeLedger, todayOf } from './whole-ledger.ts';

interface RemindOptions {
  json?: boolean;
  record?: boolean;
  method?: string;
  as?: string;
  print?: string;
  today?: string;
  dir?: string;
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

export const registerRemind: Register = (program, io) => {
  program
    .command('remind')
    .description('列出即将到期、已超期和未按要求报送的事项（催办），按单位和领导分组；可打印催办单，可把催办记入台账')
    .option('--json', M.json)
    .option('--record', '在每个所列事项的 reminders 中追加一条催办记录（日期、方式、对象、催办人）')
    .option('--method <方式>', `催办方式：${REMINDER_METHODS.join('、')}（默认 phone）`)
    .option('--as <人员>', `${M.as}；--record 时必填，须为考核督查办人员`)
    .option('--print <文件>', '把催办单写成 .docx（A4，可在 WPS 中打印）')
    .option('--today <日期>', M.today)
    .option('--dir <文件夹>', M.dir)
    .addHelpText('after', `\n${M.examples}\n  ledger remind\n  ledger remind --print 催办单.docx\n  ledger remind --record --as wang-fang --method phone\n  ledger remind --json\n`)
    .action(async (opts: RemindOptions) => {
      const today = todayOf(opts.today);
      const method = (opts.method ?? 'phone') as (typeof REMINDER_METHODS)[number];
      if (!REMINDER_METHODS.includes(method)) throw new UsageError(`催办方式 “${opts.method}” 不对：只能是 ${REMINDER_METHODS.join('、')}`);
      const { dir, ledger } = await readWholeLedger(opts.dir ?? '.', progressBar(opts.json));
      const office = ledger.config?.value.office ?? '考核督查办';
      const list = reminderList(ledger, today);
      if (opts.record) {
        if (!opts.as) throw new UsageError('记录催办须用 --as 指明催办人（考核督查办人员），例如 --as wang-fang');
        const p = ledger.people.find((x) => x.value.id === opts.as)?.value;
        if (!p) throw new UsageError(M.unknownPerson(opts.as));
        if (!p.roles.includes('office')) throw new Refusal(`催办由考核督查办记录，${p.name}不是考核督查办人员`);
        // every file is edited and validated in memory first: a refusal leaves the repository as it was
        const edits: { file: string; text: string }[] = [];
        for (const c of list.chases) {
          const file = itemPath(c.id);
          const before = readFileSync(join(dir, file), 'utf8');
          let after: string;
          try {
            after = appendListEntry(before, 'reminders', chaseEntry(c, today, p.id, method));
          } catch {
            throw new Refusal(`${file} 的 reminders 写成了一行，无法追加；请改为每条一行（- { … }）后重试。未改动任何文件`);
          }
          const v = validateParsed(itemSchema, parseFrontmatterText(after, file), file);
          if (!v.ok) throw new Refusal(`追加催办记录后 ${file} 不合规，未改动任何文件`, v.issues);
          edits.push({ file, text: after });
        }
        for (const e of edits) writeFileSync(join(dir, e.file), e.text);
        if (!opts.json) io.out(`已在 ${edits.length} 个事项追加催办记录（${today}，${p.name}）。请检查后提交，例如：git commit -am "催办 ${today}"\n`);
      }
      if (opts.print) {
        writeFileSync(resolve(opts.print), await officialDocx(sheet(list, office)));
        if (!opts.json) io.out(`已写出催办单 ${opts.print}（${list.byUnit.length} 个单位，${list.chases.length} 项）\n`);
      }
      if (opts.json) io.out(`${JSON.stringify({ ...list, messages: reminderMessages(list, office) }, null, 2)}\n`);
      else if (!opts.record && !opts.print) io.out(text(list, office));
    });
};
