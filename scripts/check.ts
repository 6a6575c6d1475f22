/**
 * `npm run check`: validate the ledger.
 *
 *   npm run check                       working tree of the current directory
 *   npm run check -- --json             machine-readable output
 *   npm run check -- --dir PATH         another checkout
 *   npm run check -- --today 2026-05-01 pretend today is this date (tests)
 *
 * Exit 0: no error (warnings allowed); 1: errors; 2: bad usage.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { beijingDate } from '../src/domain/dates.ts';
import { checkTree } from '../src/checker/check-tree.ts';
import { formatJson, formatText, summarise } from '../src/checker/format.ts';

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        dir: { type: 'string', default: '.' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    });
  } catch (e) {
    process.stderr.write(`参数有误：${(e as Error).message}\n用法：npm run check -- [--json] [--dir 目录] [--today 日期]\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write('用法：npm run check -- [--json] [--dir 目录] [--today 日期]\n检查 records/ 下的全部台账记录。\n');
    return 0;
  }
  const t0 = performance.now();
  const today = args.values.today ?? beijingDate();
  const result = checkTree(resolve(args.values.dir!), { today });
  const summary = summarise(result.issues, result.files, performance.now() - t0);
  process.stdout.write((args.values.json ? formatJson(result.issues, summary) : formatText(result.issues, summary)) + '\n');
  return summary.errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
