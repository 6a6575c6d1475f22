/**
 * `npm run bench [-- --items 10000] [-- --site]`: generate a ledger of N
 * items with realistic history (~6 commits an item) and hold each step to
 * its target. Figures, not test assertions: speed lives here.
 *
 * Targets at 10,000 items (ROADMAP): working-tree check ≤ 2 s, one-commit
 * range check ≤ 0.3 s, one `ledger` action ≤ 0.5 s, full-history check ≤ 20 s, site build ≤ 30 s and
 * ≤ 1.5 GB.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateLedger } from '../src/demo/generate.ts';
import { fastImport } from '../src/io/git/fast-import.ts';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    fresh: { type: 'boolean', default: false },
    site: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench-output' },
  },
});
const items = Number(values.items);
const root = resolve(import.meta.dirname, '..');
const node = join(root, 'node_modules/.bin/node');
const out = resolve(values.out!);
const repo = join(out, `ledger-${items}`);
const scale = items / 10_000;

interface Row {
  step: string;
  seconds: number;
  peakMB?: number;
  target?: number;
  ok?: boolean;
  note?: string;
}
const rows: Row[] = [];

/** Run a command; wall time and peak RSS (GNU time, when installed). */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): { seconds: number; peakMB?: number; status: number; stdout: string } {
  const useTime = existsSync('/usr/bin/time');
  const memFile = join(out, 'mem.txt');
  const t0 = process.hrtime.bigint();
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', '-o', memFile, cmd, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const peakMB = useTime && existsSync(memFile) ? Math.round(Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) / 1024) : undefined;
  return { seconds, peakMB, status: r.status ?? 1, stdout: r.stdout };
}

mkdirSync(out, { recursive: true });
if (values.fresh || !existsSync(join(repo, '.git'))) {
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  const t0 = Date.now();
  await fastImport(repo, 'main', generateLedger({ items }));
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: repo });
  rows.push({ step: `generate ${items} items`, seconds: (Date.now() - t0) / 1000 });
}
const commits = Number(execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim());
const files = Number(execFileSync('git', ['ls-files', 'records'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n').filter(Boolean).length);

const tree = timed(node, [existsSync(join(root, 'dist-cli/check.mjs')) ? 'dist-cli/check.mjs' : 'scripts/check.ts', '--dir', repo, '--today', '2099-12-31']);
rows.push({ step: 'working-tree check', seconds: tree.seconds, peakMB: tree.peakMB, target: 2 * scale, ok: tree.status === 0, note: tree.status === 0 ? '' : tree.stdout.split('\n').slice(-3).join(' ') });

// a realistic push: one legal step on one item, checked as the hook does (process start included)
const target = execFileSync('git', ['grep', '-l', '--all-match', '-e', 'state: registered', '-e', 'kind: superior', 'HEAD', '--', 'records/items'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 })
  .split('\n')
  .map((l) => l.replace(/^HEAD:/, ''))
  .find((l) => l.endsWith('item.md'));
let oneCommitNote = '';
if (target) {
  const text = readFileSync(join(repo, target), 'utf8');
  const when = '2099-01-01T10:00:00+08:00';
  const reg = /registered:\n\s+date: (\S+)/.exec(text)?.[1] ?? '2026-01-01';
  const next = text.replace('state: registered', 'state: instructed').replace(/\n---\n/, `\ninstruction:\n  date: ${reg}\n  by: main-1\n  text: 请抓好落实。\n---\n`);
  writeFileSync(join(repo, target), next);
  const env = { GIT_AUTHOR_NAME: '主要领导甲', GIT_AUTHOR_EMAIL: 'main1@bench.example', GIT_COMMITTER_NAME: '主要领导甲', GIT_COMMITTER_EMAIL: 'main1@bench.example', GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  execFileSync('git', ['commit', '-qam', 'bench: one step'], { cwd: repo, env: { ...process.env, ...env } });
  // as the pre-receive hook runs it: the bundled checker (npm run build:cli)
  const cli = existsSync(join(root, 'dist-cli/check.mjs')) ? 'dist-cli/check.mjs' : 'scripts/check.ts';
  timed(node, [cli, '--dir', repo, '--range', 'HEAD~1..HEAD']); // warm the compile cache, as a server's would be
  const one = timed(node, [cli, '--dir', repo, '--range', 'HEAD~1..HEAD']);
  rows.push({ step: 'one-commit range check (hook)', seconds: one.seconds, peakMB: one.peakMB, target: 0.3, ok: one.status === 0, note: one.status === 0 ? '' : one.stdout.slice(0, 300) });
  execFileSync('git', ['reset', '-q', '--hard', 'HEAD~1'], { cwd: repo });
  // the same step taken by `ledger` (bundled, process start included): lock, edit, commit, the hook's check, land
  const id = target.split('/').at(-2)!;
  const action = () => timed(node, [join(root, 'bin/ledger.mjs'), 'instruct', id, '--as', 'office-1', '--by', 'main-1', '--text', '请抓好落实。', '--dir', repo]);
  const warm = action(); // warm the compile cache
  if (warm.status === 0) execFileSync('git', ['reset', '-q', '--hard', 'HEAD~1'], { cwd: repo });
  const act = action();
  rows.push({ step: 'one ledger action (instruct)', seconds: act.seconds, peakMB: act.peakMB, target: 0.5, ok: act.status === 0, note: act.status === 0 ? '' : act.stdout.slice(0, 300) });
  if (act.status === 0) execFileSync('git', ['reset', '-q', '--hard', 'HEAD~1'], { cwd: repo });
} else oneCommitNote = 'no registered item to move';

const all = timed(node, [existsSync(join(root, 'dist-cli/check.mjs')) ? 'dist-cli/check.mjs' : 'scripts/check.ts', '--dir', repo, '--all']);
rows.push({ step: `full-history check (${commits} commits)`, seconds: all.seconds, peakMB: all.peakMB, target: 20 * scale, ok: all.status === 0, note: all.status === 0 ? '' : all.stdout.split('\n').slice(0, 3).join(' ') });

if (values.site && existsSync(join(root, 'astro.config.mjs'))) {
  const dist = join(out, `site-${items}`);
  rmSync(dist, { recursive: true, force: true });
  const site = timed(join(root, 'node_modules/.bin/astro'), ['build'], {
    LEDGER_REPO: repo,
    SITE_BUILD: 'internal',
    SITE_OUT: dist,
    SITE_TODAY: '2026-11-24',
    ASTRO_TELEMETRY_DISABLED: '1',
    PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`,
  });
  const pages = site.status === 0 ? Number(execFileSync('sh', ['-c', `find '${dist}' -name '*.html' | wc -l`], { encoding: 'utf8' }).trim()) : 0;
  rows.push({
    step: 'site build (incl. search index)',
    seconds: site.seconds,
    peakMB: site.peakMB,
    target: 30 * scale,
    ok: site.status === 0 && (site.peakMB ?? 0) <= 1536 * Math.max(1, scale),
    note: site.status === 0 ? `${pages} pages${(site.peakMB ?? 0) > 1536 * Math.max(1, scale) ? ', OVER 1.5 GB' : ''}` : site.stdout.slice(-300),
  });
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
console.log(`\nledger: ${repo}\n${items} items, ${files} record files, ${commits} commits${oneCommitNote ? ` (${oneCommitNote})` : ''}\n`);
console.log(`${pad('step', 40)}${pad('seconds', 10)}${pad('peak MB', 10)}${pad('target s', 10)}result`);
for (const r of rows) {
  const verdict = r.target === undefined ? '' : r.ok === false ? 'FAILED' : r.seconds <= r.target ? 'ok' : 'OVER TARGET';
  console.log(`${pad(r.step, 40)}${pad(r.seconds.toFixed(2), 10)}${pad(String(r.peakMB ?? ''), 10)}${pad(r.target?.toFixed(1) ?? '', 10)}${verdict} ${r.note ?? ''}`);
}
writeFileSync(join(out, `results-${items}.json`), JSON.stringify({ items, files, commits, rows }, null, 2));
process.exitCode = rows.some((r) => r.ok === false || (r.target !== undefined && r.seconds > r.target)) ? 1 : 0;
