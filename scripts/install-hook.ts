/**
 * `npm run hook:install -- /srv/git/ledger.git [--gitlab] [--protect "main release"]`:
 * install the pre-receive hook into a bare repository on a plain Git
 * server (hooks/) or a GitLab server (custom_hooks/), with this checkout as
 * LEDGER_HOME, and set the repository so Git itself refuses what no ledger
 * may hold: non-fast-forward updates (`receive.denyNonFastForwards`) and
 * malformed objects, such as a tree with a `..` entry (`receive.fsckObjects`).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_PROTECTED } from '../src/checker/pre-receive.ts';

const home = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values, positionals } = parseArgs({
  options: { gitlab: { type: 'boolean', default: false }, protect: { type: 'string' } },
  allowPositionals: true,
});
const target = positionals[0];
if (!target) {
  console.error('usage: npm run hook:install -- <bare-repo.git> [--gitlab] [--protect "main release"]');
  process.exit(2);
}
const repo = resolve(target);
const dir = join(repo, values.gitlab ? 'custom_hooks' : 'hooks');
mkdirSync(dir, { recursive: true });
const protect = (values.protect ?? DEFAULT_PROTECTED.join(' ')).split(/[\s,]+/).filter(Boolean).join(' ');
const hook = readFileSync(join(home, 'scripts/hooks/pre-receive'), 'utf8').replace('__LEDGER_HOME__', home).replace('__LEDGER_PROTECTED__', protect);
const out = join(dir, 'pre-receive');
writeFileSync(out, hook);
chmodSync(out, 0o755);
const settings: [string, string][] = [
  ['receive.denyNonFastForwards', 'true'],
  ['receive.fsckObjects', 'true'],
];
for (const [key, value] of settings) {
  execFileSync('git', ['config', '--file', join(repo, 'config'), key, value]);
}
console.log(`installed ${out} (LEDGER_HOME=${home}; protected: ${protect}); set receive.denyNonFastForwards and receive.fsckObjects`);
