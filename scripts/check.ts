/**
 * `npm run check`: validate the ledger.
 *
 *   npm run check                          working tree of the current directory
 *   npm run check -- --range BASE..HEAD    every commit of a range (CI, pre-receive hook)
 *   npm run check -- --range REV --new     commits of REV not on any existing branch or tag (new branch)
 *   … --pre-receive                        the server hook: ref updates on stdin, every pushed ref at once
 *   npm run check -- --all                 the whole history (from config git.baseline if set)
 *   npm run check -- --json                machine-readable output
 *   npm run check -- --dir PATH            another checkout
 *   npm run check -- --today 2026-05-01    pretend today is this date (tests)
 *
 * Exit 0: no error (warnings allowed); 1: errors; 2: bad usage.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { beijingDate } from '../src/domain/dates.ts';
import { checkTreeStreaming } from '../src/checker/check-tree.ts';
import { checkRange } from '../src/checker/check-range.ts';
import { checkPush, parseUpdates, protectedFromEnv, pusherFromEnv } from '../src/checker/pre-receive.ts';
import { formatJson, formatText, summarise } from '../src/checker/format.ts';

const USAGE = '用法：npm run check -- [--range 起点..终点 | --all | --pre-receive] [--json] [--dir 目录] [--today 日期]\n';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        dir: { type: 'string', default: '.' },
        today: { type: 'string' },
        range: { type: 'string' },
        new: { type: 'boolean', default: false },
        all: { type: 'boolean', default: false },
        'pre-receive': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    });
  } catch (e) {
    process.stderr.write(`参数有误：${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const v = args.values;
  if (v.help) {
    process.stdout.write(`${USAGE}不带参数时检查 records/ 下的全部台账记录；--range/--all 逐个检查提交。\n`);
    return 0;
  }
  const dir = resolve(v.dir!);
  const t0 = performance.now();
  let issues;
  let files: number;
  if (v['pre-receive']) {
    const stdin = await new Promise<string>((ok) => {
      let text = '';
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (d: string) => (text += d));
      process.stdin.on('end', () => ok(text));
    });
    const r = await checkPush(dir, parseUpdates(stdin), { protectedBranches: protectedFromEnv(process.env.LEDGER_PROTECTED_BRANCHES), pusher: pusherFromEnv(process.env) });
    issues = r.issues;
    files = r.changes;
  } else if (v.range || v.all) {
    const r = await checkRange(dir, { range: v.range, all: v.all, excludeExisting: v.new });
    issues = r.issues;
    files = r.changes;
  } else {
    const r = await checkTreeStreaming(dir, { today: v.today ?? beijingDate() });
    issues = r.issues;
    files = r.files;
  }
  const summary = summarise(issues, files, performance.now() - t0);
  process.stdout.write((v.json ? formatJson(issues, summary) : formatText(issues, summary)) + '\n');
  return summary.errors > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`internal error: ${(e as Error).stack ?? e}\n检查程序内部出错，请把以上信息发给维护人员。\n`);
    process.exitCode = 2;
  },
);
