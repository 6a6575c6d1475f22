/**
 * `ledger attach <编号> <文件…>`: files from the clerk's computer into an
 * item's `attachments/` folder, in one commit authored as `--as`. Each file
 * is sniffed and judged by the checker's own attachment rules (type by
 * content, size limit from config) before anything is written, and copied
 * under a safe name. A 督查汇报 (HB-…) names the files in its
 * `attachments` (the 上报稿); an item's files are named by the step they
 * belong to (`ledger close … --attachments 现场照片.jpg`: a landed step is
 * never rewritten), so the output says how.
 */
import type { Command } from 'commander';
import { SUMMARY_ID_RE } from '../domain/schemas/common.ts';
import type { SummaryDoc } from '../domain/schemas/summary.ts';
import { editRecordText } from '../format/edit-record.ts';
import { summaryPath } from '../format/layout.ts';
import { loadLedger } from '../format/load-ledger.ts';
import { readRecordFiles } from '../io/read-records.ts';
import { itemOf } from './context.ts';
import { Refusal, UsageError } from './errors.ts';
import type { Register } from './main.ts';
import { M } from './messages.ts';
import { attachFiles, isLocalFile } from './step-attachments.ts';
import { S } from './step-messages.ts';
import { todayOf } from './step-commands.ts';
import { readText } from './step-support.ts';
import { commitStep } from './take-step.ts';

interface AttachOptions {
  as?: string;
  note?: string;
  dryRun?: boolean;
  today?: string;
  dir?: string;
}

const HELP = `
${M.examples}
  ledger attach DB-2026-0053 ~/扫描/主要领导批示件.pdf --as wang-fang --note 批示件扫描件
  ledger attach HB-2026-010 上报稿.pdf --as wang-fang     （督查汇报的上报稿：写入汇报的 attachments）
  ledger close DB-2026-0053 --as wang-fang --method onsite --attachments 整改后现场照片.jpg     （办理环节时一并上传并引用）
`;

export const registerAttach: Register = (program: Command, io) => {
  program
    .command('attach')
    .description('上传附件：把本机文件放进事项的 attachments/ 文件夹（按内容识别类型、检查大小，自动取安全的文件名），一次提交')
    .argument('<编号>', '督办事项编号（DB-…），或督查汇报编号（HB-…，附件写入汇报的 attachments）')
    .argument('<文件...>', '本机文件路径，可以写多个')
    .option('--as <人员>', `${M.as}${S.required}`)
    .option('--note <说明>', '说明这是什么材料（写入提交说明）')
    .option('--dry-run', S.dryRun)
    .option('--today <日期>', S.today)
    .option('--dir <文件夹>', M.dir)
    .addHelpText('after', HELP)
    .action(async (id: string, paths: string[], opts: AttachOptions) => {
      if (!opts.as) throw new UsageError(S.missing(`--as（${M.as}）`));
      todayOf(opts.today);
      const isSummary = SUMMARY_ID_RE.test(id);
      const r = await commitStep({ dir: opts.dir ?? '.', dryRun: opts.dryRun === true, as: opts.as, ids: isSummary ? [] : [id], what: '上传附件' }, async (top, opened) => {
        let itemId = id;
        let doc: { file: string } | undefined;
        if (isSummary) {
          const rec = loadLedger(readRecordFiles(top, [summaryPath(id)])).ledger.summaries[0] as { file: string; value: SummaryDoc } | undefined;
          if (!rec) throw new Refusal(`找不到督查汇报 “${id}”（应在 ${summaryPath(id)}）`);
          itemId = rec.value.item;
          doc = rec;
        } else itemOf(opened, id);
        const missing = paths.filter((p) => !isLocalFile(p));
        if (missing.length) throw new UsageError(`读不到文件 ${missing.join('、')}`);
        const a = await attachFiles(top, itemId, paths);
        const files = [...a.files];
        if (doc) files.push({ path: doc.file, text: editRecordText(readText(top, doc.file), a.names.map((n) => ({ op: 'append' as const, path: ['attachments'], value: n }))) });
        const hint = doc ? [] : [`在办理相应环节时用 --attachments ${a.names.join(',')} 引用（例如 ledger close ${id} … --attachments ${a.names[0]}）；引用前检查会提示“附件没有被引用”`];
        return { files, message: S.messages.attach(id, a.names.join('、'), opts.note), lines: [...a.lines, ...hint] };
      });
      if (!r.landed) {
        io.out(r.diff ?? '');
        io.out(`${S.dryRunDone}\n`);
        return;
      }
      io.out(`${S.landed(r.commit.slice(0, 7), r.change.message.split('\n')[0]!)}\n${r.lines.map((l) => `${S.wrote(l)}\n`).join('')}`);
    });
};
