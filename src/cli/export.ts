/**
 * `ledger export --xlsx FILE [--period P] [--build AUDIENCE] [--by year|kind]`:
 * the 《督查工作台账》 as an Excel workbook; `ledger export --docx DOC-ID FILE`:
 * a bulletin or notice as a Word/WPS document. Rows and documents are
 * decided in `domain/documents`; the writers are `io/xlsx` and `io/docx`.
 */
import { resolve } from 'node:path';
import { ledgerRows } from '../domain/documents/ledger-rows.ts';
import { namesOf } from '../domain/documents/names.ts';
import { ledgerFigures } from '../domain/ledger-figures.ts';
import { writeLedgerXlsx } from '../io/xlsx/ledger-xlsx.ts';
import { UnknownDocument, writeDocumentDocx } from '../io/docx/document-docx.ts';
import { Refusal, UsageError } from './errors.ts';
import type { Register } from './main.ts';
import { M } from './messages.ts';
import { progressBar } from './progress.ts';
import { audience, periodOption } from './ledger-scope.ts';
import { readWholeLedger, todayOf } from './whole-ledger.ts';

interface ExportOptions {
  xlsx?: string;
  docx?: string[];
  period?: string;
  build?: string;
  by?: string;
  today?: string;
  dir?: string;
}

export const registerExport: Register = (program, io) => {
  program
    .command('export')
    .description('导出《督查工作台账》Excel 表格，或把督查通报、督办通知导出为 Word/WPS 文档')
    .option('--xlsx <文件>', '导出台账到 .xlsx 文件（每年一张表，另加“统计”表）')
    .option('--docx <编号和文件...>', '把一份通报或通知（编号如 TB-2026-10、TZ-2026-007）导出到 .docx 文件')
    .option('--period <统计期>', `${M.period}；台账只列此期间在办、到期或登记的事项（默认全部），统计表默认今年`)
    .option('--build <版本>', '按 config.yml 中某个站点版本（如 public）的公开范围导出，不含此版本看不到的记录')
    .option('--by <分表>', '分表方式：year（每年一张，默认）或 kind（每个类别一张）')
    .option('--today <日期>', M.today)
    .option('--dir <文件夹>', M.dir)
    .addHelpText('after', `\n${M.examples}\n  ledger export --xlsx 台账.xlsx\n  ledger export --xlsx 三季度台账.xlsx --period 2026Q3 --build public\n  ledger export --docx TB-2026-10 张范督查第10期.docx\n`)
    .action(async (opts: ExportOptions) => {
      if (!opts.xlsx === !opts.docx) throw new UsageError('请指定 --xlsx <文件> 或 --docx <编号> <文件>（二选一）');
      const today = todayOf(opts.today);
      const progress = progressBar();
      const { ledger: full } = await readWholeLedger(opts.dir ?? '.', progress);
      const { ledger, partial } = audience(full, opts.build);
      if (opts.docx) {
        if (opts.docx.length !== 2) throw new UsageError('用法：--docx <编号> <文件>，例如 --docx TB-2026-10 通报.docx');
        const [id, file] = opts.docx as [string, string];
        const written = await writeDocumentDocx(resolve(file), ledger, id).catch((e: unknown) => {
          if (e instanceof UnknownDocument) throw new Refusal(`找不到通报或通知 “${id}”${opts.build ? `（或不在 ${opts.build} 版本的公开范围内）` : ''}：通报编号如 TB-2026-10，通知编号如 TZ-2026-007`);
          throw e;
        });
        io.out(`已导出${written} 到 ${file}\n`);
        return;
      }
      const split = (opts.by ?? 'year') as 'year' | 'kind';
      if (split !== 'year' && split !== 'kind') throw new UsageError(`分表方式 “${opts.by}” 不对：只能是 year 或 kind`);
      const period = periodOption(opts.period, today);
      const rows = ledgerRows(ledger, today, opts.period ? period : undefined);
      const figures = ledgerFigures(ledger, period, today);
      const n = namesOf(ledger);
      progress.start(rows.length, '写出台账');
      await writeLedgerXlsx(resolve(opts.xlsx!), {
        organisation: ledger.config?.value.organisation ?? '',
        rows,
        split,
        scope: opts.period ? period.label : '',
        figures,
        unitName: (u) => n.unitFull(u),
        partial,
        onRow: () => progress.tick(),
      });
      progress.stop();
      io.out(`已导出台账 ${rows.length} 项到 ${opts.xlsx}（统计表：${period.label}，截至 ${figures.asOf}${partial ? '，不含排名' : ''}）\n`);
    });
};
